import { eq, inArray } from "drizzle-orm";
import { allows, type ScopedRole } from "../auth/permissions.js";
import type { Reader } from "../db/client.js";
import { dataSetOrgUnits, dataSets, orgUnits } from "../db/schema/index.js";
import {
  canonical,
  DomainError,
  entryWindow,
  isEditable,
  type Period,
  parseDecimal,
} from "../domain/index.js";
import { readSpreadsheet } from "../interop/spreadsheet/index.js";
import { chunks } from "../lib/chunks.js";
import { AppError, notFound } from "../lib/errors.js";
import { todayInJakarta } from "../lib/jakarta-date.js";
import { mapInSlices } from "../lib/slices.js";
import { checkPeriod, formElements, notAssigned } from "./form.js";
import { formKey, readFormsState, valueKey } from "./forms-state.js";
import { type ImportRow, readRows, type UploadRow } from "./import.js";

const MAX_BYTES = 20 * 1024 * 1024;

export interface UnitRef {
  id: string;
  code: string;
  name: string;
  path: string;
  districtId: string | null;
}

/** The checked file: every row, and what a commit needs to write the rows without asking again. */
export interface CheckedUpload {
  rows: ImportRow[];
  units: Map<string, UnitRef>;
  periods: Map<string, Period>;
  elementIds: Map<string, string>;
}

const messageOf = (error: unknown, text: string) =>
  error instanceof AppError || error instanceof DomainError
    ? { id: error.messageId, en: error.messageEn }
    : { id: text, en: text };

/** Reads the upload's first sheet (bounded, off the event loop); refusals keep their 4xx status. */
export async function readUpload(bytes: Uint8Array, fileName: string) {
  const { grids } = await readSpreadsheet(bytes, fileName, MAX_BYTES).catch(
    (e: { messageId?: string; messageEn?: string; statusCode?: number; code?: string; details?: object }) => {
      throw new AppError(
        e.statusCode === 413 ? 413 : 400,
        e.statusCode === 413 ? (e.code ?? "FILE_TOO_LARGE") : "FILE_UNREADABLE",
        e.messageId ?? "Berkas tidak terbaca.",
        e.messageEn ?? "Unreadable file.",
        e.details as Record<string, unknown> | undefined,
      );
    },
  );
  return grids[0] ?? { rows: [] };
}

/** What is wrong with a row (no `code`) or with one of its values (`code`), in both languages. */
export interface RowProblem {
  kind:
    | "duplicate_row"
    | "unit_unknown"
    | "not_allowed"
    | "not_assigned"
    | "period"
    | "locked"
    | "not_in_form"
    | "not_number";
  code?: string;
  id: string;
  en: string;
}

/** A checked row with its problems kept apart per value, for importers that report them one by one. */
export type CheckedRow = ImportRow & { problems: RowProblem[] };

type DataSetRow = typeof dataSets.$inferSelect;
type Elements = Awaited<ReturnType<typeof formElements>>;

/**
 * Checks every row of an upload against the database in a fixed number of set-based reads (units,
 * assignments, reports, current values), whatever the row count; writes nothing.
 */
export async function checkUpload(
  db: Reader,
  dataSetId: string,
  bytes: Uint8Array,
  fileName: string,
  roles: readonly ScopedRole[],
): Promise<CheckedUpload> {
  const [dataSet] = await db.select().from(dataSets).where(eq(dataSets.id, dataSetId));
  if (!dataSet) throw notFound("Formulir data", "Data set");
  const elements = await formElements(db, dataSetId, "ever");
  const uploaded = readRows(await readUpload(bytes, fileName), new Set(elements.map((e) => e.code)));
  const units = await unitsByCode(
    db,
    uploaded.map((r) => r.orgUnitCode),
  );
  return checkRows(db, dataSet, elements, uploaded, units, roles);
}

/** The units of these codes, keyed by code. */
export async function unitsByCode(db: Reader, codes: readonly string[]) {
  const units = new Map<string, UnitRef>();
  for (const part of chunks([...new Set(codes)], 5_000)) {
    const found = await db
      .select({
        id: orgUnits.id,
        code: orgUnits.code,
        name: orgUnits.name,
        path: orgUnits.path,
        districtId: orgUnits.districtId,
      })
      .from(orgUnits)
      .where(inArray(orgUnits.code, part));
    for (const u of found) if (u.code) units.set(u.code, { ...u, code: u.code });
  }
  return units;
}

/**
 * The form's rules applied to rows already read: `units` maps each row's `orgUnitCode` (whatever
 * identifier the file used) to its unit, `elements` are every element the form ever had.
 */
export async function checkRows(
  db: Reader,
  dataSet: DataSetRow,
  elements: Elements,
  uploaded: readonly UploadRow[],
  units: Map<string, UnitRef>,
  roles: readonly ScopedRole[],
): Promise<Omit<CheckedUpload, "rows"> & { rows: CheckedRow[] }> {
  const dataSetId = dataSet.id;
  const byCode = new Map(elements.map((e) => [e.code, e]));
  const assigned = new Set(
    (
      await db
        .select({ id: dataSetOrgUnits.orgUnitId })
        .from(dataSetOrgUnits)
        .where(eq(dataSetOrgUnits.dataSetId, dataSetId))
    ).map((a) => a.id),
  );

  // Per distinct period: recordable, of the data set's type, open for entry, and the form's elements.
  const today = todayInJakarta();
  const periods = new Map<string, Period>();
  const periodChecks = new Map<
    string,
    { error: { id: string; en: string } } | { period: Period; inForm: Set<string> }
  >();
  for (const text of new Set(uploaded.map((r) => r.period))) {
    try {
      const period = checkPeriod(dataSet, text);
      const window = entryWindow(dataSet, period, today);
      if (!window.open) throw new AppError(422, "PERIOD_NOT_OPEN", window.message.id, window.message.en);
      const inForm = new Set((await formElements(db, dataSetId, period)).map((e) => e.code));
      periods.set(text, period);
      periodChecks.set(text, { period, inForm });
    } catch (error) {
      periodChecks.set(text, { error: messageOf(error, text) });
    }
  }

  const unitIds = [...new Set([...units.values()].map((u) => u.id))];
  const periodCodes = [...periods.keys()];
  const { statuses, values: current } = await readFormsState(db, {
    dataSetId,
    unitIds,
    periods: periodCodes,
    elementIds: elements.map((e) => e.id),
  });

  const seen = new Set<string>();
  // In slices: 100 000 rows of checks would otherwise hold the event loop for a second or more.
  const rows = await mapInSlices(uploaded, (r): CheckedRow => {
    const unit = units.get(r.orgUnitCode);
    const out: CheckedRow = {
      row: r.row,
      orgUnitCode: r.orgUnitCode,
      orgUnitName: unit?.name ?? null,
      period: r.period,
      errors: [],
      problems: [],
      changes: [],
      unchanged: 0,
    };
    const problem = (p: RowProblem) => {
      out.problems.push(p);
      out.errors.push(p.id);
    };
    const rowKey = `${r.orgUnitCode}/${r.period}`;
    if (seen.has(rowKey))
      problem({
        kind: "duplicate_row",
        id: "Baris ganda untuk unit dan periode yang sama.",
        en: "A second row for the same unit and period.",
      });
    seen.add(rowKey);
    if (!unit) {
      problem({
        kind: "unit_unknown",
        id: `Kode unit ${r.orgUnitCode} tidak dikenal.`,
        en: `Unknown org unit ${r.orgUnitCode}.`,
      });
      return out;
    }
    if (!allows(roles, "data.enter", unit.path)) {
      out.orgUnitName = null;
      problem({
        kind: "not_allowed",
        id: "Anda tidak berwenang mengisi data unit ini.",
        en: "You may not enter data for this org unit.",
      });
      return out;
    }
    if (!assigned.has(unit.id)) {
      const refusal = notAssigned(dataSet);
      problem({ kind: "not_assigned", id: refusal.messageId, en: refusal.messageEn });
      return out;
    }
    const check = periodChecks.get(r.period);
    if (!check || "error" in check) {
      problem({ kind: "period", ...(check?.error ?? { id: r.period, en: r.period }) });
      return out;
    }
    const status = statuses.get(formKey(unit.id, r.period));
    if (status && !isEditable(status))
      problem({
        kind: "locked",
        id: `Laporan ${r.period} sudah berstatus ${status} dan terkunci.`,
        en: `The report ${r.period} is ${status} and locked.`,
      });
    for (const [code, text] of Object.entries(r.values)) {
      const element = byCode.get(code);
      if (!element) continue;
      if (!check.inForm.has(code)) {
        problem({
          kind: "not_in_form",
          code,
          id: `${code}: bukan bagian formulir pada periode ${r.period}.`,
          en: `${code}: not part of the form in period ${r.period}.`,
        });
        continue;
      }
      try {
        const value = parseDecimal(text);
        const stored = current.get(valueKey(unit.id, r.period, element.id));
        const old = stored ? canonical(stored.value) : null;
        if (old === value) out.unchanged++;
        else out.changes.push({ code, old, new: value });
      } catch {
        problem({
          kind: "not_number",
          code,
          id: `${code}: "${text}" bukan angka.`,
          en: `${code}: "${text}" is not a number.`,
        });
      }
    }
    return out;
  });
  return { rows, units, periods, elementIds: new Map(elements.map((e) => [e.code, e.id])) };
}
