import { parseDecimal } from "../../../../src/domain/index";
import type { FormKey } from "./entryApi";

/** A change to one value that the server has not confirmed yet. */
export interface Edit {
  /** As typed ("1.234", "12,5"); absent when only the comment changed. */
  text?: string;
  comment?: string | null;
  /** The server's value when the edit started, sent back unchanged when only the comment changed. */
  baseValue: string | null;
  /** The revision the edit was made over; null when the value did not exist yet. */
  revision: number | null;
}

export type Edits = Readonly<Record<string, Edit>>;

/** Kept per user too, so a shared puskesmas laptop never sends one person's edits as another's. */
export const storageKeyOf = (userId: string, key: FormKey) =>
  `capaian.isian.${userId}.${key.dataSetId}.${key.orgUnitId}.${key.period}`;

export function loadEdits(storageKey: string): Edits {
  try {
    return JSON.parse(localStorage.getItem(storageKey) ?? "{}") as Edits;
  } catch {
    return {};
  }
}

export function storeEdits(storageKey: string, edits: Edits) {
  try {
    if (Object.keys(edits).length === 0) localStorage.removeItem(storageKey);
    else localStorage.setItem(storageKey, JSON.stringify(edits));
  } catch {
    // A full or disabled storage only loses the offline copy; the edits stay in memory and are sent.
  }
}

/** The canonical number typed, null for an empty cell, or undefined when it is not a number. */
export function readTyped(text: string): string | null | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  try {
    return parseDecimal(trimmed);
  } catch {
    return undefined;
  }
}

export const isReadable = (edit: Edit) => edit.text === undefined || readTyped(edit.text) !== undefined;

/**
 * What to send as the value. An untouched canonical value like "1.234" would be read back as 1234
 * (Indonesian thousands), so a trailing zero keeps it a decimal.
 */
export function valueToSend(edit: Edit): string | null {
  if (edit.text !== undefined) return edit.text.trim() === "" ? null : edit.text.trim();
  if (edit.baseValue === null) return null;
  return edit.baseValue.includes(".") ? `${edit.baseValue}0` : edit.baseValue;
}
