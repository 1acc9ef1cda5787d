import { sql } from "drizzle-orm";
import { type Actor, recordAudit } from "../../audit/record.js";
import type { ScopedRole } from "../../auth/permissions.js";
import { formElements } from "../../data-entry/index.js";
import type { DatabaseKind } from "../../db/client.js";
import { AppError } from "../../lib/errors.js";
import { Conflicts } from "./conflicts.js";
import { checkStaged } from "./import-check.js";
import { deleteStaged, planWrites, writeStaged } from "./import-write.js";
import { dataSetsOfElements, findDataSet } from "./queries.js";
import type { Format } from "./read-values.js";
import type { IdScheme, ImportSummary } from "./schemas.js";
import type { Staging } from "./stage.js";

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

/** The file as received, for the import's audit record (its values are staged). */
export interface ImportFile {
  format: Format;
  sha256: string;
  bytes: number;
}

class DryRun extends Error {
  constructor(readonly summary: ImportSummary) {
    super("dry run");
  }
}

/**
 * Imports a staged dataValueSet into one data set with the checks of the form upload (scope, assignment,
 * period open, report editable, numbers), set-based, with one audit record for the file and the values'
 * history, the writing in one transaction. Atomic unless asked: any conflict and nothing is written. A
 * dry run does all the work, then rolls it back, so its counts are the real ones.
 */
export async function importValues(
  s: Staging,
  file: ImportFile,
  options: ImportOptions,
  roles: readonly ScopedRole[],
  actor: Actor,
): Promise<ImportSummary> {
  options.onPhase?.("checking");
  const total = s.count;
  const dataSet = await resolveDataSet(s, options);
  const elements = await formElements(s.run, dataSet.id, "ever");
  const conflicts = new Conflicts();
  const { periods } = await checkStaged(
    s,
    dataSet,
    elements,
    {
      elementScheme: options.elementScheme,
      unitScheme: options.unitScheme,
      removeAll: options.strategy === "DELETE",
    },
    roles,
    conflicts,
  );

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
    return summary("ERROR", { imported: 0, updated: 0, ignored: total, deleted: 0 });

  try {
    return await s.atomically(async (tx) => {
      const planned = await planWrites(s, tx, options.strategy);
      options.onPhase?.("writing", { ...planned, conflicts: conflicts.size });
      await writeStaged(s, tx, dataSet.id, [...periods.values()], actor);
      const deleted = await deleteStaged(s, tx, actor);
      const count = {
        imported: planned.imported,
        updated: planned.updated,
        deleted,
        ignored: total - planned.imported - planned.updated - deleted,
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
          values: total,
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

async function resolveDataSet(s: Staging, options: ImportOptions) {
  const named = options.dataSet ?? s.dataSet;
  if (named) {
    const found = await findDataSet(s.run, options.dataSetScheme, named);
    if (!found)
      throw new AppError(
        404,
        "DATA_SET_NOT_FOUND",
        `Formulir data ${named} tidak ditemukan.`,
        `Data set ${named} not found.`,
      );
    return found;
  }
  const keys = (
    (await s.run.execute(sql`select distinct element from ${s.table} limit 1000`)) as unknown as {
      rows: Array<{ element: string }>;
    }
  ).rows.map((r) => r.element);
  const candidates = await dataSetsOfElements(s.run, options.elementScheme, keys);
  const only = candidates.length === 1 ? await findDataSet(s.run, "UID", candidates[0] as string) : undefined;
  if (!only)
    throw new AppError(
      400,
      "DATA_SET_REQUIRED",
      "Sebutkan formulir data (parameter dataSet): data dalam berkas tidak menunjuk satu formulir.",
      "Name the data set (the dataSet parameter): the file's data elements do not point to one data set.",
    );
  return only;
}
