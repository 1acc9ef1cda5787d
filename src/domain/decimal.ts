import { DomainError, expectString } from "./errors.js";

/**
 * Exact decimal arithmetic on strings, backed by BigInt scaled integers. Targets such as "0.013" or
 * "194.39" must survive import, sums and comparisons without binary float rounding.
 *
 * Arithmetic accepts plain decimals (`-12`, `8.50`, `0.013`: optional sign, digits, optional point and
 * digits) and returns the canonical form: no leading zeros, no trailing fraction zeros, "0" not "-0".
 * Human-written numbers ("1.234,56", "343,221,061,270") go through `parseDecimal` first.
 */

interface Scaled {
  readonly units: bigint;
  readonly scale: number;
}

const PLAIN = /^([+-]?)(\d+)(?:\.(\d+))?$/;
/**
 * The fast path: whole numbers of up to 15 digits are exact as doubles, and so are their sums and
 * differences (below 2 × 10^15) and the products of two of up to 7 digits. Counts of services are
 * such numbers; a province request adds a million of them.
 */
const WHOLE = /^-?\d{1,15}$/;
const SMALL_WHOLE = /^-?\d{1,7}$/;
const whole = (a: unknown): a is string => typeof a === "string" && WHOLE.test(a);
/**
 * Decimals of at most 15 digits in all (ratios such as "90.9091") parse to distinct doubles in the
 * same order as the decimals, so they compare exactly as numbers.
 */
function fewDigits(a: unknown): a is string {
  // A loop, not a regular expression: rankings and bands compare hundreds of thousands of values.
  if (typeof a !== "string" || a.length === 0 || a.length > 17) return false;
  let i = a.charCodeAt(0) === 45 ? 1 : 0;
  let digits = 0;
  let point = false;
  for (; i < a.length; i++) {
    const c = a.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !point && digits > 0 && i < a.length - 1) point = true;
    else return false;
  }
  return digits > 0 && digits <= 15;
}
/** Already canonical: no leading zeros, no trailing fraction zeros, not "-0". */
const CANONICAL = /^-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/;
/** A double that holds a whole number, as canonical text ("-0" is "0"). */
const wholeText = (n: number) => (n === 0 ? "0" : String(n));
const MAX_FRACTION_DIGITS = 100;

function invalid(text: string): DomainError {
  return new DomainError(
    "DECIMAL_INVALID",
    `"${text}" bukan angka desimal yang sah`,
    `"${text}" is not a valid decimal number`,
    { text },
  );
}

function toScaled(value: string): Scaled {
  const match = PLAIN.exec(expectString(value, "Angka / number"));
  if (!match) throw invalid(value);
  const [, sign = "", intPart = "", fraction = ""] = match;
  const units = BigInt(intPart + fraction);
  return { units: sign === "-" ? -units : units, scale: fraction.length };
}

function fromScaled({ units, scale }: Scaled): string {
  const negative = units < 0n;
  return fromDigits(negative, (negative ? -units : units).toString(), scale);
}

/** The canonical text of ±digits / 10^scale. */
function fromDigits(negative: boolean, digits: string, scale: number): string {
  const padded = digits.padStart(scale + 1, "0");
  const intPart = padded.slice(0, padded.length - scale);
  const fraction = padded.slice(padded.length - scale).replace(/0+$/, "");
  const body = fraction ? `${intPart}.${fraction}` : intPart;
  return negative && body !== "0" ? `-${body}` : body;
}

function rescale(value: Scaled, scale: number): bigint {
  return value.units * 10n ** BigInt(scale - value.scale);
}

function aligned(a: string, b: string): [bigint, bigint, number] {
  const x = toScaled(a);
  const y = toScaled(b);
  const scale = Math.max(x.scale, y.scale);
  return [rescale(x, scale), rescale(y, scale), scale];
}

function checkFractionDigits(fractionDigits: number): void {
  if (!Number.isInteger(fractionDigits) || fractionDigits < 0 || fractionDigits > MAX_FRACTION_DIGITS) {
    throw new DomainError(
      "FRACTION_DIGITS_INVALID",
      `Jumlah angka di belakang koma harus bilangan bulat 0–${MAX_FRACTION_DIGITS}`,
      `Fraction digits must be an integer 0–${MAX_FRACTION_DIGITS}`,
      { fractionDigits },
    );
  }
}

/** Integer division rounding half away from zero, the rounding Indonesian reports (and Intl) use. */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (2n * n + d) / (2n * d);
  return negative ? -quotient : quotient;
}

/** Canonical form of a plain decimal: "8.50" → "8.5", "007" → "7", "-0" → "0". */
export function canonical(value: string): string {
  if (typeof value === "string" && CANONICAL.test(value) && value !== "-0") return value;
  if (whole(value)) return wholeText(Number(value));
  return fromScaled(toScaled(value));
}

/** Digits after the point as written ("8.50" → 2); used to split a target at its own precision. */
export function scaleOf(value: string): number {
  return toScaled(value).scale;
}

export function add(a: string, b: string): string {
  if (whole(a) && whole(b)) return wholeText(Number(a) + Number(b));
  const fast = fewDigitsSum(a, b, 1);
  if (fast !== null) return fast;
  const [x, y, scale] = aligned(a, b);
  return fromScaled({ units: x + y, scale });
}

export function sub(a: string, b: string): string {
  if (whole(a) && whole(b)) return wholeText(Number(a) - Number(b));
  const fast = fewDigitsSum(a, b, -1);
  if (fast !== null) return fast;
  const [x, y, scale] = aligned(a, b);
  return fromScaled({ units: x - y, scale });
}

/**
 * a + sign × b of decimals that stay within 15 digits once aligned to the longer fraction ("93.45" +
 * "100"): as whole numbers of the smaller unit in doubles, exact below 2^53. A province's ranking adds
 * thirteen thousand percentages. Null outside that.
 */
function fewDigitsSum(a: string, b: string, sign: 1 | -1): string | null {
  if (!fewDigits(a) || !fewDigits(b)) return null;
  const pointA = a.indexOf(".");
  const pointB = b.indexOf(".");
  const fractionA = pointA < 0 ? 0 : a.length - pointA - 1;
  const fractionB = pointB < 0 ? 0 : b.length - pointB - 1;
  const scale = Math.max(fractionA, fractionB);
  const units = (text: string, point: number, fraction: number) => {
    const digits = point < 0 ? text : text.slice(0, point) + text.slice(point + 1);
    return Number(digits) * 10 ** (scale - fraction);
  };
  const x = units(a, pointA, fractionA);
  const y = units(b, pointB, fractionB);
  // Products of an exact whole number and a power of ten are exact while below 2^53.
  if (Math.abs(x) >= 1e15 || Math.abs(y) >= 1e15) return null;
  const total = x + sign * y;
  return fromDigits(total < 0, String(Math.abs(total)), scale);
}

export function sum(values: readonly string[]): string {
  return values.reduce((total, value) => add(total, value), "0");
}

export function mul(a: string, b: string): string {
  if (typeof a === "string" && typeof b === "string" && SMALL_WHOLE.test(a) && SMALL_WHOLE.test(b)) {
    return wholeText(Number(a) * Number(b));
  }
  const x = toScaled(a);
  const y = toScaled(b);
  return fromScaled({ units: x.units * y.units, scale: x.scale + y.scale });
}

/** a / b rounded half away from zero to `fractionDigits` places. Division by zero is a DomainError. */
export function div(a: string, b: string, fractionDigits: number): string {
  checkFractionDigits(fractionDigits);
  if (whole(a) && whole(b) && fractionDigits <= 6) {
    const quotient = wholeQuotient(Number(a), Number(b), fractionDigits);
    if (quotient !== null) return quotient;
  }
  const x = toScaled(a);
  const y = toScaled(b);
  if (y.units === 0n) {
    throw new DomainError("DIVISION_BY_ZERO", "Pembagian dengan nol", "Division by zero", { a, b });
  }
  const numerator = x.units * 10n ** BigInt(y.scale + fractionDigits);
  const denominator = y.units * 10n ** BigInt(x.scale);
  return fromScaled({ units: divideRounded(numerator, denominator), scale: fractionDigits });
}

/**
 * a / b of whole numbers, rounded half away from zero, in doubles: exact while the operands stay
 * below 2^50, as every product below is then under 2^53. Null outside that (and for b = 0).
 */
function wholeQuotient(a: number, b: number, fractionDigits: number): string | null {
  const n = Math.abs(a) * 10 ** fractionDigits;
  const d = Math.abs(b);
  if (d === 0 || n > SAFE_OPERAND || d > SAFE_OPERAND) return null;
  // round(n / d) = floor((2n + d) / 2d); the double quotient may be one off, so it is checked.
  const num = 2 * n + d;
  const den = 2 * d;
  let q = Math.floor(num / den);
  if (q * den > num) q--;
  else if ((q + 1) * den <= num) q++;
  return fromDigits(a < 0 !== b < 0, String(q), fractionDigits);
}
const SAFE_OPERAND = 2 ** 50;

/** Rounds half away from zero to `fractionDigits` places. */
export function round(value: string, fractionDigits: number): string {
  checkFractionDigits(fractionDigits);
  if (fewDigits(value)) {
    // At most 15 digits: the kept digits are a whole number a double holds exactly.
    const negative = value.charCodeAt(0) === 45;
    const body = negative ? value.slice(1) : value;
    const point = body.indexOf(".");
    const fraction = point < 0 ? "" : body.slice(point + 1);
    if (fraction.length <= fractionDigits) return canonical(value);
    let units = Number(body.slice(0, point) + fraction.slice(0, fractionDigits));
    if (fraction.charCodeAt(fractionDigits) >= 53) units++; // the next digit is 5 or more
    return fromDigits(negative, String(units), fractionDigits);
  }
  const x = toScaled(value);
  if (x.scale <= fractionDigits) return fromScaled(x);
  const divisor = 10n ** BigInt(x.scale - fractionDigits);
  return fromScaled({ units: divideRounded(x.units, divisor), scale: fractionDigits });
}

export function compare(a: string, b: string): -1 | 0 | 1 {
  if (fewDigits(a) && fewDigits(b)) {
    const [x, y] = [Number(a), Number(b)];
    return x === y ? 0 : x < y ? -1 : 1;
  }
  const [x, y] = aligned(a, b);
  if (x === y) return 0;
  return x < y ? -1 : 1;
}

export function isZero(value: string): boolean {
  if (whole(value)) return Number(value) === 0;
  return toScaled(value).units === 0n;
}

/**
 * Splits `value` into `parts` amounts at `fractionDigits` places that add up exactly to `value`.
 * The remainder goes to the last parts, as the RAK seed does (93 → 23 23 23 24, 22 → 5 5 6 6).
 */
export function splitEvenly(value: string, parts: number, fractionDigits: number): string[] {
  checkFractionDigits(fractionDigits);
  if (!Number.isInteger(parts) || parts < 1) {
    throw new DomainError("PARTS_INVALID", "Jumlah bagian harus ≥ 1", "Number of parts must be ≥ 1", {
      parts,
    });
  }
  const x = toScaled(value);
  const scale = Math.max(x.scale, fractionDigits);
  const units = rescale(x, scale);
  const count = BigInt(parts);
  const base = units / count;
  const remainder = units - base * count;
  const step = remainder < 0n ? -1n : 1n;
  const extra = Number(remainder < 0n ? -remainder : remainder);
  return Array.from({ length: parts }, (_, i) =>
    fromScaled({ units: i >= parts - extra ? base + step : base, scale }),
  );
}

export type DecimalSeparator = "." | ",";

export interface ParseDecimalOptions {
  /** Set when the source's convention is known; otherwise the ambiguity rule below applies. */
  readonly decimalSeparator?: DecimalSeparator;
}

const WRITTEN = /^([+-]?)(\d[\d.,]*\d|\d)$/;

/**
 * Reads a number as people write it, in either convention, and returns the canonical decimal:
 * "1,234.56" (the RAK seed) and "1.234,56" (Indonesian) → "1234.56"; "72,18" → "72.18";
 * "343,221,061,270" → "343221061270".
 *
 * Rules: with both separators, the last one is the decimal separator. A separator repeated is a
 * thousands separator. A single separator is ambiguous; it is read as a thousands separator only when
 * it is followed by exactly three digits and preceded by 1–3 digits not starting with 0 ("1.234" →
 * 1234, "0.013" → 0.013, "72.180" → 72180). Pass `decimalSeparator` to override the guess.
 * Thousands groups must be exactly three digits.
 */
export function parseDecimal(text: string, options: ParseDecimalOptions = {}): string {
  const trimmed = expectString(text, "Angka / number").trim();
  const match = WRITTEN.exec(trimmed);
  if (!match) throw invalid(text);
  const [, sign = "", body = ""] = match;
  const decimalSeparator = options.decimalSeparator ?? guessDecimalSeparator(body);
  const thousandsSeparator = decimalSeparator === "." ? "," : ".";
  const pieces = body.split(decimalSeparator);
  if (pieces.length > 2) throw invalid(text);
  const [intPart = "", fraction] = pieces;
  if (fraction?.includes(thousandsSeparator)) throw invalid(text);
  const groups = intPart.split(thousandsSeparator);
  const groupsValid = groups.every((group, i) => (i === 0 ? group.length <= 3 : group.length === 3));
  if (groups.length > 1 && !groupsValid) throw invalid(text);
  const digits = groups.join("");
  return canonical(`${sign}${digits}${fraction === undefined ? "" : `.${fraction}`}`);
}

function guessDecimalSeparator(body: string): DecimalSeparator {
  const lastDot = body.lastIndexOf(".");
  const lastComma = body.lastIndexOf(",");
  if (lastDot >= 0 && lastComma >= 0) return lastDot > lastComma ? "." : ",";
  const separator = lastDot >= 0 ? "." : ",";
  const other = separator === "." ? "," : ".";
  const count = body.split(separator).length - 1;
  if (count === 0) return ".";
  if (count > 1) return other;
  return /^[1-9]\d{0,2}[.,]\d{3}$/.test(body) ? other : separator;
}

/**
 * Indonesian display: "72,18", "1.234,56". Without `fractionDigits` the value's own digits are shown;
 * with it, the value is rounded half away from zero and padded.
 */
export function formatNumberId(value: string, fractionDigits?: number): string {
  const shown = fractionDigits === undefined ? canonical(value) : round(value, fractionDigits);
  const digits = fractionDigits ?? scaleOf(shown);
  let format = numberFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat("id-ID", { minimumFractionDigits: digits, maximumFractionDigits: digits });
    numberFormats.set(digits, format);
  }
  return format.format(shown as `${number}`);
}

// Building an Intl formatter costs far more than formatting with it: a RAK read formats every budget.
const numberFormats = new Map<number, Intl.NumberFormat>();
const rupiahFormat = new Intl.NumberFormat("id-ID", {
  style: "currency",
  currency: "IDR",
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});

/** "Rp 343.221.061.270". Intl puts a non-breaking space after "Rp"; reports want a plain space. */
export function formatRupiah(amount: string | bigint | number): string {
  return rupiahFormat.format(toRupiahInteger(amount)).replace(/\s/g, " ");
}

function toRupiahInteger(amount: string | bigint | number): bigint {
  if (typeof amount === "bigint") return amount;
  if (typeof amount === "number") {
    if (Number.isSafeInteger(amount)) return BigInt(amount);
    throw rupiahInvalid(String(amount));
  }
  const x = toScaled(amount);
  if (x.units % 10n ** BigInt(x.scale) !== 0n) throw rupiahInvalid(amount);
  return x.units / 10n ** BigInt(x.scale);
}

function rupiahInvalid(text: string): DomainError {
  return new DomainError(
    "RUPIAH_NOT_INTEGER",
    `Nilai rupiah harus bilangan bulat: "${text}"`,
    `A Rupiah amount must be a whole number: "${text}"`,
    { text },
  );
}
