import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { spmDepok2017 } from "../demo/spm-depok-2017.js";
import { add } from "./decimal.js";
import {
  byProvider,
  cumulativeFigures,
  gapTo100,
  meanCapaian,
  numeratorElements,
  numeratorValues,
  parseSpmFormula,
  providerGroup,
  type ReportedSum,
  spmFigures,
  spmMonths,
  spmShareOfTarget,
  spmTargetReached,
  spmTargetValue,
} from "./spm-achievement.js";

const formulaOf = (number: number) => {
  const s = spmDepok2017.services.find((x) => x.number === number);
  if (!s) throw new Error(`no SPM service ${number}`);
  return parseSpmFormula(s.numerator, s.denominator);
};
const k4 = formulaOf(1);

describe("SPM achievement (Perwal Depok 57/2017 Lampiran II)", () => {
  it("counts K4 at government and private facilities together against all pregnant women", () => {
    const sums: ReportedSum[] = [
      { element: "BUMIL_K4", group: "PEMERINTAH", value: "1200" },
      { element: "BUMIL_K4", group: "SWASTA", value: "340" },
    ];
    expect(spmFigures(k4, numeratorValues(sums), { BUMIL: "1600" })).toEqual({
      numerator: "1540",
      denominator: "1600",
      capaian: "96.25",
      reason: null,
      missing: [],
    });
    expect(byProvider(k4, numeratorValues(sums))).toEqual([
      { provider: "PEMERINTAH", numerator: "1200" },
      { provider: "SWASTA", numerator: "340" },
    ]);
  });

  it("takes a kota without private reports as 0 from private facilities, not as missing data", () => {
    const values = numeratorValues([{ element: "BUMIL_K4", group: "PEMERINTAH", value: "800" }]);
    expect(spmFigures(k4, values, { BUMIL: "1000" }).capaian).toBe("80");
  });

  it("says the data is missing when no facility reported, instead of showing 0 %", () => {
    expect(spmFigures(k4, numeratorValues([]), { BUMIL: "1000" })).toMatchObject({
      capaian: null,
      reason: "missing_data",
      missing: ["BUMIL_K4.PEMERINTAH", "BUMIL_K4.SWASTA"],
    });
  });

  it("names the missing target population", () => {
    const values = numeratorValues([{ element: "BUMIL_K4", group: "PEMERINTAH", value: "5" }]);
    expect(spmFigures(k4, values, {})).toMatchObject({ reason: "missing_data", missing: ["BUMIL"] });
  });

  it("does not divide by an empty target population", () => {
    const values = numeratorValues([
      { element: "ODGJ_BERAT_DILAYANI_STANDAR", group: "PEMERINTAH", value: "0" },
    ]);
    expect(spmFigures(formulaOf(10), values, { ODGJ_BERAT: "0" })).toMatchObject({
      capaian: null,
      reason: "denominator_zero",
    });
  });

  it("gives the gap to 100 %, negative when a service reached more than its estimate", () => {
    expect(gapTo100("96.25")).toBe("3.75");
    expect(gapTo100("104.5")).toBe("-4.5");
    expect(gapTo100(null)).toBeNull();
  });

  it("counts government-owned enterprises with the government and partner organisations as private", () => {
    expect(providerGroup("bumd")).toBe("PEMERINTAH");
    expect(providerGroup("organisasi_mitra")).toBe("SWASTA");
    expect(providerGroup(null)).toBe("PEMERINTAH");
  });

  it("measures service 5 over the tahun ajaran that ends in the report year", () => {
    const months = spmMonths(2019, "school_year").map((p) => p.code);
    expect(months[0]).toBe("201807");
    expect(months.at(-1)).toBe("201906");
    expect(spmMonths(2019, "year").map((p) => p.code)).toEqual([
      "201901",
      "201902",
      "201903",
      "201904",
      "201905",
      "201906",
      "201907",
      "201908",
      "201909",
      "201910",
      "201911",
      "201912",
    ]);
  });

  it("reads the elements of a numerator without the provider group", () => {
    expect(numeratorElements(k4)).toEqual(["BUMIL_K4"]);
    expect(numeratorElements(formulaOf(5))).toEqual(["SISWA_KELAS_1_DISKRINING", "SISWA_KELAS_7_DISKRINING"]);
  });

  it("accumulates month by month against the year's population", () => {
    const months = ["201901", "201902", "201903"];
    const byMonth = new Map<string, ReportedSum[]>([
      ["201901", [{ element: "BUMIL_K4", group: "PEMERINTAH", value: "100" }]],
      ["201903", [{ element: "BUMIL_K4", group: "SWASTA", value: "50" }]],
    ]);
    const series = cumulativeFigures(k4, months, byMonth, { BUMIL: "1200" });
    expect(series.map((m) => [m.period, m.numerator, m.capaian])).toEqual([
      ["201901", "100", "8.33"],
      ["201902", "100", "8.33"],
      ["201903", "150", "12.5"],
    ]);
  });

  it("ranks by the mean of the capaian that could be computed", () => {
    const known = spmFigures(formulaOf(10), { ODGJ_BERAT_DILAYANI_STANDAR: "9" }, { ODGJ_BERAT: "10" });
    const unknown = spmFigures(formulaOf(10), {}, { ODGJ_BERAT: "10" });
    expect(meanCapaian([known, unknown, { ...known, capaian: "80" }])).toBe("85");
    expect(meanCapaian([unknown])).toBeNull();
  });

  it("adds up to the same yearly numerator however the months and providers are split", () => {
    const sum = fc.record({
      element: fc.constant("BUMIL_K4"),
      group: fc.constantFrom("PEMERINTAH" as const, "SWASTA" as const),
      value: fc.nat(5000).map(String),
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 12 }), sum), { minLength: 1 }), (rows) => {
        const months = spmMonths(2019, "year").map((p) => p.code);
        const byMonth = new Map<string, ReportedSum[]>();
        for (const [m, s] of rows) {
          const code = months[m - 1] as string;
          byMonth.set(code, [...(byMonth.get(code) ?? []), s]);
        }
        const series = cumulativeFigures(k4, months, byMonth, { BUMIL: "1000" });
        const total = rows.reduce((acc, [, s]) => add(acc, s.value), "0");
        const yearly = spmFigures(k4, numeratorValues(rows.map(([, s]) => s)), { BUMIL: "1000" });
        expect(series.at(-1)?.numerator).toBe(total);
        expect(series.at(-1)?.capaian).toBe(yearly.capaian);
        const split = byProvider(k4, numeratorValues(rows.map(([, s]) => s)));
        expect(split.reduce((acc, p) => add(acc, p.numerator), "0")).toBe(total);
      }),
    );
  });
});

describe("whether an SPM service met its target", () => {
  it("compares with the year's target, not with 100 %, and reads a missing or dash target as 100 %", () => {
    expect(spmTargetReached("96", "95")).toBe(true);
    expect(spmTargetReached("96", "100")).toBe(false);
    expect(spmTargetReached("100", null)).toBe(true);
    expect(spmTargetValue("-")).toBe("100");
    expect(spmTargetReached(null, "100")).toBeNull();
  });

  it("gives the share of the target the dashboard colours by", () => {
    expect(spmShareOfTarget("76", "95")).toBe("80");
  });
});
