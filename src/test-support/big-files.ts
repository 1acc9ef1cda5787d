import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { TEMPLATE_COLUMNS } from "../interop/rak-import/index.js";

/** A fresh folder under the system's tmp for generated uploads. */
export const tmpFolder = () => mkdtemp(join(tmpdir(), "capaian-upload-"));

/**
 * A RAK in our template with `rows` indicator rows (10 per kegiatan, 10 kegiatan per program, 10
 * programs per sasaran), written with exceljs' streaming writer so the test never holds it whole.
 */
export async function writeBigRak(file: string, rows: number): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const sheet = book.addWorksheet("RAK");
  sheet.addRow([...TEMPLATE_COLUMNS]).commit();
  for (let i = 0; i < rows; i++) {
    const k = Math.floor(i / 10);
    const p = Math.floor(k / 10);
    const s = Math.floor(p / 10);
    sheet
      .addRow([
        `Sasaran ${s + 1}`,
        null,
        `Program ${p + 1}`,
        null,
        `Kegiatan ${k + 1}`,
        null,
        null,
        `Indikator ${i + 1}`,
        "%",
        null,
        90,
        20,
        40,
        60,
        90,
        i % 10 === 0 ? 1_000_000 : null,
      ])
      .commit();
  }
  sheet.commit();
  await book.commit();
}

/**
 * A data-entry upload in the template's layout: `units` × `periods` rows (unit codes and YYYYMM
 * periods as given), one column per code, every cell a small whole number.
 */
export async function writeBigValues(
  file: string,
  units: readonly string[],
  periods: readonly string[],
  codes: readonly string[],
): Promise<number> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const sheet = book.addWorksheet("Isian");
  sheet.addRow(["Kode Unit", "Nama Unit", "Periode", ...codes]).commit();
  let rows = 0;
  for (const period of periods) {
    for (const unit of units) {
      sheet.addRow([unit, null, period, ...codes.map((_, i) => (rows + i) % 97)]).commit();
      rows++;
    }
  }
  sheet.commit();
  await book.commit();
  return rows;
}
