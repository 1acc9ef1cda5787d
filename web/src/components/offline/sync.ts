import { ApiError } from "../../api";
import { afterSave, isReadable, valuesToSave } from "../data-entry/edits";
import {
  type Conflict,
  DetailedApiError,
  type Form,
  type FormKey,
  formPath,
  putValues,
} from "../data-entry/entryApi";
import { cachePut } from "./cache";
import { inOrder, type QueueEntry, toSend } from "./queue";
import { markSynced, putEntry, queueEntries, reloadQueue } from "./queueStore";

/**
 * Forms open on screen: their own saver sends them (and shows conflicts), the background sync leaves them.
 * Held as a Web Lock too, so the sync of another tab leaves them as well.
 */
const claims = new Map<string, number>();
const unlocks = new Map<string, () => void>();
const lockName = (storageKey: string) => `capaian-form:${storageKey}`;
const locks = () => (typeof navigator === "undefined" ? undefined : navigator.locks);

export function claimForm(storageKey: string) {
  const count = (claims.get(storageKey) ?? 0) + 1;
  claims.set(storageKey, count);
  if (count === 1)
    // Granted later: a form closed meanwhile lets the lock go at once.
    void locks()?.request(lockName(storageKey), () =>
      claims.has(storageKey) ? new Promise<void>((done) => unlocks.set(storageKey, done)) : Promise.resolve(),
    );
}

export function releaseForm(storageKey: string) {
  const left = (claims.get(storageKey) ?? 1) - 1;
  if (left > 0) return void claims.set(storageKey, left);
  claims.delete(storageKey);
  unlocks.get(storageKey)?.();
  unlocks.delete(storageKey);
}

/** Forms open in this tab or another. */
async function openForms(): Promise<Set<string>> {
  const held = (await locks()?.query())?.held ?? [];
  return new Set([...claims.keys(), ...held.map((l) => l.name?.replace("capaian-form:", "") ?? "")]);
}

type Outcome = "sent" | "refused" | "offline";
export type OnSaved = (key: FormKey, form: Form) => void;

let running: Promise<void> | null = null;

/**
 * Sends the queue of forms not open on screen, oldest first, with the revision each value was typed over:
 * the server's revision check decides conflicts, which wait (held) until the operator opens the form and
 * chooses. Stops at the first network failure; one run at a time.
 */
export function syncQueue(onSaved: OnSaved): Promise<void> {
  running ??= run(onSaved).finally(() => {
    running = null;
  });
  return running;
}

async function run(onSaved: OnSaved) {
  if (!navigator.onLine) return;
  // One tab at a time, each starting from what the others left on the device: never the same edit twice.
  const oneTab = (send: () => Promise<void>) => locks()?.request("capaian-sync", send) ?? send();
  await oneTab(async () => {
    await reloadQueue((storageKey) => claims.has(storageKey));
    const open = await openForms();
    for (const entry of inOrder(queueEntries())) {
      if (open.has(entry.storageKey)) continue;
      if ((await sendForm(entry, onSaved)) === "offline") return;
    }
    markSynced();
  });
}

async function sendForm(entry: QueueEntry, onSaved: OnSaved): Promise<Outcome> {
  let current = entry;
  // Each refusal of a value holds it and sends the rest again; a form has a bounded number of values.
  for (;;) {
    const batch = Object.entries(toSend(current)).filter(([, edit]) => isReadable(edit));
    if (batch.length === 0) return "sent";
    try {
      const saved = await putValues(current.key, valuesToSave(batch));
      const edits = afterSave(current.edits, batch, saved.values);
      putEntry(current.storageKey, Object.keys(edits).length > 0 ? { ...current, edits } : undefined);
      cachePut(formPath(current.key), saved);
      onSaved(current.key, saved);
      return "sent";
    } catch (error) {
      if (!(error instanceof ApiError) || error.status === 0) return "offline";
      const refused = refusedValues(error).filter((id) => !current.held.includes(id));
      if (refused.length === 0) {
        putEntry(current.storageKey, { ...current, error: error.message });
        return "refused";
      }
      current = { ...current, held: [...current.held, ...refused] };
      putEntry(current.storageKey, current);
    }
  }
}

/** The values a save was refused for (nothing was saved: all or nothing), or none when the form was. */
function refusedValues(error: ApiError): string[] {
  if (!(error instanceof DetailedApiError)) return [];
  if (error.code === "VALUE_CONFLICT")
    return (error.details as { conflicts: Conflict[] }).conflicts.map((c) => c.dataElementId);
  if (error.code === "VALUE_UNREADABLE") return [(error.details as { dataElementId: string }).dataElementId];
  return [];
}
