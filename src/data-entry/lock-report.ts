import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../db/client.js";
import { executeNamed } from "../db/named.js";
import { dataSetReports } from "../db/schema/index.js";
import { factDistrictOf } from "../domain/org-unit-tree.js";
import { ensurePeriods } from "../periods/commands.js";
import type { FormContext } from "./form.js";

/**
 * The report row of one form, created if missing and locked for the rest of the transaction: it is
 * the lock every writer of the form (save, transition, import) queues on. Most saves find the row, so
 * it is locked first and only created (with its period) when missing: one round trip instead of three.
 */
export async function lockReport(tx: Tx, form: FormContext) {
  const lock = async () =>
    (
      await executeNamed<{ report: StoredReport }>(
        tx,
        "lock_report",
        sql`select to_jsonb(r) as report from data_set_reports r
        where data_set_id = ${form.dataSet.id} and org_unit_id = ${form.unit.id} and period = ${form.period.code}
        for update`,
      )
    ).map((row) => reportOf(row.report));
  const [existing] = await lock();
  if (existing) return existing;
  await ensurePeriods(tx, [form.period]);
  await tx
    .insert(dataSetReports)
    .values({
      dataSetId: form.dataSet.id,
      orgUnitId: form.unit.id,
      districtId: factDistrictOf(form.unit),
      period: form.period.code,
    })
    .onConflictDoNothing();
  const [report] = await lock();
  if (!report) throw new Error("report row vanished");
  return report;
}

/** The row of one form's report: data set, unit, period. */
export function reportKey(form: FormContext) {
  return and(
    eq(dataSetReports.dataSetId, form.dataSet.id),
    eq(dataSetReports.orgUnitId, form.unit.id),
    eq(dataSetReports.period, form.period.code),
  );
}

type Report = typeof dataSetReports.$inferSelect;

/** A report row as PostgreSQL's to_jsonb gives it. */
export interface StoredReport {
  data_set_id: string;
  org_unit_id: string;
  district_id: string;
  period: string;
  status: Report["status"];
  submitted_at: string | null;
  on_time: boolean | null;
  returned_reason: string | null;
  is_nihil: boolean;
  revision: number;
  updated_at: string;
}

/** The row as Drizzle reads it (timestamps as dates). */
export function reportOf(row: StoredReport): Report {
  return {
    dataSetId: row.data_set_id,
    orgUnitId: row.org_unit_id,
    districtId: row.district_id,
    period: row.period,
    status: row.status,
    submittedAt: row.submitted_at === null ? null : new Date(row.submitted_at),
    onTime: row.on_time,
    returnedReason: row.returned_reason,
    isNihil: row.is_nihil,
    revision: row.revision,
    updatedAt: new Date(row.updated_at),
  };
}
