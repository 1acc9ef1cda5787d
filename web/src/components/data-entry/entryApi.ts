import type { ReportAction, ReportStatus } from "@domain";
import { useQuery } from "@tanstack/react-query";
import type { Completeness, EntryDataSet, Form } from "../../../../src/data-entry/schemas";
import { ApiError, apiGet } from "../../api";
import i18n from "../../i18n";
import { cachedGet } from "../offline/cache";

export type { Completeness, Form, ReportAction, ReportStatus };
/** A data set with the reporting units the user may see, as the server's schema describes it. */
export type DataSet = EntryDataSet;

export interface FormKey {
  dataSetId: string;
  orgUnitId: string;
  period: string;
}

/** What the server holds now for a value someone else changed since it was loaded here. */
export interface Conflict {
  dataElementId: string;
  value: string | null;
  comment: string | null;
  revision: number | null;
}

export interface ValueToSave {
  dataElementId: string;
  value: string | null;
  comment?: string | null;
  revision: number | null;
}

/** ApiError plus the server's `details`, which the shared client drops but conflicts need. */
export class DetailedApiError extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(status, code, message);
  }
}

export const formQueryKey = (key: FormKey) => ["data-entry-form", key.dataSetId, key.orgUnitId, key.period];

const query = (params: Record<string, string>) => new URLSearchParams(params).toString();

/** The form's address, which is also its key in the device's offline copy. */
export const formPath = (key: FormKey) =>
  `/data-entry/form?${query({ dataSetId: key.dataSetId, orgUnitId: key.orgUnitId, period: key.period })}`;

// Both are kept on the device (per user) so a form opens without a connection.
export const useDataSets = () =>
  useQuery({ queryKey: ["data-sets"], queryFn: () => cachedGet<DataSet[]>("/data-sets") });

export const useEntryForm = (key: FormKey | null) =>
  useQuery({
    queryKey: key ? formQueryKey(key) : ["data-entry-form"],
    queryFn: () => cachedGet<Form>(formPath(key as FormKey)),
    enabled: key !== null,
  });

export const useCompleteness = (dataSetId: string | null, period: string) =>
  useQuery({
    queryKey: ["data-entry-completeness", dataSetId, period],
    queryFn: () =>
      apiGet<Completeness>(`/data-entry/completeness?${query({ dataSetId: dataSetId ?? "", period })}`),
    enabled: dataSetId !== null && period !== "",
  });

// The token is bound to the session; it is fetched once and again only when the server refuses it
// (after logging out and in, the old one belongs to the previous session).
let csrfToken: string | null = null;

async function send(method: "PUT" | "POST", path: string, body: unknown, retried = false): Promise<Form> {
  let response: Response;
  try {
    csrfToken ??= (await apiGet<{ csrfToken: string }>("/auth/csrf")).csrfToken;
    response = await fetch(`/api${path}`, {
      method,
      credentials: "same-origin",
      headers: { accept: "application/json", "content-type": "application/json", "x-csrf-token": csrfToken },
      body: JSON.stringify(body),
    });
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(0, "NETWORK", i18n.t("error.network"));
  }
  if (response.ok) return (await response.json()) as Form;
  const payload = (await response.json().catch(() => null)) as {
    error?: { code: string; message: string; messageEn: string; details?: unknown };
  } | null;
  const code = payload?.error?.code ?? "HTTP";
  if (code === "CSRF" && !retried) {
    csrfToken = null;
    return send(method, path, body, true);
  }
  const message = i18n.language === "en" ? payload?.error?.messageEn : payload?.error?.message;
  throw new DetailedApiError(
    response.status,
    code,
    message ?? i18n.t("error.network"),
    payload?.error?.details,
  );
}

export const putValues = (key: FormKey, values: ValueToSave[]) =>
  send("PUT", "/data-entry/values", { ...key, values });

export const postTransition = (
  key: FormKey,
  body: { action: ReportAction; reason?: string; nihilReason?: string },
) => send("POST", "/data-entry/transition", { ...key, ...body });
