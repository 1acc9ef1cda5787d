import { Readable } from "node:stream";
import { createInflateRaw, inflateRawSync } from "node:zlib";
import type ExcelJS from "exceljs";
import { loadExcelJS } from "../../lib/exceljs.js";
import { type Cell, EMPTY, numberCell, textCell } from "./cells.js";
import { compressedData, readCentralDirectory } from "./zip-guard.js";

/** Cell values exceljs hands out: rich text, formulas with cached results, hyperlinks, dates, errors. */
function valueCell(value: ExcelJS.CellValue, numFmt: string | undefined): Cell {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === "number") return Number.isFinite(value) ? numberCell(value, numFmt) : EMPTY;
  if (typeof value === "string") return textCell(value);
  if (typeof value === "boolean") return textCell(value ? "TRUE" : "FALSE");
  if (value instanceof Date) return textCell(value.toISOString().slice(0, 10));
  if ("richText" in value) return textCell(value.richText.map((part) => part.text ?? "").join(""));
  if ("formula" in value || "sharedFormula" in value) {
    return valueCell((value.result ?? null) as ExcelJS.CellValue, numFmt);
  }
  if ("hyperlink" in value) return textCell(String(value.text ?? ""));
  if ("error" in value) return textCell(String(value.error));
  return EMPTY;
}

/**
 * A RAK table is ~15 columns wide, a data-entry template one column per data element (a few hundred);
 * a sheet formatted out to column XFD must not cost 16 384 per row.
 */
export const MAX_COLUMNS = 1_024;

export interface SheetSink {
  /** A new worksheet begins; `index` is its place in the workbook's tab order. */
  sheet(name: string, index: number, path: string): Promise<void>;
  /** One row, 1-based as in the spreadsheet; gaps between row numbers are empty rows. */
  row(rowNumber: number, cells: Cell[]): Promise<void>;
}

/**
 * Streams every worksheet of an .xlsx through exceljs' streaming reader: the sheet XML is parsed as
 * it is inflated and only the cells handed to the sink are kept. Shared strings and styles are held
 * (they are small next to the sheets and the zip guard has bounded them).
 */
export async function streamXlsx(bytes: Uint8Array, sink: SheetSink): Promise<void> {
  const reader = new (await loadExcelJS()).stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "emit",
  });
  // exceljs names a sheet from xl/workbook.xml and crashes when a sheet comes first in the zip (its
  // own writer sometimes orders them so); the list read up front makes the entry order not matter.
  Object.assign(reader, { model: { sheets: workbookSheets(bytes) } });
  let sheetNo = "";
  (reader as unknown as NodeJS.EventEmitter).on("entry", (entry: { type: string; id?: string }) => {
    if (entry.type === "worksheet") sheetNo = String(entry.id);
  });
  for await (const sheet of reader) {
    const worksheet = sheet as unknown as ExcelJS.Worksheet & { name: string };
    const model = (reader as unknown as { model?: { sheets?: { name: string }[] } }).model;
    const order = model?.sheets?.findIndex((s) => s.name === worksheet.name) ?? -1;
    await sink.sheet(
      worksheet.name,
      order < 0 ? Number(sheetNo) : order,
      `xl/worksheets/sheet${sheetNo}.xml`,
    );
    for await (const row of worksheet as unknown as AsyncIterable<ExcelJS.Row>) {
      const cells: Cell[] = [];
      const width = Math.min(row.cellCount, MAX_COLUMNS);
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        cells.push(valueCell(cell.value, typeof cell.numFmt === "string" ? cell.numFmt : undefined));
      }
      await sink.row(row.number, cells);
    }
  }
}

export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const column = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const REF = /^([A-Z]{1,3})(\d+)$/;

function parseRange(ref: string): MergeRange | null {
  const [from = "", to = from] = ref.split(":");
  const a = REF.exec(from);
  const b = REF.exec(to);
  if (!a?.[1] || !a[2] || !b?.[1] || !b[2]) return null;
  return { top: Number(a[2]), left: column(a[1]), bottom: Number(b[2]), right: column(b[1]) };
}

/**
 * The merged ranges of one sheet. exceljs' streaming reader skips <mergeCell>, so the sheet XML is
 * inflated once more and scanned for them; nothing but the ranges is kept.
 */
export function mergedRanges(bytes: Uint8Array, path: string, limit: number): Promise<MergeRange[]> {
  const entry = readCentralDirectory(bytes).find((e) => e.name === path);
  if (entry?.method !== 8) return Promise.resolve([]);
  const pattern = /<mergeCell\s+ref="([A-Z0-9:]+)"/g;
  return new Promise((resolve, reject) => {
    const ranges: MergeRange[] = [];
    let tail = "";
    const inflate = createInflateRaw();
    inflate.setEncoding("latin1");
    inflate.on("data", (chunk: string) => {
      const text = tail + chunk;
      let lastEnd = 0;
      for (const match of text.matchAll(pattern)) {
        const range = match[1] ? parseRange(match[1]) : null;
        if (range && ranges.length < limit) ranges.push(range);
        lastEnd = (match.index ?? 0) + match[0].length;
      }
      tail = text.slice(Math.max(lastEnd, text.length - 64));
    });
    inflate.on("end", () => resolve(ranges));
    inflate.on("error", reject);
    inflate.end(compressedData(bytes, entry));
  });
}

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const unescapeXml = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => XML_ENTITIES[e] ?? "");

/** The sheets xl/workbook.xml lists, as exceljs' own model holds them (id, name, state, rId). */
export function workbookSheets(
  bytes: Uint8Array,
): { id: number; name: string; state: string; rId: string }[] {
  const entry = readCentralDirectory(bytes).find((e) => e.name === "xl/workbook.xml");
  if (!entry) return [];
  const data = compressedData(bytes, entry);
  // The zip guard has already bounded every entry; workbook.xml is a few kilobytes.
  const xml = (entry.method === 8 ? inflateRawSync(data) : Buffer.from(data)).toString("utf8");
  return [...xml.matchAll(/<sheet\s[^>]*>/g)].map(([tag]) => {
    const attr = (name: string) => unescapeXml(new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? "");
    return {
      id: Number(attr("sheetId")),
      name: attr("name"),
      state: attr("state") || "visible",
      rId: attr("r:id"),
    };
  });
}
