import { ApiError, apiGet } from "../../api";
import i18n from "../../i18n";
import { idbGet, idbPut } from "./idb";
import { offlineUser } from "./queueStore";

interface Cached<T> {
  userId: string;
  data: T;
  at: number;
}

const keyOf = (userId: string, path: string) => `${userId}|${path}`;

/** Keeps an API answer on the device for the signed-in user, so the form opens offline. */
export function cachePut(path: string, data: unknown) {
  const userId = offlineUser();
  if (!userId) return;
  void idbPut("cache", keyOf(userId, path), { userId, data, at: Date.now() } satisfies Cached<unknown>).catch(
    () => undefined,
  );
}

/** When the signed-in user's copy of an answer was stored, if there is one. */
export async function cachedAt(path: string): Promise<number | undefined> {
  const userId = offlineUser();
  if (!userId) return undefined;
  return (await idbGet<Cached<unknown>>("cache", keyOf(userId, path)).catch(() => undefined))?.at;
}

/**
 * GET from the server, kept on the device for this user; without a connection, the copy kept last time.
 * Only the service worker's shell is shared between users: API answers never go to its caches.
 */
export async function cachedGet<T>(path: string): Promise<T> {
  const userId = offlineUser();
  if (!userId) return apiGet<T>(path);
  if (navigator.onLine) {
    try {
      const data = await apiGet<T>(path);
      cachePut(path, data);
      return data;
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 0) throw error;
    }
  }
  const hit = await idbGet<Cached<T>>("cache", keyOf(userId, path)).catch(() => undefined);
  if (hit) return hit.data;
  throw new ApiError(0, "OFFLINE", i18n.t("offline.notKept"));
}
