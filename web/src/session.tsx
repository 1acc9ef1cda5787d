import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext } from "react";
import type { CurrentUser, SessionResponse } from "../../src/auth/schemas";
import { ApiError, apiGet, apiSend, setCsrfToken } from "./api";
import { idbGet, idbPut } from "./components/offline/idb";
import { clearOfflineData, OfflineGate, sendQueued } from "./components/offline/OfflineGate";
import { queueSummary } from "./components/offline/queueStore";
import i18n from "./i18n";

const SessionContext = createContext<CurrentUser | null>(null);

/** The logged-in user; only used below <SessionGate>, which guarantees one. */
export function useCurrentUser(): CurrentUser {
  const user = useContext(SessionContext);
  if (!user) throw new Error("useCurrentUser outside a session");
  return user;
}

export function useCan() {
  const user = useCurrentUser();
  return (permission: CurrentUser["permissions"][number]) => user.permissions.includes(permission);
}

/** The last session seen on this device, so the app opens offline for the user who was signed in. */
const SESSION_KEY = "session";
const rememberSession = (session: SessionResponse | null) =>
  idbPut("meta", SESSION_KEY, session ? { userId: session.user.id, session } : undefined).catch(
    () => undefined,
  );

export function useSession() {
  return useQuery({
    queryKey: ["session"],
    queryFn: async () => {
      try {
        const session = await apiGet<SessionResponse>("/auth/me");
        setCsrfToken(session.csrfToken);
        void rememberSession(session);
        return session;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          void rememberSession(null);
          return null;
        }
        if (!(error instanceof ApiError) || error.status !== 0) throw error;
        const kept = await idbGet<{ session: SessionResponse }>("meta", SESSION_KEY).catch(() => undefined);
        if (!kept) throw error;
        setCsrfToken(kept.session.csrfToken);
        return kept.session;
      }
    },
    staleTime: 5 * 60_000,
  });
}

/** Data cached for one user must never show to the next; the session query itself stays subscribed. */
function forgetEverythingButSession(queryClient: QueryClient) {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== "session" });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) =>
      apiSend<SessionResponse>("POST", "/auth/login", body),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      forgetEverythingButSession(queryClient);
      queryClient.setQueryData(["session"], session);
      void rememberSession(session);
    },
  });
}

class LogoutCancelled extends Error {}

export function useLogout() {
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  return useMutation({
    // What is still queued goes out first: logging out removes the user's data from this device.
    mutationFn: async () => {
      await sendQueued(queryClient);
      const { waiting } = queueSummary();
      if (waiting > 0 && !window.confirm(i18n.t("offline.logoutLoses", { count: waiting })))
        throw new LogoutCancelled();
      await apiSend<void>("POST", "/auth/logout");
    },
    onSettled: async (_, error) => {
      if (error instanceof LogoutCancelled) return;
      await clearOfflineData(user.id);
      setCsrfToken(null);
      forgetEverythingButSession(queryClient);
      queryClient.setQueryData(["session"], null);
    },
  });
}

export function SessionProvider({ user, children }: { user: CurrentUser; children: ReactNode }) {
  return (
    <SessionContext.Provider value={user}>
      <OfflineGate user={user}>{children}</OfflineGate>
    </SessionContext.Provider>
  );
}
