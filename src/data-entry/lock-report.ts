import { and, eq } from "drizzle-orm";
import type { Tx } from "../db/client.js";
import { dataSetReports } from "../db/schema/index.js";
import { ensurePeriods } from "../periods/commands.js";
import type { FormContext } from "./form.js";

/**
 * The report row of one form, created if missing and locked for the rest of the transaction: it is
 * the lock every writer of the form (save, transition, import) queues on. Most saves find the row, so
 * it is locked first and only created (with its period) when missing: one round trip instead of three.
 */
export async function lockReport(tx: Tx, form: FormContext) {
  const lock = () => tx.select().from(dataSetReports).where(reportKey(form)).for("update");
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
