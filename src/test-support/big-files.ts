import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { zipOf } from "../interop/rak-import/fixtures.js";
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

const col = (c: number) => String.fromCharCode(65 + (c % 26)).repeat(1 + Math.floor(c / 26));

/**
 * A workbook written by hand (zip of the bare XML parts) with `sheets` sheets of `rows` × `columns`
 * inline numbers from `value`; for sizes exceljs would take minutes to write.
 */
export function rawWorkbook(
  sheets: number,
  rows: number,
  columns: number,
  value: (row: number, column: number) => number,
): Buffer {
  const names = Array.from({ length: sheets }, (_, i) => `Lembar${i + 1}`);
  const encode = (text: string) => Buffer.from(text);
  const sheetXml = () => {
    const parts: Buffer[] = [
      encode(
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
      ),
    ];
    for (let r = 1; r <= rows; r++) {
      let line = `<row r="${r}">`;
      for (let c = 0; c < columns; c++) line += `<c r="${col(c)}${r}"><v>${value(r, c)}</v></c>`;
      parts.push(encode(`${line}</row>`));
    }
    parts.push(encode("</sheetData></worksheet>"));
    return Buffer.concat(parts);
  };
  const ns =
    'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
  return zipOf([
    {
      name: "[Content_Types].xml",
      data: encode(
        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}</Types>`,
      ),
    },
    {
      name: "xl/workbook.xml",
      data: encode(
        `<?xml version="1.0" encoding="UTF-8"?><workbook ${ns}><sheets>${names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`,
      ),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: encode(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${rel}" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}</Relationships>`,
      ),
    },
    ...names.map((_, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: sheetXml() })),
  ]);
}
