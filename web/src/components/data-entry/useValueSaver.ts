import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useReducer, useRef } from "react";
import { ApiError } from "../../api";
import { cachePut } from "../offline/cache";
import { markSynced } from "../offline/queueStore";
import { claimForm, releaseForm } from "../offline/sync";
import {
  afterSave,
  type Edit,
  type Edits,
  loadEdits,
  sendable,
  storeEdits,
  valuesToSave,
  withChange,
} from "./edits";
import {
  type Conflict,
  DetailedApiError,
  type Form,
  type FormKey,
  formPath,
  formQueryKey,
  putValues,
} from "./entryApi";

const DEBOUNCE_MS = 600;
/** A weak connection can fail without the browser noticing it is offline, so no `online` event comes. */
const RETRY_MS = 15_000;

interface SaverState {
  edits: Edits;
  /** Elements of the request in flight. */
  sending: ReadonlySet<string>;
  conflicts: Readonly<Record<string, Conflict>>;
  /** Values the server refused to read, with its message; not resent until edited. */
  rejected: Readonly<Record<string, string>>;
  /** Saved since the form was opened, to confirm each cell. */
  saved: ReadonlySet<string>;
  offline: boolean;
  error: string | null;
}

export type Saver = ReturnType<typeof useValueSaver>;

/**
 * Saves typed values as the operator goes: debounced, only what changed, each with the revision it was
 * typed over. Unsent edits live in the device's queue (IndexedDB) so a dropped connection or a closed
 * laptop loses nothing; they go out on reload, on `online`, and on a timer while requests fail. While the
 * form is open its saver owns its queue entry; the background sync (components/offline) sends the others.
 */
export function useValueSaver(key: FormKey, storageKey: string) {
  const queryClient = useQueryClient();
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const state = useRef<SaverState>({
    edits: loadEdits(storageKey),
    sending: new Set(),
    conflicts: {},
    rejected: {},
    saved: new Set(),
    offline: typeof navigator !== "undefined" && !navigator.onLine,
    error: null,
  });
  const inFlight = useRef(false);
  const again = useRef(false);
  const debounce = useRef<number | undefined>(undefined);
  const retry = useRef<number | undefined>(undefined);
  const unmounted = useRef(false);
  const claimed = useRef(false);
  // Once the form is closed and no request is out, the background sync may send what is left.
  const releaseIfIdle = useCallback(() => {
    if (!unmounted.current || inFlight.current || !claimed.current) return;
    claimed.current = false;
    releaseForm(storageKey);
  }, [storageKey]);

  // State lives in a ref because the save loop reads it across awaits; each change re-renders.
  const set = useCallback(
    (patch: Partial<SaverState>) => {
      state.current = { ...state.current, ...patch };
      if (patch.edits) storeEdits(storageKey, key, patch.edits);
      rerender();
    },
    [storageKey, key],
  );
  const form = useCallback(() => queryClient.getQueryData<Form>(formQueryKey(key)), [queryClient, key]);
  const refetchForm = useCallback(
    () => queryClient.invalidateQueries({ queryKey: formQueryKey(key) }),
    [queryClient, key],
  );

  const flush = useCallback(async (): Promise<void> => {
    window.clearTimeout(debounce.current);
    window.clearTimeout(retry.current);
    if (inFlight.current) {
      again.current = true;
      return;
    }
    const s = state.current;
    const batch = sendable(s.edits, s);
    if (batch.length === 0) return;
    if (!navigator.onLine) {
      set({ offline: true });
      return;
    }
    inFlight.current = true;
    set({ sending: new Set(batch.map(([id]) => id)) });
    try {
      const saved = await putValues(key, valuesToSave(batch));
      queryClient.setQueryData(formQueryKey(key), saved);
      cachePut(formPath(key), saved);
      markSynced();
      set({
        edits: afterSave(state.current.edits, batch, saved.values),
        saved: new Set([...state.current.saved, ...batch.map(([id]) => id)]),
        offline: false,
        error: null,
      });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status === 0) {
        set({ offline: true });
        retry.current = window.setTimeout(() => void flush(), RETRY_MS);
      } else if (error instanceof DetailedApiError && error.code === "VALUE_CONFLICT") {
        const { conflicts } = error.details as { conflicts: Conflict[] };
        set({
          conflicts: {
            ...state.current.conflicts,
            ...Object.fromEntries(conflicts.map((c) => [c.dataElementId, c])),
          },
        });
        // Nothing was saved (all or nothing): the values not in conflict go out again on their own.
        again.current = true;
      } else if (error instanceof DetailedApiError && error.code === "VALUE_UNREADABLE") {
        const { dataElementId } = error.details as { dataElementId: string };
        set({ rejected: { ...state.current.rejected, [dataElementId]: error.message } });
        again.current = true;
      } else {
        set({ error: error.message, offline: false });
        // A report submitted or approved meanwhile locks the form: show its new status.
        if (error.code === "REPORT_LOCKED") void refetchForm();
      }
    } finally {
      inFlight.current = false;
      set({ sending: new Set() });
      if (again.current) {
        again.current = false;
        void flush().finally(releaseIfIdle);
      } else releaseIfIdle();
    }
  }, [key, queryClient, set, refetchForm, releaseIfIdle]);

  useEffect(() => {
    unmounted.current = false;
    claimed.current = true;
    claimForm(storageKey);
    // Open, the form shows its own conflicts: what a background sync held for it is handed over.
    if (Object.keys(state.current.edits).length > 0) storeEdits(storageKey, key, state.current.edits);
    const online = () => {
      set({ offline: false });
      void flush();
    };
    const offline = () => set({ offline: true });
    window.addEventListener("online", online);
    window.addEventListener("offline", offline);
    // Edits left from an earlier visit (or before a reload) go out now.
    void flush();
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("offline", offline);
      // Leaving the form sends what is still waiting for its debounce, then leaves the rest to the
      // background sync.
      unmounted.current = true;
      void flush().finally(releaseIfIdle);
    };
  }, [flush, set, storageKey, key, releaseIfIdle]);

  /** Records a change to a value or its comment; typing a value back to the saved one drops the edit. */
  const edit = (id: string, change: Pick<Edit, "text" | "comment">) => {
    const s = state.current;
    const server = form()?.values.find((v) => v.dataElementId === id);
    const edits = withChange(s.edits, id, change, server, Boolean(s.conflicts[id]));
    const { [id]: _, ...rejected } = s.rejected;
    set({ edits, rejected, error: null });
    window.clearTimeout(debounce.current);
    debounce.current = window.setTimeout(() => void flush(), DEBOUNCE_MS);
  };

  const withoutConflict = (id: string) => {
    const { [id]: _, ...conflicts } = state.current.conflicts;
    return conflicts;
  };

  /** Keep the operator's value: send it again over the revision someone else saved. */
  const keepMine = (id: string) => {
    const conflict = state.current.conflicts[id];
    const mine = state.current.edits[id];
    if (!conflict || !mine) return;
    set({
      edits: {
        ...state.current.edits,
        [id]: { ...mine, revision: conflict.revision, baseValue: conflict.value },
      },
      conflicts: withoutConflict(id),
    });
    void flush();
  };

  /** Take the server's value: drop the edit and show what is saved now. */
  const takeTheirs = (id: string) => {
    const { [id]: _, ...edits } = state.current.edits;
    set({ edits, conflicts: withoutConflict(id) });
    void refetchForm();
  };

  /** Throws away every unsent edit, e.g. when the report was sent from another computer meanwhile. */
  const discardAll = () => {
    set({ edits: {}, conflicts: {}, rejected: {}, error: null });
    void refetchForm();
  };

  return { ...state.current, edit, flush, keepMine, takeTheirs, discardAll };
}
