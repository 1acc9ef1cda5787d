import type { RakSignatory } from "../../plans/rak-document.js";
import { cellText, type Grid, normalizeSpaces } from "../spreadsheet/cells.js";

/**
 * The text around the table: the title block above the header ("RENCANA AKSI KINERJA" / "DINAS
 * KESEHATAN KOTA METRO" / "TAHUN 2024") and the signatory block below the last indicator row.
 */

/** Text lines of a range of rows, left to right, a wrapped cell giving one line per line break. */
export function linesOf(grid: Grid, fromRow: number, toRow: number): { text: string; row: number }[] {
  const lines: { text: string; row: number }[] = [];
  for (let r = Math.max(0, fromRow); r < Math.min(toRow, grid.rows.length); r++) {
    for (const cell of grid.rows[r] ?? []) {
      for (const line of cellText(cell).split(/\r?\n/)) {
        const text = normalizeSpaces(line);
        if (text !== "") lines.push({ text, row: r + 1 });
      }
    }
  }
  return lines;
}

const LOWERCASE_WORDS = new Set(["dan", "di", "ke", "dari", "untuk", "pada", "serta", "yang", "atau"]);
const ACRONYMS = new Set(["RSUD", "UPTD", "UPT", "BLUD", "OPD", "DKI", "RS", "II", "III", "IV"]);

/** "DINAS KESEHATAN KOTA METRO" → "Dinas Kesehatan Kota Metro"; mixed-case text is left as typed. */
export function titleCase(text: string): string {
  if (text !== text.toUpperCase()) return text;
  return text
    .split(" ")
    .map((word, i) =>
      word
        .split("/")
        .map((part) => {
          if (ACRONYMS.has(part) || /\d/.test(part)) return part;
          const lower = part.toLowerCase();
          if (i > 0 && LOWERCASE_WORDS.has(lower)) return lower;
          return lower.charAt(0).toUpperCase() + lower.slice(1);
        })
        .join("/"),
    )
    .join(" ");
}

export interface TitleBlock {
  title: string | null;
  orgUnitName: string | null;
  year: number | null;
}

const ORG_UNIT = /^(dinas|puskesmas|rsud|rumah sakit|uptd?|badan|laboratorium|instalasi)\b/i;
const YEAR = /\btahun\s+(\d{4})\b/i;

export function readTitleBlock(grid: Grid, headerRow: number): TitleBlock {
  const lines = linesOf(grid, 0, headerRow).map((l) => l.text);
  if (lines.length === 0) return { title: null, orgUnitName: null, year: null };
  const orgLine = lines.find((line) => ORG_UNIT.test(line));
  const yearText = lines.map((line) => YEAR.exec(line)?.[1]).find((y) => y !== undefined);
  return {
    title: titleCase(normalizeSpaces(lines.join(" "))),
    orgUnitName: orgLine ? titleCase(orgLine) : null,
    year: yearText ? Number(yearText) : null,
  };
}

const MONTHS = [
  "januari",
  "februari",
  "maret",
  "april",
  "mei",
  "juni",
  "juli",
  "agustus",
  "september",
  "oktober",
  "november",
  "desember",
];
const PLACE_DATE = /^([A-Za-z .'-]+),\s*(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$/;
const NIP = /^NIP\.?\s*:?\s*(.*)$/i;

/** "Metro, 2 Januari 2024" → place and ISO date. */
function placeAndDate(line: string): { place: string; date: string } | null {
  const match = PLACE_DATE.exec(line);
  const month = MONTHS.indexOf(match?.[3]?.toLowerCase() ?? "");
  if (!match || month < 0) return null;
  const [, place = "", day = "", , year = ""] = match;
  return {
    place: place.trim(),
    date: `${year}-${String(month + 1).padStart(2, "0")}-${day.padStart(2, "0")}`,
  };
}

/**
 * The signatory is found by its NIP line: the name is the line above it, the position the first line
 * of the block that is neither the place and date nor the name.
 */
export function readSignatory(grid: Grid, fromRow: number): RakSignatory | null {
  const lines = linesOf(grid, fromRow, grid.rows.length).map((l) => l.text);
  const nipIndex = lines.findIndex((line) => NIP.test(line));
  if (nipIndex < 1) return null;
  const name = lines[nipIndex - 1] ?? "";
  const before = lines.slice(0, nipIndex - 1);
  const dated = before.map(placeAndDate).find((p) => p !== null);
  const position = before.find((line) => placeAndDate(line) === null) ?? "";
  return {
    position: titleCase(position),
    name,
    nip: (NIP.exec(lines[nipIndex] ?? "")?.[1] ?? "").trim(),
    ...(dated ?? {}),
  };
}
