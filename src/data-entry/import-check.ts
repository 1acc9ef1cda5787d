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
import { type ImportRow, readRows } from "./import.js";

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

const messageOf = (error: unknown) =>
  error instanceof AppError || error instanceof DomainError ? error.messageId : String(error);

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
  const byCode = new Map(elements.map((e) => [e.code, e]));
  const uploaded = readRows(await readUpload(bytes, fileName), new Set(byCode.keys()));

  const units = new Map<string, UnitRef>();
  for (const codes of chunks([...new Set(uploaded.map((r) => r.orgUnitCode))], 5_000)) {
    const found = await db
      .select({
        id: orgUnits.id,
        code: orgUnits.code,
        name: orgUnits.name,
        path: orgUnits.path,
        districtId: orgUnits.districtId,
      })
      .from(orgUnits)
      .where(inArray(orgUnits.code, codes));
    for (const u of found) if (u.code) units.set(u.code, { ...u, code: u.code });
  }
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
  const periodChecks = new Map<string, { error: string } | { period: Period; inForm: Set<string> }>();
  for (const text of new Set(uploaded.map((r) => r.period))) {
    try {
      const period = checkPeriod(dataSet, text);
      const window = entryWindow(dataSet, period, today);
      if (!window.open) throw new AppError(422, "PERIOD_NOT_OPEN", window.message.id, window.message.en);
      const inForm = new Set((await formElements(db, dataSetId, period)).map((e) => e.code));
      periods.set(text, period);
      periodChecks.set(text, { period, inForm });
    } catch (error) {
      periodChecks.set(text, { error: messageOf(error) });
    }
  }

  const unitIds = [...units.values()].map((u) => u.id);
  const periodCodes = [...periods.keys()];
  const { statuses, values: current } = await readFormsState(db, {
    dataSetId,
    unitIds,
    periods: periodCodes,
    elementIds: elements.map((e) => e.id),
  });

  const seen = new Set<string>();
  // In slices: 100 000 rows of checks would otherwise hold the event loop for a second or more.
  const rows = await mapInSlices(uploaded, (r): ImportRow => {
    const unit = units.get(r.orgUnitCode);
    const out: ImportRow = {
      row: r.row,
      orgUnitCode: r.orgUnitCode,
      orgUnitName: unit?.name ?? null,
      period: r.period,
      errors: [],
      changes: [],
      unchanged: 0,
    };
    const rowKey = `${r.orgUnitCode}/${r.period}`;
    if (seen.has(rowKey)) out.errors.push("Baris ganda untuk unit dan periode yang sama.");
    seen.add(rowKey);
    if (!unit) {
      out.errors.push(`Kode unit ${r.orgUnitCode} tidak dikenal.`);
      return out;
    }
    if (!allows(roles, "data.enter", unit.path)) {
      out.orgUnitName = null;
      out.errors.push("Anda tidak berwenang mengisi data unit ini.");
      return out;
    }
    if (!assigned.has(unit.id)) {
      out.errors.push(notAssigned(dataSet).messageId);
      return out;
    }
    const check = periodChecks.get(r.period);
    if (!check || "error" in check) {
      out.errors.push(check?.error ?? r.period);
      return out;
    }
    const status = statuses.get(formKey(unit.id, r.period));
    if (status && !isEditable(status))
      out.errors.push(`Laporan ${r.period} sudah berstatus ${status} dan terkunci.`);
    for (const [code, text] of Object.entries(r.values)) {
      const element = byCode.get(code);
      if (!element) continue;
      if (!check.inForm.has(code)) {
        out.errors.push(`${code}: bukan bagian formulir pada periode ${r.period}.`);
        continue;
      }
      try {
        const value = parseDecimal(text);
        const stored = current.get(valueKey(unit.id, r.period, element.id));
        const old = stored ? canonical(stored.value) : null;
        if (old === value) out.unchanged++;
        else out.changes.push({ code, old, new: value });
      } catch {
        out.errors.push(`${code}: "${text}" bukan angka.`);
      }
    }
    return out;
  });
  return { rows, units, periods, elementIds: new Map(elements.map((e) => [e.code, e.id])) };
}
