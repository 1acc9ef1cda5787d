import i18n from "./i18n";

/** An API error carrying the server's message in the user's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;

/** Remembers the CSRF token the server handed out with the session (login, /auth/me, /auth/csrf). */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

async function ensureCsrfToken(): Promise<string> {
  if (!csrfToken) csrfToken = (await apiGet<{ csrfToken: string }>("/auth/csrf")).csrfToken;
  return csrfToken;
}

async function toError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as {
    error?: { code: string; message: string; messageEn: string };
  } | null;
  const message = i18n.language === "en" ? body?.error?.messageEn : body?.error?.message;
  return new ApiError(response.status, body?.error?.code ?? "HTTP", message ?? i18n.t("error.network"));
}

async function call(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(`/api${path}`, { credentials: "same-origin", ...init });
  } catch {
    throw new ApiError(0, "NETWORK", i18n.t("error.network"));
  }
}

export async function apiGet<T>(path: string): Promise<T> {
  const response = await call(path, { headers: { accept: "application/json" } });
  if (!response.ok) throw await toError(response);
  return (await response.json()) as T;
}

/** A state-changing request, with the CSRF token; returns undefined for 204. */
export async function apiSend<T>(method: "POST" | "PUT" | "PATCH" | "DELETE", path: string, body?: unknown) {
  const response = await call(path, {
    method,
    headers: {
      accept: "application/json",
      "content-type": "application/json",
      "x-csrf-token": await ensureCsrfToken(),
    },
    body: JSON.stringify(body ?? {}),
  });
  if (!response.ok) throw await toError(response);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** Downloads a file from the API (e.g. an xlsx export) under the name the server gives it. */
export async function apiDownload(path: string, fallbackName: string): Promise<void> {
  const response = await call(path, {});
  if (!response.ok) throw await toError(response);
  const name =
    /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement("a"), { href: url, download: name });
  link.click();
  URL.revokeObjectURL(url);
}
