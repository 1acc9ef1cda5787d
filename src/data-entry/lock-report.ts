import { and, eq } from "drizzle-orm";
import type { Tx } from "../db/client.js";
import { dataSetReports } from "../db/schema/index.js";
import { ensurePeriods } from "../periods/commands.js";
import type { FormContext } from "./form.js";

/**
 * The report row of one form, created if missing and locked for the rest of the transaction: it is
 * the lock every writer of the form (save, transition, import) queues on.
 */
export async function lockReport(tx: Tx, form: FormContext) {
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
  const [report] = await tx.select().from(dataSetReports).where(reportKey(form)).for("update");
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
