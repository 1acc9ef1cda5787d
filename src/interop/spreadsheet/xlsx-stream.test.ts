import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { cellText } from "./cells.js";
import { readSpreadsheet } from "./index.js";

/** The same workbook with its parts stored in the given order (exceljs' writer varies it). */
async function reordered(bytes: Uint8Array, first: string[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]?.dir);
  const out = new JSZip();
  for (const name of [...first, ...names.filter((n) => !first.includes(n))]) {
    out.file(name, await (zip.file(name) as JSZip.JSZipObject).async("uint8array"));
  }
  return out.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

describe("reading an .xlsx whatever order its parts are zipped in", () => {
  it("reads every sheet by name and in tab order when the sheets come before xl/workbook.xml", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Formulir").addRow(["Isian", "Nilai"]);
    book.addWorksheet("Data & Aturan").addRow(["Kode", 12]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const file = await reordered(bytes, [
      "[Content_Types].xml",
      "xl/_rels/workbook.xml.rels",
      "xl/sharedStrings.xml",
      "xl/worksheets/sheet2.xml",
      "xl/worksheets/sheet1.xml",
    ]);
    const { grids } = await readSpreadsheet(file, "f.xlsx", 5_000_000);
    expect(grids.map((g) => g.rows.map((r) => r.map(cellText)))).toEqual([
      [["Isian", "Nilai"]],
      [["Kode", "12"]],
    ]);
  });
});
