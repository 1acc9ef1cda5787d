import { canonical, mul } from "../../domain/index.js";

/**
 * The sheet as the importer sees it, whatever the file type: rows of cells, row index + 1 being the
 * spreadsheet row. Merge slaves are kept apart from empty cells so headers can measure their span.
 */
export type Cell =
  | { readonly kind: "empty" }
  | { readonly kind: "merged"; readonly masterRow: number; readonly masterCol: number }
  | { readonly kind: "text"; readonly text: string }
  | {
      readonly kind: "number";
      /** Canonical decimal, as the planner sees it (a "95%" cell stored as 0.95 reads "95"). */
      readonly value: string;
      /** Fraction digits the number format shows, when it fixes them; null for "General". */
      readonly shownDigits: number | null;
    };

type Row = readonly Cell[];

export interface Grid {
  readonly rows: readonly Row[];
}

export const EMPTY: Cell = { kind: "empty" };

export function cellAt(grid: Grid, row: number, col: number): Cell {
  return grid.rows[row]?.[col] ?? EMPTY;
}

/** Text of a cell for names and labels; merge slaves and empty cells read as "". */
export function cellText(cell: Cell): string {
  if (cell.kind === "text") return cell.text.trim();
  if (cell.kind === "number") return cell.value;
  return "";
}

/** Collapses line breaks and runs of spaces, as names typed into wrapped cells carry them. */
export function normalizeSpaces(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * A binary double as the decimal the planner typed. Excel keeps 15 significant digits, so anything
 * past them is float noise (0.1 + 0.2 = 0.30000000000000004 → "0.3"); exponent forms become plain.
 */
export function numberToDecimal(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const [mantissa = "0", exponentText = "0"] = value.toPrecision(15).split("e");
  const negative = mantissa.startsWith("-");
  const [intPart = "0", fraction = ""] = mantissa.replace("-", "").split(".");
  const digits = intPart + fraction;
  const point = intPart.length + Number(exponentText);
  const plain =
    point <= 0
      ? `0.${"0".repeat(-point)}${digits}`
      : point >= digits.length
        ? digits + "0".repeat(point - digits.length)
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return canonical(`${negative ? "-" : ""}${plain}`);
}

/** The first section of a number format with quoted text and escapes removed. */
function formatPattern(numFmt: string): string {
  return (numFmt.split(";")[0] ?? "").replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "");
}

/** "0.00" → 2, "#,##0" → 0, "General" → null. */
export function shownFractionDigits(numFmt: string | undefined): number | null {
  if (!numFmt || /^general$/i.test(numFmt)) return null;
  const pattern = formatPattern(numFmt);
  if (!/[0#?]/.test(pattern)) return null;
  return /\.([0#?]+)/.exec(pattern)?.[1]?.length ?? 0;
}

/** A number cell as the planner sees it: percent formats show the stored fraction × 100. */
export function numberCell(value: number, numFmt: string | undefined): Cell {
  const decimal = numberToDecimal(value);
  const percent = numFmt !== undefined && formatPattern(numFmt).includes("%");
  return {
    kind: "number",
    value: percent ? canonical(mul(decimal, "100")) : decimal,
    shownDigits: shownFractionDigits(numFmt),
  };
}

export function textCell(text: string): Cell {
  return text.trim() === "" ? EMPTY : { kind: "text", text };
}
