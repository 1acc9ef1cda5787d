import {
  type DecimalSeparator,
  DomainError,
  formatNumberId,
  parseTarget,
  rupiahAmount,
  scaleOf,
  type TargetValue,
  wholeRupiah,
} from "../../domain/index.js";
import { type Cell, cellText } from "../spreadsheet/cells.js";
import { ImportError, type ImportWarning, warning } from "../spreadsheet/errors.js";

/**
 * Written numbers ("72.18", "24,5", "343,221,061,270", "Rp 343.221.061.270") are read under one
 * convention per file, decided from the cells that can only be read one way. A file that mixes both
 * falls back to the domain's parseDecimal rules cell by cell, and every cell those rules must guess
 * ("1.500": 1,5 or 1500?) becomes a warning.
 */
export interface NumberReader {
  /** null when the file mixes conventions or never shows one. */
  readonly separator: DecimalSeparator | null;
  readonly warnings: ImportWarning[];
}

export interface CellRef {
  /** 1-based spreadsheet row. */
  row: number;
  /** "F23"-style address and the column's header, for messages. */
  address: string;
  column: string;
}

const RUPIAH = /^rp\.?\s*/i;

type Reading<T> = (text: string, separator?: DecimalSeparator) => T;

const readTarget: Reading<TargetValue> = (text, separator) =>
  parseTarget(text, separator ? { decimalSeparator: separator } : {});
const readAmount: Reading<string> = (text, separator) =>
  rupiahAmount(text, separator ? { decimalSeparator: separator } : {});

function attempt<T>(read: Reading<T>, text: string, separator: DecimalSeparator): T | null {
  try {
    return read(text, separator);
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}

const amountOf = (read: TargetValue | string | null) =>
  read === null ? null : typeof read === "string" ? read : read.kind === "none" ? "-" : read.value;

/** Which separators a written number can be read with: one ("72.18"), both ("1.500"), or neither. */
function readableWith(text: string, kind: "target" | "amount"): { dot: string | null; comma: string | null } {
  const read: Reading<TargetValue | string> = kind === "target" ? readTarget : readAmount;
  return { dot: amountOf(attempt(read, text, ".")), comma: amountOf(attempt(read, text, ",")) };
}

export function decideConvention(
  texts: readonly { text: string; kind: "target" | "amount" }[],
): NumberReader {
  let dot = 0;
  let comma = 0;
  for (const { text, kind } of texts) {
    const { dot: asDot, comma: asComma } = readableWith(text, kind);
    if (asDot !== null && asComma === null) dot++;
    if (asComma !== null && asDot === null) comma++;
  }
  const warnings: ImportWarning[] = [];
  if (dot > 0 && comma > 0) {
    warnings.push(
      warning(
        "DECIMAL_CONVENTION_MIXED",
        `Berkas mencampur penulisan angka "1,234.56" (${dot} sel) dan "1.234,56" (${comma} sel); setiap sel dibaca menurut bentuknya sendiri`,
        `The file mixes "1,234.56" (${dot} cells) and "1.234,56" (${comma} cells) number styles; each cell is read on its own`,
        null,
      ),
    );
  }
  const separator = dot > 0 && comma === 0 ? "." : comma > 0 && dot === 0 ? "," : null;
  return { separator, warnings };
}

function readWritten<T>(
  reader: NumberReader,
  read: Reading<T>,
  kind: "target" | "amount",
  text: string,
  ref: CellRef,
): T {
  if (reader.separator !== null) return read(text, reader.separator);
  const { dot, comma } = readableWith(text, kind);
  const value = read(text);
  if (dot !== null && comma !== null && dot !== comma) {
    const chosen = amountOf(value as TargetValue | string) ?? "";
    reader.warnings.push(
      warning(
        "DECIMAL_AMBIGUOUS",
        `Sel ${ref.address} (${ref.column}) "${text}" dapat berarti ${formatNumberId(dot)} atau ${formatNumberId(comma)}; dibaca ${formatNumberId(chosen)} — periksa`,
        `Cell ${ref.address} (${ref.column}) "${text}" may mean ${dot} or ${comma}; read as ${chosen} — please check`,
        ref.row,
      ),
    );
  }
  return value;
}

function hiddenDigits(cell: Cell, ref: CellRef, reader: NumberReader): void {
  if (cell.kind !== "number" || cell.shownDigits === null || scaleOf(cell.value) <= cell.shownDigits) return;
  reader.warnings.push(
    warning(
      "NUMBER_FORMAT_HIDES_DIGITS",
      `Sel ${ref.address} (${ref.column}) tampil dengan ${cell.shownDigits} angka di belakang koma tetapi nilainya ${formatNumberId(cell.value)}; nilai itu yang diimpor`,
      `Cell ${ref.address} (${ref.column}) shows ${cell.shownDigits} fraction digits but holds ${cell.value}; the full value is imported`,
      ref.row,
    ),
  );
}

/** A target cell as a TargetValue; an unreadable one refuses the file, pointing at the cell. */
export function targetOf(cell: Cell, ref: CellRef, reader: NumberReader): TargetValue {
  hiddenDigits(cell, ref, reader);
  if (cell.kind === "number") return parseTarget(cell.value, { decimalSeparator: "." });
  const text = cellText(cell);
  try {
    return readWritten(reader, readTarget, "target", text, ref);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new ImportError(
      "TARGET_UNREADABLE",
      `Baris ${ref.row}, sel ${ref.address} (${ref.column}): target "${text}" tidak dapat dibaca — gunakan angka, "-" untuk tanpa target, atau "11 dan 2"`,
      `Row ${ref.row}, cell ${ref.address} (${ref.column}): target "${text}" cannot be read — use a number, "-" for no target, or "11 dan 2"`,
      { row: ref.row, cell: ref.address, column: ref.column, text },
    );
  }
}

const budgetError = (ref: CellRef, text: string, why: string, whyEn: string) =>
  new ImportError(
    "BUDGET_UNREADABLE",
    `Baris ${ref.row}, sel ${ref.address} (${ref.column}): anggaran "${text}" ${why}`,
    `Row ${ref.row}, cell ${ref.address} (${ref.column}): budget "${text}" ${whyEn}`,
    { row: ref.row, cell: ref.address, column: ref.column, text },
  );

/** Whole Rupiah from "Rp" + amount cells, "Rp 19,251,846,945", or a number; null when blank. */
export function budgetOf(cells: readonly Cell[], ref: CellRef, reader: NumberReader): number | null {
  const numbers = cells.filter((c) => c.kind === "number");
  const text = cells
    .map(cellText)
    .filter((t) => t !== "")
    .join(" ");
  if (text === "" || (RUPIAH.test(text) && text.replace(RUPIAH, "").trim() === "")) return null;
  let amount: string;
  try {
    const [number] = numbers;
    amount =
      numbers.length === 1 && number && text.replace(RUPIAH, "").trim() === number.value
        ? number.value
        : readWritten(reader, readAmount, "amount", text, ref);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw budgetError(ref, text, "tidak dapat dibaca sebagai rupiah", "cannot be read as Rupiah");
  }
  const value = wholeRupiah(amount);
  if (value === undefined) {
    throw budgetError(
      ref,
      text,
      "harus rupiah bulat dan tidak negatif",
      "must be whole, non-negative Rupiah",
    );
  }
  return value;
}
