/**
 * The device's offline store (IndexedDB), every record under its user's id so logging out can remove one
 * user's data and nothing of one user is ever read for another:
 * - `cache`: API answers the data entry needs offline (data sets, forms), keyed `<user>|<path>`;
 * - `queue`: unsent edits per form, keyed by the form's storage key (which starts with the user's id);
 * - `meta`: the last session seen and the last sync time, keyed `<user>|<name>` (`session` alone).
 */
const DB_NAME = "capaian-offline";
const STORES = ["cache", "queue", "meta"] as const;
export type StoreName = (typeof STORES)[number];

let opening: Promise<IDBDatabase | null> | null = null;

/** null when the browser has no IndexedDB (private mode of some browsers): everything still works online. */
function open(): Promise<IDBDatabase | null> {
  opening ??= new Promise((done) => {
    if (typeof indexedDB === "undefined") return done(null);
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      for (const name of STORES) {
        const store = request.result.createObjectStore(name);
        store.createIndex("userId", "userId");
      }
    };
    request.onsuccess = () => done(request.result);
    request.onerror = () => done(null);
  });
  return opening;
}

const settle = <T>(request: IDBRequest<T>) =>
  new Promise<T>((done, fail) => {
    request.onsuccess = () => done(request.result);
    request.onerror = () => fail(request.error);
  });

export async function idbGet<T>(store: StoreName, key: string): Promise<T | undefined> {
  const db = await open();
  if (!db) return undefined;
  return settle(db.transaction(store).objectStore(store).get(key)) as Promise<T | undefined>;
}

/** Every record of one user in a store. */
export async function idbAllOf<T>(store: StoreName, userId: string): Promise<T[]> {
  const db = await open();
  if (!db) return [];
  return settle(db.transaction(store).objectStore(store).index("userId").getAll(userId)) as Promise<T[]>;
}

/** Writes (or with `undefined`, deletes) one record; writes to a store are applied in the order made. */
export async function idbPut<T extends { userId: string }>(
  store: StoreName,
  key: string,
  value: T | undefined,
) {
  const db = await open();
  if (!db) return;
  const objects = db.transaction(store, "readwrite").objectStore(store);
  if (value === undefined) await settle(objects.delete(key));
  else await settle(objects.put(value, key));
}

/** Removes everything one user left on this device. */
export async function idbClearUser(userId: string) {
  const db = await open();
  if (!db) return;
  const tx = db.transaction(STORES, "readwrite");
  for (const name of STORES) {
    const cursor = tx.objectStore(name).index("userId").openCursor(userId);
    cursor.onsuccess = () => {
      if (!cursor.result) return;
      cursor.result.delete();
      cursor.result.continue();
    };
  }
  await new Promise<void>((done, fail) => {
    tx.oncomplete = () => done();
    tx.onerror = () => fail(tx.error);
  });
}
