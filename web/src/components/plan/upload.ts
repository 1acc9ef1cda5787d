import type { RakDocument } from "../../../../src/plans/rak-document";
import type { ImportVersion } from "../../../../src/plans/version-schemas";
import { ApiError, apiGet } from "../../api";
import i18n from "../../i18n";

export interface ImportSummary {
  sasaran: number;
  program: number;
  kegiatan: number;
  subKegiatan: number;
  indicators: number;
  budgetTotal: number;
}
export interface ImportWarning {
  code: string;
  message: string;
  messageEn: string;
  row: number | null;
}
export interface ImportPreview {
  summary: ImportSummary;
  warnings: ImportWarning[];
  document: RakDocument;
  version: ImportVersion;
}
export interface ImportResult {
  planId: string;
  version: number;
  summary: ImportSummary;
  warnings: ImportWarning[];
}

/**
 * Sends a spreadsheet as the raw request body (the import routes read bytes, not JSON). apiSend only
 * sends JSON, so this asks the server for the session's CSRF token itself.
 */
export async function uploadRak<T>(path: string, file: File): Promise<T> {
  const { csrfToken } = await apiGet<{ csrfToken: string }>("/auth/csrf");
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        accept: "application/json",
        "content-type": file.name.toLowerCase().endsWith(".csv") ? "text/csv" : "application/octet-stream",
        "x-csrf-token": csrfToken,
      },
      body: file,
    });
  } catch {
    throw new ApiError(0, "NETWORK", i18n.t("error.network"));
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: { code: string; message: string; messageEn: string };
    } | null;
    const message = i18n.language === "en" ? body?.error?.messageEn : body?.error?.message;
    throw new ApiError(response.status, body?.error?.code ?? "HTTP", message ?? i18n.t("error.network"));
  }
  return (await response.json()) as T;
}
