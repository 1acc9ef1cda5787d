import { describe, expect, it } from "vitest";
import { flatten, readSeed } from "./seed-files.js";
import { spmDepok2017 } from "./spm-depok-2017.js";

const seed = readSeed("004");
const flat = flatten(seed);

/** Lampiran II as plain words: the PDF conversion's LaTeX, list dashes and italics removed. */
const plain = (text: string) =>
  flatten(
    text
      .replace(/\\(?:begin|end)\{array\}(?:\{l\})?/g, " ")
      .replace(/\\text\{([^}]*)\}/g, " $1 ")
      .replace(/\*/g, "")
      .replace(/\\frac|\\\\|\$\$|[{}]/g, " ")
      .replace(/^\s*- /gm, ""),
  ).trim();
const lampiran2 = plain(seed.slice(seed.indexOf("LAMPIRAN II PERATURAN WALI KOTA")));

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

describe("the SPM Kota Depok fixture against seed 004 (Lampiran II)", () => {
  it.each(spmDepok2017.services.map((s) => [s.number, s]))(
    "holds service %i's pengertian, definisi operasional and formula words as printed",
    (_, s) => {
      for (const text of [s.definition, s.operationalDefinition, s.numeratorText, s.denominatorText]) {
        expect(text.length).toBeGreaterThan(40);
        expect(lampiran2).toContain(plain(text));
      }
    },
  );

  it("keeps the note that the hypertension estimate follows Riskesdas 2013", () => {
    const notes = spmDepok2017.services.filter((s) => s.formulaNote).map((s) => [s.number, s.formulaNote]);
    expect(notes).toEqual([[8, "Estimasi penderita Hipertensi Kota berdasarkan Riskesdas tahun 2013"]]);
    expect(lampiran2).toContain(notes[0]?.[1]);
  });

  it("measures school-age screening per tahun ajaran and the rest per calendar year", () => {
    expect(spmDepok2017.services.filter((s) => s.periodType === "school_year").map((s) => s.number)).toEqual([
      5,
    ]);
  });
});
