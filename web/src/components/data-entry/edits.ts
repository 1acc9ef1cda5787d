import { parseDecimal } from "@domain";
import { putEdits, queuedEdits } from "../offline/queueStore";
import type { Form, FormKey, ValueToSave } from "./entryApi";

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

/** The edits waiting for a form, from the device's queue (IndexedDB, loaded when the session starts). */
export const loadEdits = (storageKey: string): Edits => queuedEdits(storageKey);

/** Writes a form's edits through to the device's queue; none left removes the form from it. */
export const storeEdits = (storageKey: string, key: FormKey, edits: Edits) =>
  putEdits(storageKey, key, edits);

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

type SavedValue = Form["values"][number];

/** The edits to send now: readable ones, not waiting on a conflict and not refused by the server. */
export function sendable(
  edits: Edits,
  held: { conflicts: Readonly<Record<string, unknown>>; rejected: Readonly<Record<string, unknown>> },
): Array<[string, Edit]> {
  return Object.entries(edits).filter(
    ([id, edit]) => !held.conflicts[id] && !held.rejected[id] && isReadable(edit),
  );
}

/** The request body for a batch: each value with the revision it was typed over. */
export const valuesToSave = (batch: ReadonlyArray<[string, Edit]>): ValueToSave[] =>
  batch.map(([id, edit]) => ({
    dataElementId: id,
    value: valueToSend(edit),
    ...(edit.comment === undefined ? {} : { comment: edit.comment }),
    revision: edit.revision,
  }));

/**
 * The edits left once the server saved a batch: one sent unchanged is done; one typed again while the
 * request was out now stands on the revision just saved.
 */
export function afterSave(edits: Edits, batch: ReadonlyArray<[string, Edit]>, saved: SavedValue[]): Edits {
  const now = new Map(saved.map((v) => [v.dataElementId, v]));
  const left = { ...edits };
  for (const [id, sent] of batch) {
    const current = left[id];
    if (current === sent) delete left[id];
    else if (current)
      left[id] = {
        ...current,
        revision: now.get(id)?.revision ?? null,
        baseValue: now.get(id)?.value ?? null,
      };
  }
  return left;
}

/**
 * The edits after a change to a value or its comment. Typing back what the server holds drops the
 * edit, unless it is in conflict (then the operator still has to choose).
 */
export function withChange(
  edits: Edits,
  id: string,
  change: Pick<Edit, "text" | "comment">,
  server: Pick<SavedValue, "value" | "comment" | "revision"> | undefined,
  inConflict: boolean,
): Edits {
  const base: Edit = edits[id] ?? { baseValue: server?.value ?? null, revision: server?.revision ?? null };
  const next: Edit = { ...base, ...change };
  const sameValue = next.text === undefined || readTyped(next.text) === (server?.value ?? null);
  const sameComment = next.comment === undefined || (next.comment || null) === (server?.comment ?? null);
  const left = { ...edits };
  if (sameValue && sameComment && !inConflict) delete left[id];
  else left[id] = next;
  return left;
}
