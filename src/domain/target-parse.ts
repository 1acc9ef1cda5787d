import { formatNumberId, type ParseDecimalOptions, parseDecimal, sum } from "./decimal.js";
import { DomainError, expectString } from "./errors.js";

/**
 * One target cell, kept exactly as written (`text`) next to what it means. Import never "cleans" a
 * target: "-" stays "no target" (not zero), "11 dan 2" stays two counts (11 puskesmas and 2 RSUD).
 */
export type TargetValue =
  | { readonly kind: "none"; readonly text: string }
  | { readonly kind: "decimal"; readonly text: string; readonly value: string }
  | {
      readonly kind: "compound";
      readonly text: string;
      readonly components: readonly string[];
      /** The components counted together, e.g. "11 dan 2" → "13". */
      readonly value: string;
    };

const NO_TARGET = /^[-–—]?$/;
const COMPOUND_JOINER = /\s+dan\s+/i;

/**
 * Parses a target cell: "-" (or an empty cell) → none; "72.18", "24,5", "100%" → decimal;
 * "11 dan 2" → compound. Numbers follow `parseDecimal`'s rules; a trailing "%" is allowed because the
 * SPM regulation writes targets as "100%".
 */
export function parseTarget(text: string, options: ParseDecimalOptions = {}): TargetValue {
  const original = expectString(text, "Target");
  const trimmed = original.trim();
  if (NO_TARGET.test(trimmed)) return { kind: "none", text: original };
  const parts = trimmed.split(COMPOUND_JOINER).map((part) => parseAmount(part, original, options));
  const [first] = parts;
  if (parts.length === 1 && first !== undefined) return { kind: "decimal", text: original, value: first };
  return { kind: "compound", text: original, components: parts, value: sum(parts) };
}

function parseAmount(part: string, original: string, options: ParseDecimalOptions): string {
  try {
    return parseDecimal(part.replace(/\s*%$/, ""), options);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new DomainError(
      "TARGET_INVALID",
      `Target "${original}" tidak dapat dibaca: gunakan angka, "-" untuk tanpa target, atau "11 dan 2"`,
      `Target "${original}" cannot be read: use a number, "-" for no target, or "11 dan 2"`,
      { text: original, part },
    );
  }
}

/** The amount a target stands for, or null when there is no target. */
export function targetAmount(target: TargetValue): string | null {
  return target.kind === "none" ? null : target.value;
}

/**
 * A stored target (canonical, decimal point) as an Indonesian reader expects it: "72.18" → "72,18",
 * "11 dan 2" stays "11 dan 2", no target → "-".
 */
export function formatTarget(stored: string): string {
  const target = parseTarget(stored, { decimalSeparator: "." });
  if (target.kind === "none") return "-";
  if (target.kind === "decimal") return formatNumberId(target.value);
  return target.components.map((c) => formatNumberId(c)).join(" dan ");
}

/**
 * How a target typed by a planner is stored: "72,18" or "72.18" → "72.18", "11 dan 2" → "11 dan 2",
 * "" or "-" → "-". Throws a DomainError naming the text when it cannot be read.
 */
export function storedTarget(typed: string, options: ParseDecimalOptions = {}): string {
  return storedForm(parseTarget(typed, options));
}

/** The stored text of a parsed target: canonical decimals, components joined by "dan", "-" for none. */
export function storedForm(target: TargetValue): string {
  if (target.kind === "none") return "-";
  if (target.kind === "decimal") return target.value;
  return target.components.join(" dan ");
}
