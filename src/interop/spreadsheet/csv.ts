import { type Cell, type Grid, textCell } from "./cells.js";

/**
 * CSV as Excel writes it: `;` (Indonesian regional settings, where the comma is the decimal separator)
 * or `,`, fields quoted with `"` when they hold a separator, a quote or a line break.
 */

export interface DecodedText {
  text: string;
  /** True when the bytes were not UTF-8 and were read as Windows-1252, as older Excel saves "CSV". */
  legacyEncoding: boolean;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, legacyEncoding: false };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), legacyEncoding: true };
  }
}

function parseRecords(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === delimiter) {
      record.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** The separator is whichever of `;` and `,` splits the header line into more fields. */
function detectDelimiter(text: string): string {
  const lines = text.split(/\r?\n/, 20);
  const header = lines.find((line) => /indikator/i.test(line)) ?? lines[0] ?? "";
  const count = (delimiter: string) => parseRecords(header, delimiter)[0]?.length ?? 0;
  return count(";") >= count(",") ? ";" : ",";
}

export function csvGrid(text: string): Grid {
  const records = parseRecords(text, detectDelimiter(text));
  return { rows: records.map((record) => record.map((field): Cell => textCell(field))) };
}
