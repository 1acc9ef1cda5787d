import type { ImportSummary } from "../../../../src/interop/dhis2/schemas";
import type { JobStarted, JobView } from "../../../../src/jobs/schemas";
import { ApiError, apiGet } from "../../api";
import i18n from "../../i18n";

export type { ImportSummary, JobView };

/** The import's answer, or the job the server made of a large file (to follow at /api/jobs/{id}). */
export type ImportAnswer = { summary: ImportSummary } | { jobId: string };
export type Dhis2Format = "json" | "csv" | "adx";
export type Dhis2Scheme = "UID" | "CODE" | "NAME";
export type Dhis2Strategy = "CREATE_AND_UPDATE" | "CREATE" | "UPDATE" | "DELETE";
export type Conflict = ImportSummary["conflicts"][number];

const CONTENT_TYPES: Record<Dhis2Format, string> = {
  json: "application/json",
  csv: "application/csv",
  adx: "application/adx+xml",
};

/** The format a file's name suggests; JSON when the extension says nothing. */
export function formatOf(fileName: string): Dhis2Format {
  const name = fileName.toLowerCase();
  if (name.endsWith(".csv")) return "csv";
  if (name.endsWith(".xml") || name.endsWith(".adx")) return "adx";
  return "json";
}

export interface ImportOptions {
  format: Dhis2Format;
  dryRun: boolean;
  strategy: Dhis2Strategy;
  idScheme: Dhis2Scheme;
  atomic: boolean;
  /** The data set's id; the file's own data set when null. */
  dataSetId: string | null;
}

/** The server's error text in the user's language, or the network text. */
async function errorOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as {
    error?: { code: string; message: string; messageEn: string };
  } | null;
  const message = i18n.language === "en" ? body?.error?.messageEn : body?.error?.message;
  return new ApiError(response.status, body?.error?.code ?? "HTTP", message ?? i18n.t("error.network"));
}

/**
 * Sends the file as the raw body; a refused file (409) still answers an ImportSummary, shown like any other.
 * A large file answers 202 with a job instead.
 */
export async function importValues(file: File, options: ImportOptions): Promise<ImportAnswer> {
  const { csrfToken } = await apiGet<{ csrfToken: string }>("/auth/csrf");
  const query = new URLSearchParams({
    format: options.format,
    dryRun: String(options.dryRun),
    importStrategy: options.strategy,
    idScheme: options.idScheme,
    atomicMode: options.atomic ? "ALL" : "NONE",
  });
  // The select holds ids whatever scheme the file's values use.
  if (options.dataSetId) {
    query.set("dataSet", options.dataSetId);
    query.set("dataSetIdScheme", "UID");
  }
  let response: Response;
  try {
    response = await fetch(`/api/dataValueSets?${query}`, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        accept: "application/json",
        "content-type": CONTENT_TYPES[options.format],
        "x-csrf-token": csrfToken,
      },
      body: file,
    });
  } catch {
    throw new ApiError(0, "NETWORK", i18n.t("error.network"));
  }
  if (response.status === 202) return { jobId: ((await response.json()) as JobStarted).job.id };
  if (response.ok) return { summary: (await response.json()) as ImportSummary };
  if (response.status === 409) {
    const body = (await response
      .clone()
      .json()
      .catch(() => null)) as ImportSummary | null;
    if (body?.responseType === "ImportSummary") return { summary: body };
  }
  throw await errorOf(response);
}

export interface ExportOptions {
  dataSetId: string;
  orgUnitId: string;
  children: boolean;
  startDate: string;
  endDate: string;
  format: Dhis2Format;
}

export const exportPath = (o: ExportOptions) =>
  `/dataValueSets?${new URLSearchParams({
    dataSet: o.dataSetId,
    orgUnit: o.orgUnitId,
    children: String(o.children),
    startDate: o.startDate,
    endDate: o.endDate,
    format: o.format,
  })}`;

export const EXPORT_EXTENSIONS: Record<Dhis2Format, string> = { json: "json", csv: "csv", adx: "xml" };

const csvCell = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** The conflicts as a CSV Excel opens (BOM, one conflict a line), messages in the user's language. */
export function conflictsCsv(conflicts: Conflict[], english: boolean, header: string[]): string {
  const lines = conflicts.map((c) =>
    [c.object, english ? c.valueEn : c.value, c.indexes.map((i) => i + 1).join(" ")].map(csvCell).join(","),
  );
  return `\uFEFF${[header.map(csvCell).join(","), ...lines].join("\r\n")}\r\n`;
}

/** Hands a text made in the browser to the user as a file. */
export function saveText(text: string, name: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement("a"), { href: url, download: name });
  link.click();
  URL.revokeObjectURL(url);
}
