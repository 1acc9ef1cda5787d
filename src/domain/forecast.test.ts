import { describe, expect, it } from "vitest";
import { forecastYearEnd } from "./forecast.js";
import { parseTargetSeries } from "./targets.js";

const phbs = parseTargetSeries({ annual: "22", quarters: ["5", "5", "6", "6"] });

describe("year-end projection for quarterly realisasi that adds up", () => {
  it("projects cumulative realisasi × 4/q and calls ≥ 100% on track", () => {
    const forecast = forecastYearEnd({ series: phbs, realisasi: ["5", "6", null, null], polarity: "higher" });
    expect(forecast).toMatchObject({
      method: "run_rate",
      projected: "22",
      status: "on_track",
      capaian: { value: "100" },
    });
    expect(forecast.explanation.id).toBe(
      "Proyeksi akhir tahun 22 (rata-rata 2 triwulan yang dilaporkan × 4); capaian proyeksi 100,00% — Sesuai jalur",
    );
    expect(forecast.explanation.en).toBe(
      "Year-end projection 22 (mean of 2 reported quarters × 4); projected achievement 100% — On track",
    );
  });

  it("projects from the quarters that were reported, not from a missing quarter as zero", () => {
    const forecast = forecastYearEnd({ series: phbs, realisasi: ["4", null, "5", null], polarity: "higher" });
    expect(forecast).toMatchObject({ projected: "18", status: "off_track", capaian: { value: "81.82" } });
  });

  it("uses the full-year realisasi once TW IV is in", () => {
    const forecast = forecastYearEnd({ series: phbs, realisasi: ["5", "5", "6", "6"], polarity: "higher" });
    expect(forecast).toMatchObject({ method: "actual", projected: "22", status: "on_track" });
  });
});

describe("year-end projection for running totals and point-in-time values", () => {
  it("scales the latest running total of a cumulative series and flags 90–100% as at risk", () => {
    const series = parseTargetSeries({ annual: "100", quarters: ["25", "50", "75", "100"] });
    const forecast = forecastYearEnd({ series, realisasi: ["20", "45", null, null], polarity: "higher" });
    expect(forecast).toMatchObject({ method: "cumulative_rate", projected: "90", status: "at_risk" });
  });

  it("extends a least-squares trend to TW IV for a falling prevalence (lower is better)", () => {
    const stunting = parseTargetSeries(
      { annual: "8.5", quarters: ["8.5", "8.5", "8.5", "8.5"] },
      { mode: "point_in_time" },
    );
    const forecast = forecastYearEnd({
      series: stunting,
      realisasi: ["10", "9.5", "9", null],
      polarity: "lower",
    });
    expect(forecast).toMatchObject({
      method: "trend",
      projected: "8.5",
      status: "on_track",
      capaian: { value: "100", formula: "two_target_minus" },
    });
  });

  it("carries a single reported value forward", () => {
    const ahh = parseTargetSeries({ annual: "72.18", quarters: ["-", "-", "-", "72.18"] });
    const forecast = forecastYearEnd({
      series: ahh,
      realisasi: [null, "71.5", null, null],
      polarity: "higher",
    });
    expect(forecast).toMatchObject({ method: "last_value", projected: "71.5", status: "at_risk" });
    expect(forecast.capaian).toMatchObject({ value: "99.06" });
  });

  it("says it cannot project before any realisasi is reported", () => {
    const forecast = forecastYearEnd({
      series: phbs,
      realisasi: [null, null, null, null],
      polarity: "higher",
    });
    expect(forecast).toMatchObject({ method: null, projected: null, status: "unknown" });
    expect(forecast.explanation.id).toBe("Belum ada realisasi untuk diproyeksikan");
  });

  it("cannot judge a projection against a plan without an annual target", () => {
    const series = parseTargetSeries({ annual: "-", quarters: ["1", "1", "1", "1"] });
    const forecast = forecastYearEnd({ series, realisasi: ["1", null, null, null], polarity: "higher" });
    expect(forecast.status).toBe("unknown");
    expect(forecast.explanation.id).toContain("Tidak dapat dihitung: tidak ada target");
  });
});
