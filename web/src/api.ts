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

export async function apiGet<T>(path: string): Promise<T> {
  const response = await fetch(`/api${path}`, { headers: { accept: "application/json" } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: { code: string; message: string; messageEn: string };
    } | null;
    const message = i18n.language === "en" ? body?.error?.messageEn : body?.error?.message;
    throw new ApiError(response.status, body?.error?.code ?? "HTTP", message ?? i18n.t("error.network"));
  }
  return (await response.json()) as T;
}
