import { and, eq } from "drizzle-orm";
import { type Actor, recordAudit } from "../audit/record.js";
import type { Database } from "../db/client.js";
import { dataSetReports } from "../db/schema/index.js";
import { endDate, isOnTime, nextStatus, type ReportAction } from "../domain/index.js";
import { ensurePeriods } from "../periods/commands.js";
import { AppError } from "../server/errors.js";
import { type FormContext, formElements, formFindings, formValues } from "./form.js";

/**
 * Moves a report through the workflow in one transaction with its audit record. Submitting re-runs the
 * validation: errors block it, and each warning needs a comment on one of the values it is about.
 */
export async function transitionReport(
  db: Database,
  context: FormContext,
  action: ReportAction,
  reason: string | undefined,
  actor: Actor,
) {
  const key = and(
    eq(dataSetReports.dataSetId, context.dataSet.id),
    eq(dataSetReports.orgUnitId, context.unit.id),
    eq(dataSetReports.period, context.period.code),
  );
  return db.transaction(async (tx) => {
    await ensurePeriods(tx, [context.period]);
    await tx
      .insert(dataSetReports)
      .values({
        dataSetId: context.dataSet.id,
        orgUnitId: context.unit.id,
        districtId: context.unit.districtId,
        period: context.period.code,
      })
      .onConflictDoNothing();
    const [report] = await tx.select().from(dataSetReports).where(key).for("update");
    if (!report) throw new Error("report row vanished");
    const status = nextStatus(report.status, action, reason);
    if (action === "submit") await checkBeforeSubmit(tx, context);
    const now = new Date();
    const firstSubmission = action === "submit" && report.submittedAt === null;
    const [after] = await tx
      .update(dataSetReports)
      .set({
        status,
        revision: report.revision + 1,
        updatedAt: now,
        returnedReason:
          action === "return" ? (reason ?? null) : action === "submit" ? null : report.returnedReason,
        ...(firstSubmission
          ? { submittedAt: now, onTime: isOnTime(endDate(context.period), context.dataSet.deadlineDays, now) }
          : {}),
      })
      .where(key)
      .returning();
    await recordAudit(tx, actor, {
      action: `data.report_${action}`,
      entityType: "data_set_report",
      entityId: `${context.dataSet.code}/${context.unit.id}/${context.period.code}`,
      orgUnitId: context.unit.id,
      oldValue: { status: report.status },
      newValue: { status },
      reason,
    });
    return after;
  });
}

async function checkBeforeSubmit(tx: Pick<Database, "select">, context: FormContext) {
  const elements = await formElements(tx, context.dataSet.id);
  const findings = await formFindings(tx, context, elements);
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length > 0) {
    throw new AppError(
      422,
      "VALIDATION_ERRORS",
      `Laporan belum dapat dikirim: ${errors.map((e) => e.message).join(" ")}`,
      `The report cannot be submitted yet: ${errors.map((e) => e.messageEn).join(" ")}`,
      { findings: errors },
    );
  }
  const values = await formValues(
    tx,
    context.unit.id,
    context.period.code,
    elements.map((e) => e.id),
  );
  const commented = new Set(
    values.filter((v) => v.comment?.trim()).map((v) => elements.find((e) => e.id === v.dataElementId)?.code),
  );
  const unexplained = findings.filter(
    (f) => f.severity === "warning" && !f.dataElements.some((code) => commented.has(code)),
  );
  if (unexplained.length > 0) {
    throw new AppError(
      422,
      "WARNING_NEEDS_COMMENT",
      `Beri keterangan pada nilai yang diperingatkan sebelum mengirim: ${unexplained.map((w) => w.message).join(" ")}`,
      `Add a comment to the flagged values before submitting: ${unexplained.map((w) => w.messageEn).join(" ")}`,
      { findings: unexplained },
    );
  }
}
