import { describe, expect, it } from "vitest";
import { evaluateQuarter } from "./quarter-evaluation.js";
import { parseTargetSeries } from "./targets.js";

const series = (annual: string, quarters: string) =>
  parseTargetSeries({ annual, quarters: quarters.split(" ") }, { decimalSeparator: "." });

describe("evaluating a quarter of the RAK", () => {
  it("adds up deaths quarter by quarter against the targets so far (kematian bayi 10: 2 3 2 3)", () => {
    const e = evaluateQuarter({
      kind: "count",
      series: series("10", "2 3 2 3"),
      polarity: "lower",
      quarter: 2,
      realisasi: ["1", "2", null, null],
    });
    expect(e.targetToDate).toBe("5");
    expect(e.realisasiToDate).toBe("3");
    expect(e.capaianToDate).toMatchObject({ computable: true, value: "140" });
  });

  it("compares a prevalence level with the annual target, not with the 2,13 share of TW I (stunting 8,5)", () => {
    const e = evaluateQuarter({
      kind: "ratio",
      series: series("8.5", "2.13 2.13 2.13 2.13"),
      polarity: "lower",
      quarter: 1,
      realisasi: ["9.1", null, null, null],
      levelToDate: "9.1",
    });
    expect(e.targetToDate).toBe("8.5");
    expect(e.capaianToDate).toMatchObject({ computable: true, value: "92.94", category: "sangat_tinggi" });
  });

  it("leaves a year-end-only value (Angka Harapan Hidup) not computable before TW IV", () => {
    const e = evaluateQuarter({
      kind: "direct",
      series: series("72.18", "- - - 72.18"),
      polarity: "higher",
      quarter: 1,
      realisasi: [null, null, null, null],
    });
    expect(e.capaianToDate.computable).toBe(false);
  });

  it("projects a coverage level to year end from its trend", () => {
    const e = evaluateQuarter({
      kind: "ratio",
      series: series("95", "23.75 23.75 23.75 23.75"),
      polarity: "higher",
      quarter: 2,
      realisasi: ["80", "85", null, null],
      levelToDate: "82.5",
    });
    expect(e.forecast.projected).toBe("95");
    expect(e.forecast.status).toBe("on_track");
  });
});
