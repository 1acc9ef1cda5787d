import { and, inArray, sql } from "drizzle-orm";
import { type Actor, recordAudit } from "../../audit/record.js";
import type { ScopedRole } from "../../auth/permissions.js";
import {
  type CheckedRow,
  checkRows,
  formElements,
  type UploadRow,
  writeChecked,
} from "../../data-entry/index.js";
import type { Database, DatabaseKind, Tx } from "../../db/client.js";
import { dataSetReports, dataValues } from "../../db/schema/index.js";
import { canonical, type DomainError, isEditable, parseDhis2Period } from "../../domain/index.js";
import { chunks } from "../../lib/chunks.js";
import { AppError } from "../../lib/errors.js";
import { groupBy } from "../../lib/group-by.js";
import { Conflicts } from "./conflicts.js";
import { dataSetsOfElements, findDataSet, unitsBy } from "./queries.js";
import type { Format, RawValue } from "./read-values.js";
import type { IdScheme, ImportSummary } from "./schemas.js";
import { stagedWriter } from "./stage.js";

export interface ImportOptions {
  dryRun: boolean;
  strategy: "CREATE" | "UPDATE" | "CREATE_AND_UPDATE" | "DELETE";
  atomic: boolean;
  elementScheme: IdScheme;
  unitScheme: IdScheme;
  dataSetScheme: IdScheme;
  /** The data set the request names; else the file's, else the one holding its elements. */
  dataSet?: string;
  /** The values go through a COPY-filled staging table on this database. */
  databaseKind: DatabaseKind;
  /** Told when the checks start and when the writing starts, with the counts the checks expect. */
  onPhase?: (phase: "checking" | "writing", counts?: Record<string, number>) => void;
}

export interface ImportFile {
  values: RawValue[];
  format: Format;
  sha256: string;
  bytes: number;
}

/** DHIS2's default category option combo, by uid and by name: the only one capaian holds. */
const DEFAULT_COMBOS = new Set(["", "default", "HllvX50cXC0"]);

interface Planned {
  index: number;
  row: number;
  code: string;
  element: string;
  remove: boolean;
}

class DryRun extends Error {
  constructor(readonly summary: ImportSummary) {
    super("dry run");
  }
}

/**
 * Imports a dataValueSet into one data set with the checks of the form upload (scope, assignment,
 * period open, report editable, numbers), set-based, in one transaction with one audit record for the
 * file and one per value. Atomic unless asked: any conflict and nothing is written. A dry run does all
 * the work, then rolls it back, so its counts are the real ones.
 */
export async function importValues(
  db: Database,
  file: ImportFile,
  options: ImportOptions,
  roles: readonly ScopedRole[],
  actor: Actor,
): Promise<ImportSummary> {
  options.onPhase?.("checking");
  const dataSet = await resolveDataSet(db, file.values, options);
  const elements = await formElements(db, dataSet.id, "ever");
  const keyOf = (e: (typeof elements)[number]) =>
    options.elementScheme === "UID" ? e.id : options.elementScheme === "CODE" ? e.code : e.name;
  const elementOf = new Map(elements.map((e) => [keyOf(e), e]));
  const units = await unitsBy(
    db,
    options.unitScheme,
    file.values.map((v) => v.orgUnit),
  );

  const conflicts = new Conflicts();
  const rows: UploadRow[] = [];
  const rowOf = new Map<string, number>();
  const planned: Planned[] = [];
  const seen = new Set<string>();
  for (const [index, v] of file.values.entries()) {
    const element = elementOf.get(v.dataElement);
    if (!element) {
      conflicts.add(
        "element",
        v.dataElement,
        {
          id: `Data ${v.dataElement} tidak ada di formulir ${dataSet.code}.`,
          en: `Data element ${v.dataElement} is not in data set ${dataSet.code}.`,
        },
        index,
      );
      continue;
    }
    if (!DEFAULT_COMBOS.has(v.categoryOptionCombo)) {
      conflicts.add("combo", v.categoryOptionCombo, comboMessage(v.categoryOptionCombo), index);
      continue;
    }
    if (!DEFAULT_COMBOS.has(v.attributeOptionCombo)) {
      conflicts.add("attribute", v.attributeOptionCombo, comboMessage(v.attributeOptionCombo), index);
      continue;
    }
    let period: string;
    try {
      period = parseDhis2Period(v.period).code;
    } catch (error) {
      const e = error as DomainError;
      conflicts.add("period", v.period, { id: e.messageId, en: e.messageEn }, index);
      continue;
    }
    const key = `${v.orgUnit}\u0000${period}`;
    let row = rowOf.get(key);
    if (row === undefined) {
      row = rows.length;
      rowOf.set(key, row);
      rows.push({ row, orgUnitCode: v.orgUnit, period, values: {} });
    }
    if (seen.has(`${row}/${element.code}`)) {
      conflicts.add(
        "duplicate",
        v.dataElement,
        {
          id: `Nilai ganda untuk ${v.dataElement}, ${v.orgUnit}, ${v.period}.`,
          en: `A second value for ${v.dataElement}, ${v.orgUnit}, ${v.period}.`,
        },
        index,
      );
      continue;
    }
    seen.add(`${row}/${element.code}`);
    const remove = options.strategy === "DELETE" || v.value.trim() === "";
    if (!remove) (rows[row] as UploadRow).values[element.code] = v.value.trim();
    planned.push({ index, row, code: element.code, element: v.dataElement, remove });
  }

  const checked = await checkRows(db, dataSet, elements, rows, units, roles);
  const byRow = groupBy(planned, (p) => p.row);
  for (const row of checked.rows) {
    for (const p of row.problems) {
      const message = { id: p.id, en: p.en };
      const object =
        p.kind === "period"
          ? row.period
          : p.kind === "locked"
            ? `${row.orgUnitCode}/${row.period}`
            : row.orgUnitCode;
      for (const value of byRow.get(row.row) ?? []) {
        if (p.code === undefined) conflicts.add(p.kind, object, message, value.index);
        else if (value.code === p.code && !value.remove)
          conflicts.add(p.kind, value.element, message, value.index);
      }
    }
  }

  const summary = (status: ImportSummary["status"], count: ImportSummary["importCount"]): ImportSummary => ({
    responseType: "ImportSummary",
    status,
    ...describe(status, count, conflicts.size, options.dryRun),
    dryRun: options.dryRun,
    importCount: count,
    conflicts: conflicts.listed(),
    totalConflicts: conflicts.size,
  });
  if (conflicts.size && options.atomic)
    return summary("ERROR", { imported: 0, updated: 0, ignored: file.values.length, deleted: 0 });

  const good = planned.filter((p) => !conflicts.bad.has(p.index));
  const keep = (c: { old: string | null }) =>
    options.strategy === "CREATE" ? c.old === null : options.strategy === "UPDATE" ? c.old !== null : true;
  const writable = checked.rows
    .filter((r) => !r.problems.some((p) => p.code === undefined))
    .map((r): CheckedRow => ({ ...r, changes: r.changes.filter(keep) }));
  const imported = writable.reduce((n, r) => n + r.changes.filter((c) => c.old === null).length, 0);
  const updated = writable.reduce((n, r) => n + r.changes.filter((c) => c.old !== null).length, 0);
  const removals = good.filter((p) => p.remove);
  options.onPhase?.("writing", { imported, updated, deleting: removals.length, conflicts: conflicts.size });
  try {
    return await db.transaction(async (tx) => {
      await writeChecked(
        tx,
        dataSet.id,
        { ...checked, rows: writable },
        actor,
        stagedWriter(options.databaseKind),
      );
      const deleted = await deleteValues(tx, dataSet.id, removals, checked, actor);
      const count = {
        imported,
        updated,
        deleted,
        ignored: file.values.length - imported - updated - deleted,
      };
      const result = summary(conflicts.size ? "WARNING" : "SUCCESS", count);
      await recordAudit(tx, actor, {
        action: "data.values_imported",
        entityType: "data_set",
        entityId: dataSet.id,
        newValue: {
          format: file.format,
          sha256: file.sha256,
          bytes: file.bytes,
          values: file.values.length,
          strategy: options.strategy,
          atomic: options.atomic,
          importCount: count,
          conflicts: conflicts.size,
        },
      });
      if (options.dryRun) throw new DryRun(result);
      return result;
    });
  } catch (error) {
    if (error instanceof DryRun) return error.summary;
    throw error;
  }
}

const comboMessage = (combo: string) => ({
  id: `Kombinasi kategori "${combo}" tidak dikenal; capaian hanya menyimpan nilai tanpa rincian (default).`,
  en: `Unknown category option combo "${combo}"; capaian holds undisaggregated values only (default).`,
});

function describe(
  status: ImportSummary["status"],
  count: ImportSummary["importCount"],
  conflicts: number,
  dryRun: boolean,
) {
  const trial = dryRun
    ? { id: " (uji coba, tidak disimpan)", en: " (dry run, nothing saved)" }
    : { id: "", en: "" };
  if (status === "ERROR")
    return {
      description: `${conflicts} konflik; tidak ada nilai yang disimpan.${trial.id}`,
      descriptionEn: `${conflicts} conflicts; no value was saved.${trial.en}`,
    };
  return {
    description: `${count.imported} baru, ${count.updated} diubah, ${count.deleted} dihapus, ${count.ignored} dilewati, ${conflicts} konflik.${trial.id}`,
    descriptionEn: `${count.imported} imported, ${count.updated} updated, ${count.deleted} deleted, ${count.ignored} ignored, ${conflicts} conflicts.${trial.en}`,
  };
}

async function resolveDataSet(db: Database, values: readonly RawValue[], options: ImportOptions) {
  const named = options.dataSet ?? values.find((v) => v.dataSet)?.dataSet;
  if (named) {
    const found = await findDataSet(db, options.dataSetScheme, named);
    if (!found)
      throw new AppError(
        404,
        "DATA_SET_NOT_FOUND",
        `Formulir data ${named} tidak ditemukan.`,
        `Data set ${named} not found.`,
      );
    return found;
  }
  const candidates = await dataSetsOfElements(db, options.elementScheme, [
    ...new Set(values.map((v) => v.dataElement)),
  ]);
  const only = candidates.length === 1 ? await findDataSet(db, "UID", candidates[0] as string) : undefined;
  if (!only)
    throw new AppError(
      400,
      "DATA_SET_REQUIRED",
      "Sebutkan formulir data (parameter dataSet): data dalam berkas tidak menunjuk satu formulir.",
      "Name the data set (the dataSet parameter): the file's data elements do not point to one data set.",
    );
  return only;
}

/** Deletes the values asked for in editable reports (locked first), with one audit record each. */
async function deleteValues(
  tx: Tx,
  dataSetId: string,
  removals: readonly Planned[],
  checked: Awaited<ReturnType<typeof checkRows>>,
  actor: Actor,
) {
  let deleted = 0;
  for (const part of chunks(removals)) {
    const keys = part.flatMap((p) => {
      const row = checked.rows[p.row] as CheckedRow;
      const unit = checked.units.get(row.orgUnitCode);
      const elementId = checked.elementIds.get(p.code);
      return unit && elementId ? [{ unit, period: row.period, elementId, code: p.code }] : [];
    });
    if (keys.length === 0) continue;
    const reports = await tx
      .select({ status: dataSetReports.status })
      .from(dataSetReports)
      .where(
        and(
          sql`${dataSetReports.dataSetId} = ${dataSetId}`,
          inArray(dataSetReports.orgUnitId, [...new Set(keys.map((k) => k.unit.id))]),
          inArray(dataSetReports.period, [...new Set(keys.map((k) => k.period))]),
        ),
      )
      .for("update");
    if (reports.some((r) => !isEditable(r.status)))
      throw new AppError(409, "REPORT_LOCKED", "Laporan sudah terkunci.", "A report became locked.");
    const gone = await tx
      .delete(dataValues)
      .where(
        sql`(${dataValues.orgUnitId}, ${dataValues.period}, ${dataValues.dataElementId}) in (${sql.join(
          keys.map((k) => sql`(${k.unit.id}::uuid, ${k.period}, ${k.elementId}::uuid)`),
          sql`, `,
        )})`,
      )
      .returning();
    deleted += gone.length;
    const codeOf = new Map(keys.map((k) => [`${k.unit.id}/${k.period}/${k.elementId}`, k.code]));
    await recordAudit(
      tx,
      actor,
      ...gone.map((v) => ({
        action: "data.value_set",
        entityType: "data_value",
        entityId: `${v.orgUnitId}/${v.period}/${codeOf.get(`${v.orgUnitId}/${v.period}/${v.dataElementId}`)}`,
        orgUnitId: v.orgUnitId,
        oldValue: { value: canonical(v.value), comment: v.comment },
        newValue: null,
      })),
    );
  }
  return deleted;
}
