import type { Polarity } from "./achievement.js";
import { compare, type ParseDecimalOptions, parseDecimal } from "./decimal.js";
import type { BilingualText } from "./errors.js";

/**
 * Renstra targets as Dinas documents write them: a plain number ("72,18"), a bound ("≤ 8,5", "< 10"),
 * a number with a label and a unit ("R4 : 11 Unit": 11 units of the fourth kind). The text is always
 * kept as written; `value` is the number it can be compared by, and every reading that is not a plain
 * number carries a note so that nothing is guessed silently.
 */
export type Comparator = "<=" | ">=" | "<" | ">";

export type TargetNote = "bound" | "qualified" | "unreadable";

export interface RenstraTarget {
  readonly text: string;
  /** The number compared with (canonical decimal); null when there is no target or none can be read. */
  readonly value: string | null;
  readonly comparator: Comparator | null;
  /** What stands around the number ("R4 :" and "Unit" in "R4 : 11 Unit"), as written. */
  readonly prefix: string;
  readonly suffix: string;
  /** Why the reading is not a plain number; empty for a plain number or no target. */
  readonly notes: readonly TargetNote[];
}

const NO_TARGET = /^[-–—]?$/;
const COMPARATORS: ReadonlyArray<[RegExp, Comparator]> = [
  [/^(≤|<=|=<)/, "<="],
  [/^(≥|>=|=>)/, ">="],
  [/^</, "<"],
  [/^>/, ">"],
];
/** The first number standing on its own ("R4" is a label, not a 4), with its sign, in either convention. */
const NUMBER = /(?<![\p{L}\d.,])[+-]?(?:\d[\d.,]*\d|\d)(?![\p{L}\d])/u;

/** Reads a Renstra target cell; never throws on what a planner typed. */
export function readRenstraTarget(text: string, options: ParseDecimalOptions = {}): RenstraTarget {
  const trimmed = text.trim();
  const empty = { text, value: null, comparator: null, prefix: "", suffix: "", notes: [] };
  if (NO_TARGET.test(trimmed)) return empty;
  let rest = trimmed;
  let comparator: Comparator | null = null;
  for (const [pattern, c] of COMPARATORS) {
    const found = pattern.exec(rest);
    if (found) {
      comparator = c;
      rest = rest.slice(found[0].length).trim();
      break;
    }
  }
  const match = NUMBER.exec(rest);
  const value = match ? readNumber(match[0].replace(/[.,]$/, ""), options) : null;
  if (!match || value === null) return { ...empty, comparator, notes: ["unreadable"] };
  const prefix = rest.slice(0, match.index).trim();
  const suffix = rest
    .slice(match.index + match[0].length)
    .trim()
    .replace(/^%$/, "");
  const notes: TargetNote[] = [];
  if (comparator) notes.push("bound");
  if (prefix || suffix) notes.push("qualified");
  return { text, value, comparator, prefix, suffix, notes };
}

function readNumber(written: string, options: ParseDecimalOptions): string | null {
  try {
    return parseDecimal(written, options);
  } catch {
    return null;
  }
}

export const TARGET_NOTE_TEXT: Record<TargetNote, (text: string) => BilingualText> = {
  bound: (t) => ({
    id: `Target "${t}" berupa batas: dibandingkan dengan angkanya, batas disimpan apa adanya`,
    en: `Target "${t}" is a bound: compared by its number, the bound kept as written`,
  }),
  qualified: (t) => ({
    id: `Target "${t}" memuat keterangan di samping angka: disimpan apa adanya, dibandingkan dengan angkanya`,
    en: `Target "${t}" carries words beside its number: kept as written, compared by its number`,
  }),
  unreadable: (t) => ({
    id: `Target "${t}" tidak memuat angka yang dapat dibaca: disimpan apa adanya, tidak dapat dibandingkan`,
    en: `Target "${t}" holds no readable number: kept as written, cannot be compared`,
  }),
};

/** What a document's year columns say about its period: order, gaps, repeats. */
export interface YearColumnsCheck {
  readonly years: readonly number[];
  readonly outOfOrder: boolean;
  readonly duplicates: readonly number[];
  readonly missing: readonly number[];
}

export function checkYearColumns(years: readonly number[]): YearColumnsCheck {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const outOfOrder = years.some((y, i) => i > 0 && y < (years[i - 1] as number));
  const duplicates = [...new Set(years.filter((y, i) => years.indexOf(y) !== i))];
  const first = sorted[0];
  const last = sorted.at(-1);
  const missing: number[] = [];
  if (first !== undefined && last !== undefined) {
    for (let y = first; y <= last; y++) if (!sorted.includes(y)) missing.push(y);
  }
  return { years: sorted, outOfOrder, duplicates, missing };
}

/**
 * How a yearly (PK/RAK) target stands against the Renstra's target for that year. `weaker` and
 * `stronger` follow the indicator's polarity: for lower-is-better, a higher yearly target is weaker.
 */
export type Departure = "same" | "weaker" | "stronger" | "not_comparable";

export function targetDeparture(
  renstra: RenstraTarget,
  yearly: RenstraTarget,
  polarity: Polarity,
): Departure {
  if (renstra.value === null || yearly.value === null) return "not_comparable";
  const order = compare(yearly.value, renstra.value);
  if (order === 0) return "same";
  return order > 0 === (polarity === "higher") ? "stronger" : "weaker";
}

/** Renstra versions as Dinas documents name them: murni, then perubahan I, II, … */
export function renstraVersionLabel(version: number): BilingualText {
  if (version <= 1) return { id: "Murni", en: "Original" };
  const roman = ["I", "II", "III", "IV", "V", "VI"][version - 2] ?? String(version - 1);
  return { id: `Perubahan ${roman}`, en: `Revision ${roman}` };
}
