import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect, useState } from "react";
import type { CurrentUser } from "../../../../src/auth/schemas";
import { formQueryKey } from "../data-entry/entryApi";
import { idbClearUser } from "./idb";
import { keepOwnForms } from "./prefetch";
import { loadQueue, offlineUser, unloadQueue } from "./queueStore";
import { type OnSaved, syncQueue } from "./sync";

/** While requests fail without the browser noticing (a weak connection), the queue is tried again. */
const RETRY_MS = 30_000;

const savedInto =
  (queryClient: QueryClient): OnSaved =>
  (key, form) =>
    queryClient.setQueryData(formQueryKey(key), form);

/** Sends what the user still has queued; logging out waits for it so as little as possible is lost. */
export const sendQueued = (queryClient: QueryClient) => syncQueue(savedInto(queryClient));

/** Logging out leaves nothing of the user on this device: cached forms, queue, last session. */
export async function clearOfflineData(userId: string) {
  unloadQueue();
  await idbClearUser(userId).catch(() => undefined);
}

/**
 * Renders the signed-in app once the user's queue is read from the device (a form reads its edits
 * synchronously), then keeps the queue moving and the operator's forms on the device.
 */
export function OfflineGate({ user, children }: { user: CurrentUser; children: ReactNode }) {
  const queryClient = useQueryClient();
  const [ready, setReady] = useState(offlineUser() === user.id);

  useEffect(() => {
    let live = true;
    void loadQueue(user.id).then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [user.id]);

  useEffect(() => {
    if (!ready) return;
    const sync = () =>
      void sendQueued(queryClient).then(() => keepOwnForms(user, queryClient).catch(() => undefined));
    const online = () => {
      // The session may have ended while offline; asking again shows the login if so.
      void queryClient.invalidateQueries({ queryKey: ["session"] });
      sync();
    };
    window.addEventListener("online", online);
    const timer = window.setInterval(() => void sendQueued(queryClient), RETRY_MS);
    sync();
    return () => {
      window.removeEventListener("online", online);
      window.clearInterval(timer);
    };
  }, [ready, user, queryClient]);

  return ready ? children : null;
}
