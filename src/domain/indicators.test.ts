import { describe, expect, it } from "vitest";
import { RAK_METRO_2024 } from "../test-support/seed-fixtures/rak-metro-2024.js";
import { SPM_DEPOK_2017 } from "../test-support/seed-fixtures/spm-depok-2017.js";
import { computeCapaian } from "./achievement.js";
import { DomainError } from "./errors.js";
import {
  computeIndicator,
  defineIndicator,
  type IndicatorSpec,
  indicatorDataElements,
  kindFromUnit,
  polarityFromName,
  ratioValue,
  unitWarnings,
} from "./indicators.js";

const spm = (number: number) => {
  const found = SPM_DEPOK_2017.find((s) => s.number === number);
  if (!found) throw new Error(`no SPM service ${number}`);
  return defineIndicator(found.indicator);
};

describe("SPM bidang kesehatan, Perwal Depok 57/2017", () => {
  it("defines all 12 services with a 100% target for 2017–2021", () => {
    expect(SPM_DEPOK_2017.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (const service of SPM_DEPOK_2017) {
      expect(Object.values(service.targets)).toEqual(["100", "100", "100", "100", "100"]);
      expect(defineIndicator(service.indicator)).toMatchObject({
        kind: "ratio",
        factor: 100,
        polarity: "higher",
      });
    }
  });

  it("measures the usia pendidikan dasar service per school year", () => {
    expect(SPM_DEPOK_2017.filter((s) => s.periodType === "school_year").map((s) => s.number)).toEqual([5]);
  });

  it.each([
    [1, { "BUMIL_K4.PEMERINTAH": "1200", "BUMIL_K4.SWASTA": "340", BUMIL: "1600" }, "96.25", "1540", "1600"],
    [
      2,
      { "BULIN_FASYANKES.PEMERINTAH": "1450", "BULIN_FASYANKES.SWASTA": "120", BULIN: "1580" },
      "99.3671",
      "1570",
      "1580",
    ],
    [3, { BBL_KN_LENGKAP: "1480", BBL: "1500" }, "98.6667", "1480", "1500"],
    [4, { BALITA_DILAYANI_STANDAR: "9000", BALITA: "10000" }, "90", "9000", "10000"],
    [
      5,
      {
        SISWA_KELAS_1_DISKRINING: "5000",
        SISWA_KELAS_7_DISKRINING: "4200",
        SISWA_KELAS_1: "5200",
        SISWA_KELAS_7: "4300",
      },
      "96.8421",
      "9200",
      "9500",
    ],
    [6, { USIA_15_59_DISKRINING: "300000", PENDUDUK_15_59: "1200000" }, "25", "300000", "1200000"],
    [7, { USIA_60_PLUS_DISKRINING: "60000", LANSIA: "150000" }, "40", "60000", "150000"],
    [8, { HT_DILAYANI_STANDAR: "35000", ESTIMASI_HIPERTENSI: "387000" }, "9.0439", "35000", "387000"],
    [9, { DM_DILAYANI_STANDAR: "15000", ESTIMASI_DM: "31500" }, "47.619", "15000", "31500"],
    [10, { ODGJ_BERAT_DILAYANI_STANDAR: "420", ODGJ_BERAT: "450" }, "93.3333", "420", "450"],
    [11, { TB_DILAYANI_STANDAR: "1900", TB: "2000" }, "95", "1900", "2000"],
    [
      12,
      {
        HIV_DIPERIKSA_STANDAR: "4000",
        BERISIKO_HIV_BUMIL: "1600",
        BERISIKO_HIV_TB: "2000",
        BERISIKO_HIV_IMS: "300",
        BERISIKO_HIV_WARIA: "50",
        BERISIKO_HIV_NAPZA: "100",
        BERISIKO_HIV_WBP: "400",
      },
      "89.8876",
      "4000",
      "4450",
    ],
  ])("service %i computes numerator / denominator × 100", (number, values, value, numerator, denominator) => {
    const indicator = spm(number);
    expect([...indicatorDataElements(indicator)].sort()).toEqual(Object.keys(values).sort());
    expect(computeIndicator(indicator, values)).toEqual({ computable: true, value, numerator, denominator });
  });

  it("turns service 4 at 90% against the 100% target into capaian 90, category tinggi", () => {
    const value = computeIndicator(spm(4), { BALITA_DILAYANI_STANDAR: "9000", BALITA: "10000" });
    if (!value.computable) throw new Error("expected a value");
    expect(computeCapaian({ target: "100", realisasi: value.value, polarity: "higher" })).toMatchObject({
      value: "90",
      category: "tinggi",
    });
  });

  it("says which figure is missing when the hypertension estimate could not be made", () => {
    expect(computeIndicator(spm(8), { HT_DILAYANI_STANDAR: "35000" })).toMatchObject({
      computable: false,
      reason: "missing_data",
      missing: ["ESTIMASI_HIPERTENSI"],
    });
  });

  it("does not compute a coverage over an empty target population", () => {
    expect(computeIndicator(spm(10), { ODGJ_BERAT_DILAYANI_STANDAR: "0", ODGJ_BERAT: "0" })).toMatchObject({
      reason: "denominator_zero",
    });
  });
});

describe("indicator definitions", () => {
  const base = { code: "AHH", name: "Angka Harapan Hidup", unit: "angka" } as const;

  it("fills the documented defaults", () => {
    expect(defineIndicator({ ...base, kind: "direct", value: "#{AHH}" })).toMatchObject({
      polarity: "higher",
      lowerFormula: "two_target_minus",
      timeAggregation: "latest",
      orgUnitAggregation: "none",
    });
  });

  it("computes rates per 100.000 penduduk", () => {
    const insidenTb = defineIndicator({
      code: "INSIDEN_TB",
      name: "Insiden Tuberkulosis",
      unit: "per 100.000 penduduk",
      kind: "ratio",
      factor: 100000,
      polarity: "lower",
      numerator: "#{TB_BARU}",
      denominator: "#{PENDUDUK}",
    });
    expect(computeIndicator(insidenTb, { TB_BARU: "330", PENDUDUK: "170000" })).toMatchObject({
      value: "194.1176",
    });
    expect(ratioValue("1", "3", 1000)).toMatchObject({ value: "333.3333" });
  });

  it.each<[string, Partial<Record<string, unknown>>]>([
    ["an unknown factor", { kind: "ratio", factor: 10, numerator: "#{A}", denominator: "#{B}" }],
    ["an unknown kind", { kind: "mean", value: "#{A}" }],
    ["an unknown polarity", { kind: "count", value: "#{A}", polarity: "down" }],
    ["an empty code", { kind: "count", value: "#{A}", code: " " }],
    ["a broken formula", { kind: "count", value: "#{A} +" }],
  ])("rejects %s with a DomainError", (_, overrides) => {
    expect(() => defineIndicator({ ...base, ...overrides } as unknown as IndicatorSpec)).toThrow(DomainError);
  });
});

describe("units that contradict the indicator name", () => {
  it("flags exactly the seed's 'Persentase … Stiker …' row measured in dokumen", () => {
    const flagged = RAK_METRO_2024.filter((row) => unitWarnings(row.name, row.unit).length > 0).map(
      (r) => r.unit,
    );
    expect(flagged).toEqual(["dokumen"]);
    const [warning] = unitWarnings("Persentase Cakupan Ketercapaian Penerbitan Stiker", "dokumen");
    expect(warning?.id).toContain('satuannya "dokumen"');
  });

  it("flags a count measured in percent", () => {
    expect(unitWarnings("Jumlah kasus kematian ibu", "%")).toHaveLength(1);
  });
});

describe("guessing an imported indicator's kind from its unit", () => {
  it.each([
    ["%", { kind: "ratio", factor: 100 }],
    ["per 100.000 penduduk", { kind: "ratio", factor: 100000 }],
    ["per 1.000 KH", { kind: "ratio", factor: 1000 }],
    ["angka", { kind: "direct" }],
    ["kasus", { kind: "count" }],
    ["puskesmas dan rsud", { kind: "count" }],
  ])("%s", (unit, expected) => {
    expect(kindFromUnit(unit)).toEqual(expected);
  });
});

describe("recognising lower-is-better indicators by name", () => {
  it("marks the twelve lower-is-better rows of seed 000 and nothing else", () => {
    const lower = RAK_METRO_2024.filter((r) => polarityFromName(r.name) === "lower").map((r) => r.name);
    expect(lower).toHaveLength(12);
    expect(lower).toContain("Prevalensi HIV/AIDS");
    expect(polarityFromName("Angka Harapan Hidup")).toBe("higher");
  });
});
