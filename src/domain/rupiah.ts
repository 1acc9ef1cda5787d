import { type ParseDecimalOptions, parseDecimal } from "./decimal.js";
import { DomainError } from "./errors.js";

const RUPIAH_PREFIX = /^\s*rp\.?\s*/i;

/**
 * The amount of a Rupiah figure as written, "Rp" and spaces dropped, as a canonical decimal:
 * "Rp 343.221.061.270" → "343221061270", "Rp. 19,251,846,945" → "19251846945". Separators follow
 * parseDecimal (pass the source's convention when known). Throws DomainError when it is no number.
 */
export function rupiahAmount(text: string, options: ParseDecimalOptions = {}): string {
  return parseDecimal(text.replace(RUPIAH_PREFIX, "").replace(/\s+/g, ""), options);
}

/** A canonical amount as whole, non-negative Rupiah a JavaScript number holds exactly; else undefined. */
export function wholeRupiah(amount: string): number | undefined {
  const value = Number(amount);
  return /^\d+$/.test(amount) && Number.isSafeInteger(value) ? value : undefined;
}

/**
 * A budget as typed in the app, the Indonesian way by default ("Rp 1.250.000", "1250000"): whole
 * Rupiah, null when blank (no budget), undefined when unreadable, negative or with sen.
 */
export function parseRupiah(
  text: string,
  options: ParseDecimalOptions = { decimalSeparator: "," },
): number | null | undefined {
  if (text.replace(RUPIAH_PREFIX, "").trim() === "") return null;
  try {
    return wholeRupiah(rupiahAmount(text, options));
  } catch (error) {
    if (error instanceof DomainError) return undefined;
    throw error;
  }
}
