import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext } from "react";
import type { CurrentUser, SessionResponse } from "../../src/auth/schemas";
import { ApiError, apiGet, apiSend, setCsrfToken } from "./api";

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

export function useSession() {
  return useQuery({
    queryKey: ["session"],
    queryFn: async () => {
      try {
        const session = await apiGet<SessionResponse>("/auth/me");
        setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
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
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend<void>("POST", "/auth/logout"),
    onSettled: () => {
      setCsrfToken(null);
      forgetEverythingButSession(queryClient);
      queryClient.setQueryData(["session"], null);
    },
  });
}

export function SessionProvider({ user, children }: { user: CurrentUser; children: ReactNode }) {
  return <SessionContext.Provider value={user}>{children}</SessionContext.Provider>;
}
