import { describe, expect, it } from "vitest";
import { efisiensi, serapan, serapanToDate } from "./budget.js";

describe("budget absorption (serapan anggaran)", () => {
  it("is realisasi anggaran / pagu × 100", () => {
    expect(serapan("250000000", "343221061270")).toEqual({ computable: true, value: "0.07" });
    expect(serapan("171605400", "171605400")).toEqual({ computable: true, value: "100" });
  });

  it("is not computable when the pagu is 0", () => {
    expect(serapan("0", "0")).toMatchObject({ computable: false, reason: "pagu_zero" });
  });

  it("adds quarterly spending to date and refuses to treat a missing quarter as zero", () => {
    expect(serapanToDate("1000", ["100", "200", null, null], 2)).toEqual({
      realisasiToDate: "300",
      serapan: { computable: true, value: "30" },
    });
    expect(serapanToDate("1000", ["100", null, "50", null], 3).serapan).toMatchObject({
      reason: "no_realisasi",
    });
  });
});

describe("efficiency: capaian kinerja against serapan anggaran", () => {
  it("is efisien when performance outruns spending", () => {
    expect(efisiensi("96", "80")).toEqual({ computable: true, value: "120", level: "efisien" });
    expect(efisiensi("80", "80")).toMatchObject({ value: "100", level: "efisien" });
  });

  it("is kurang efisien when spending outruns performance", () => {
    expect(efisiensi("60", "80")).toEqual({ computable: true, value: "75", level: "kurang_efisien" });
  });

  it("is not computable before any budget is absorbed", () => {
    expect(efisiensi("40", "0")).toMatchObject({ computable: false, reason: "serapan_zero" });
  });
});
