import { useSyncExternalStore } from "react";
import type { Edits } from "../data-entry/edits";
import type { FormKey } from "../data-entry/entryApi";
import { idbAllOf, idbGet, idbPut } from "./idb";
import { legacyFormKey, type QueueEntry, type QueueSummary, summarize, withEdits } from "./queue";

/**
 * The signed-in user's queue of unsent edits: read once from IndexedDB when the session starts, then held
 * in memory so a form reads its edits synchronously; every change is written through to IndexedDB.
 */
let userId: string | null = null;
let entries = new Map<string, QueueEntry>();
let lastSync: number | null = null;
let summary: QueueSummary = { waiting: 0, held: 0, failed: 0 };
const listeners = new Set<() => void>();

function changed() {
  summary = summarize(entries.values());
  for (const listener of listeners) listener();
}

/** Loads the user's queue, taking over edits an earlier version left in localStorage. */
export async function loadQueue(user: string) {
  const stored = await idbAllOf<QueueEntry>("queue", user).catch(() => []);
  const sync = await idbGet<{ at: number }>("meta", `${user}|lastSync`).catch(() => undefined);
  userId = user;
  entries = new Map(stored.map((e) => [e.storageKey, e]));
  lastSync = sync?.at ?? null;
  for (const storageKey of legacyKeys()) {
    const key = legacyFormKey(storageKey, user);
    if (!key) continue;
    try {
      const edits = JSON.parse(localStorage.getItem(storageKey) ?? "{}") as Edits;
      if (!entries.has(storageKey)) putEdits(storageKey, key, edits);
    } catch {
      // An unreadable leftover is dropped, as the old loader did.
    }
    localStorage.removeItem(storageKey);
  }
  changed();
}

const legacyKeys = () => {
  try {
    return Object.keys(localStorage).filter((k) => k.startsWith("capaian.isian."));
  } catch {
    return [];
  }
};

/**
 * Reads the queue again from the device, as another tab may have sent or added edits meanwhile; the
 * forms `ownedHere` (open in this tab) keep what this tab holds.
 */
export async function reloadQueue(ownedHere: (storageKey: string) => boolean) {
  const user = userId;
  if (!user) return;
  const stored = await idbAllOf<QueueEntry>("queue", user).catch(() => null);
  if (!stored || userId !== user) return;
  const next = new Map(stored.filter((e) => !ownedHere(e.storageKey)).map((e) => [e.storageKey, e]));
  for (const [storageKey, entry] of entries) if (ownedHere(storageKey)) next.set(storageKey, entry);
  entries = next;
  changed();
}

/** Forgets the user in memory (the records on the device are removed by clearOfflineData). */
export function unloadQueue() {
  userId = null;
  entries = new Map();
  lastSync = null;
  changed();
}

export const queuedEdits = (storageKey: string): Edits => entries.get(storageKey)?.edits ?? {};

export const queueEntries = () => [...entries.values()];

export const queueSummary = () => summary;

/** Replaces a form's edits (the open form's saver), written through to the device. */
export function putEdits(storageKey: string, key: FormKey, edits: Edits) {
  if (!userId) return;
  const next = withEdits(entries.get(storageKey), { userId, storageKey, key, edits }, Date.now());
  putEntry(storageKey, next);
}

/** Replaces a whole entry (the background sync), or removes it with `undefined`. */
export function putEntry(storageKey: string, entry: QueueEntry | undefined) {
  if (entry) entries.set(storageKey, entry);
  else entries.delete(storageKey);
  // A full or refused storage only loses the device's copy; the edits stay in memory and are sent.
  void idbPut("queue", storageKey, entry).catch(() => undefined);
  changed();
}

/** Records that the server has everything sent so far. */
export function markSynced() {
  if (!userId) return;
  lastSync = Date.now();
  void idbPut("meta", `${userId}|lastSync`, { userId, at: lastSync }).catch(() => undefined);
  changed();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The queue's counts and the last sync time, re-rendering on every change. */
export function useQueueStatus() {
  const counts = useSyncExternalStore(subscribe, () => summary);
  const at = useSyncExternalStore(subscribe, () => lastSync);
  return { ...counts, lastSync: at };
}

/** The user whose queue is loaded: the one whose data the device may read and write now. */
export const offlineUser = () => userId;
