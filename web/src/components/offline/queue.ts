import type { Edits } from "../data-entry/edits";
import type { FormKey } from "../data-entry/entryApi";

/** One form's unsent edits as the device keeps them (IndexedDB `queue`). */
export interface QueueEntry {
  userId: string;
  storageKey: string;
  key: FormKey;
  edits: Edits;
  /** When the oldest edit still waiting was made: forms are sent oldest first. */
  queuedAt: number;
  /** Elements the server refused in a background sync (someone else changed them, or not a number). */
  held: string[];
  /** The server's refusal of the whole form (e.g. the report was submitted elsewhere), to show. */
  error: string | null;
}

/**
 * The entry after the open form changed its edits: none left removes it; the open form's saver now
 * shows conflicts itself, so what a background sync held is forgotten.
 */
export function withEdits(
  entry: QueueEntry | undefined,
  fields: Pick<QueueEntry, "userId" | "storageKey" | "key" | "edits">,
  now: number,
): QueueEntry | undefined {
  if (Object.keys(fields.edits).length === 0) return undefined;
  return { ...fields, queuedAt: entry?.queuedAt ?? now, held: [], error: null };
}

/** The order forms are sent in: the oldest waiting first, ties by key so the order is stable. */
export const inOrder = (entries: Iterable<QueueEntry>) =>
  [...entries].sort((a, b) => a.queuedAt - b.queuedAt || a.storageKey.localeCompare(b.storageKey));

export interface QueueSummary {
  /** Edits waiting to be sent, in every form of the user. */
  waiting: number;
  /** Of those, the ones the server refused that need the operator (open the form to choose). */
  held: number;
  /** Forms the server refused as a whole. */
  failed: number;
}

export function summarize(entries: Iterable<QueueEntry>): QueueSummary {
  let waiting = 0;
  let held = 0;
  let failed = 0;
  for (const entry of entries) {
    waiting += Object.keys(entry.edits).length;
    held += entry.held.filter((id) => entry.edits[id]).length;
    if (entry.error) failed += 1;
  }
  return { waiting, held, failed };
}

/** The edits a background sync may send: not held, not already failed as a whole. */
export function toSend(entry: QueueEntry): Edits {
  if (entry.error) return {};
  return Object.fromEntries(Object.entries(entry.edits).filter(([id]) => !entry.held.includes(id)));
}

const LEGACY_PREFIX = "capaian.isian.";

/**
 * The form of an edit list kept in localStorage by earlier versions (`capaian.isian.<user>.<set>.<unit>.<period>`),
 * for this user only; null for anything else.
 */
export function legacyFormKey(storageKey: string, userId: string): FormKey | null {
  const prefix = `${LEGACY_PREFIX}${userId}.`;
  if (!storageKey.startsWith(prefix)) return null;
  const [dataSetId, orgUnitId, period, ...rest] = storageKey.slice(prefix.length).split(".");
  if (!dataSetId || !orgUnitId || !period || rest.length > 0) return null;
  return { dataSetId, orgUnitId, period };
}
