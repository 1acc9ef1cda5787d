import ExcelJS, { type CellValue, type Worksheet } from "exceljs";
import { describe, expect, it } from "vitest";
import { rakMetro2024 } from "../../demo/rak-metro-2024.js";
import { formatRupiah, formatTarget } from "../../domain/index.js";
import { RUPIAH_FORMAT } from "../rak/xlsx.js";
import { pkXlsx } from "./xlsx.js";

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (sheet === undefined) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** Each row's values (index = row number − 1; [] for an empty row), skipping the slave cells of merges. */
function rows(sheet: Worksheet): CellValue[][] {
  const out: CellValue[][] = Array.from({ length: sheet.rowCount }, () => []);
  sheet.eachRow((row) => {
    const values: CellValue[] = [];
    row.eachCell((cell) => {
      if (cell.isMerged && cell.master !== cell) return;
      values.push(cell.value);
    });
    out[row.number - 1] = values;
  });
  return out;
}

const indicators = rakMetro2024.sasaran.flatMap((s) => [
  ...s.indicators,
  ...s.programs.flatMap((p) => [...p.indicators, ...p.kegiatan.flatMap((k) => k.indicators)]),
]);

describe("pkXlsx", async () => {
  const signatory = { ...rakMetro2024.signatory, place: "Metro", date: "2024-01-02" };
  const workbook = await read(await pkXlsx({ ...rakMetro2024, signatory }));
  const statement = rows(sheetOf(workbook, "Perjanjian Kinerja"));
  const lampiran = rows(sheetOf(workbook, "Lampiran"));
  const statementTexts = statement.flat();

  it("states the agreement between both parties", () => {
    expect(statement[0]).toEqual(["PERJANJIAN KINERJA TAHUN 2024"]);
    expect(statement[1]).toEqual(["DINAS KESEHATAN KOTA METRO"]);
    expect(statement).toContainEqual(["Nama", ":", "Dr. EKO HENDRO SAPUTRA, ST.M.Kes"]);
    expect(statement).toContainEqual(["Jabatan", ":", "Kepala Dinas Kesehatan Kota Metro"]);
    expect(statement).toContainEqual(["Jabatan", ":", "Wali Kota Metro"]);
    expect(statementTexts).toContain("selaku atasan pihak pertama, selanjutnya disebut pihak kedua");
    expect(statementTexts.some((t) => String(t).startsWith("Pihak pertama berjanji akan mewujudkan"))).toBe(
      true,
    );
  });

  it("signs with the superior on the left and the Kepala Dinas with date and NIP on the right", () => {
    expect(statement).toContainEqual(["", "Metro, 2 Januari 2024"]);
    expect(statement).toContainEqual(["PIHAK KEDUA,", "PIHAK PERTAMA,"]);
    expect(statement).toContainEqual(["WALI KOTA METRO", "KEPALA DINAS KESEHATAN KOTA METRO"]);
    expect(statement.filter((r) => r.length > 0).at(-1)).toEqual(["NIP. 19720310 199703 1 006"]);
  });

  it("lists every indicator with its annual target and no quarters", () => {
    expect(lampiran[1]).toEqual(["PERJANJIAN KINERJA TAHUN 2024"]);
    const header = ["NO", "SASARAN STRATEGIS / PROGRAM / KEGIATAN", "INDIKATOR KINERJA", "SATUAN", "TARGET"];
    expect(lampiran[4]).toEqual(header);
    for (const indicator of indicators) {
      const row = lampiran.find((r) => r.includes(indicator.name));
      expect(row?.slice(-2), indicator.name).toEqual([indicator.unit, formatTarget(indicator.target)]);
    }
    expect(lampiran[5]).toEqual([
      "1",
      rakMetro2024.sasaran[0]?.name,
      "Angka Harapan Hidup",
      "angka",
      "72,18",
    ]);
    expect(lampiran.find((r) => r.includes("puskesmas dan rsud"))?.at(-1)).toBe("11 dan 2");
  });

  it("lists the program budgets as Rupiah numbers under a live JUMLAH", () => {
    const sheet = sheetOf(workbook, "Lampiran");
    const programs = rakMetro2024.sasaran[0]?.programs ?? [];
    for (const program of programs) {
      const row = lampiran.find((r) => r[1] === program.name && typeof r[2] === "number");
      expect(row?.[2]).toBe(program.budget);
    }
    const totalRow = lampiran.findIndex((r) => r[0] === "JUMLAH") + 1;
    const total = sheet.getCell(`C${totalRow}`);
    expect(total.value).toMatchObject({ formula: expect.stringMatching(/^SUM\(C\d+:C\d+\)$/) });
    expect(formatRupiah(total.result as number)).toBe("Rp 342.067.018.088");
    expect(total.numFmt).toBe(RUPIAH_FORMAT);
    expect(sheet.getCell(`B${totalRow - 5}`).font.bold).toBeFalsy();
  });

  it("prints portrait A4 one page wide, repeating the table header", () => {
    const setup = sheetOf(workbook, "Lampiran").pageSetup;
    expect(setup).toMatchObject({ orientation: "portrait", paperSize: 9, fitToWidth: 1, fitToHeight: 0 });
    expect(setup.printTitlesRow).toBe("5:5");
    expect(sheetOf(workbook, "Perjanjian Kinerja").pageSetup.orientation).toBe("portrait");
  });

  it("takes F4 and a named superior", async () => {
    const secondParty = { name: "Drs. H. WAHDI", position: "Wali Kota Metro" };
    const f4 = await read(await pkXlsx(rakMetro2024, { paper: "F4", secondParty }));
    expect(sheetOf(f4, "Lampiran").pageSetup).toMatchObject({ orientation: "portrait", paperSize: 14 });
    expect(rows(sheetOf(f4, "Perjanjian Kinerja"))).toContainEqual(["Nama", ":", "Drs. H. WAHDI"]);
  });
});
