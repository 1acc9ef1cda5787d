import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../db/client.js";
import { executeNamed } from "../db/named.js";
import { dataSetReports } from "../db/schema/index.js";
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
      await executeNamed<Stored>(
        tx,
        "lock_report",
        sql`select data_set_id as "dataSetId", org_unit_id as "orgUnitId", district_id as "districtId",
          period, status, submitted_at as "submittedAt", on_time as "onTime",
          returned_reason as "returnedReason", is_nihil as "isNihil", revision, updated_at as "updatedAt"
        from data_set_reports
        where data_set_id = ${form.dataSet.id} and org_unit_id = ${form.unit.id} and period = ${form.period.code}
        for update`,
      )
    ).map(reportOf);
  const [existing] = await lock();
  if (existing) return existing;
  await ensurePeriods(tx, [form.period]);
  await tx
    .insert(dataSetReports)
    .values({
      dataSetId: form.dataSet.id,
      orgUnitId: form.unit.id,
      districtId: form.unit.districtId,
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
/** As the driver gives it through Drizzle: timestamps as text. */
type Stored = Omit<Report, "submittedAt" | "updatedAt"> & { submittedAt: string | null; updatedAt: string };

function reportOf({ submittedAt, updatedAt, ...row }: Stored): Report {
  return {
    ...row,
    submittedAt:
      submittedAt === null ? null : (dataSetReports.submittedAt.mapFromDriverValue(submittedAt) as Date),
    updatedAt: dataSetReports.updatedAt.mapFromDriverValue(updatedAt) as Date,
  };
}
