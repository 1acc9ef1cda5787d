import { describe, expect, it } from "vitest";
import { flatten, readSeed } from "./seed-files.js";
import { spmDepok2017 } from "./spm-depok-2017.js";

const flat = flatten(readSeed("004"));

describe("the SPM Kota Depok fixture against seed 004 (Lampiran I)", () => {
  it("has the 12 services numbered 1 to 12", () => {
    expect(spmDepok2017.services.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it.each(spmDepok2017.services.map((s) => [s.number, s]))(
    "prints service %i with its statement, indicator and 100%% for 2017–2021",
    (_, s) => {
      const years = spmDepok2017.years.map((y) => `${s.targets[y]}%`).join(" ");
      expect(flat).toContain(`${s.number} ${s.name} ${s.standardStatement} ${s.indicator} ${years}`);
    },
  );

  it("names the regulation as the document does", () => {
    expect(flat).toContain("NOMOR 57 TAHUN 2017");
    expect(flat).toContain("pada tanggal 11 Desember 2017");
  });
});
