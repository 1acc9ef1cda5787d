import { describe, expect, it } from "vitest";
import { csvGrid } from "../spreadsheet/csv.js";
import { readSignatory, readTitleBlock, titleCase } from "./frame.js";

describe("the text around the RAK table", () => {
  it("title-cases the printed capitals of the office but keeps acronyms and small words", () => {
    expect(titleCase("KEPALA UPTD PUSKESMAS DAN RSUD KABUPATEN/KOTA METRO")).toBe(
      "Kepala UPTD Puskesmas dan RSUD Kabupaten/Kota Metro",
    );
    expect(titleCase("Dr. EKO")).toBe("Dr. EKO");
  });

  it("reads the title block from one wrapped cell", () => {
    const grid = csvGrid('"RENCANA AKSI KINERJA\nPUSKESMAS YOSOMULYO\nTAHUN 2025"\nINDIKATOR;TARGET\n');
    expect(readTitleBlock(grid, 1)).toEqual({
      title: "Rencana Aksi Kinerja Puskesmas Yosomulyo Tahun 2025",
      orgUnitName: "Puskesmas Yosomulyo",
      year: 2025,
    });
  });

  it("reads place, date, position, name and NIP of the signatory", () => {
    const grid = csvGrid(
      ";;Metro, 2 Januari 2024\n;;Plt. KEPALA DINAS KESEHATAN\n\n;;dr. Siti Aminah\n;;NIP: 19800101 200501 2 001\n",
    );
    expect(readSignatory(grid, 0)).toEqual({
      position: "Plt. KEPALA DINAS KESEHATAN",
      name: "dr. Siti Aminah",
      nip: "19800101 200501 2 001",
      place: "Metro",
      date: "2024-01-02",
    });
  });
});
