import { type Actor, recordAudit } from "../audit/record.js";
import { forbidden } from "../auth/plugin.js";
import type { Database, Reader } from "../db/client.js";
import { dataSetReports } from "../db/schema/index.js";
import {
  checkSubmittedContent,
  endDate,
  isOnTime,
  nextStatus,
  type ReportAction,
  type ReportStatus,
  unexplainedWarnings,
} from "../domain/index.js";
import { AppError } from "../lib/errors.js";
import { type FormContext, formElements, formFindings, formValues } from "./form.js";
import { lockReport, reportKey } from "./lock-report.js";

/**
 * Moves a report through the workflow in one transaction with its audit record. Submitting re-runs the
 * validation: errors block it, and each warning needs a comment on one of the values it is about.
 */
export interface TransitionRequest {
  action: ReportAction;
  reason?: string | undefined;
  /** Submit as laporan nihil (nothing to report) for this reason. */
  nihilReason?: string | undefined;
  /** Whether the caller may take the action from the status the report turns out to have. */
  mayTakeFrom: (status: ReportStatus) => boolean;
}

export async function transitionReport(
  db: Database,
  context: FormContext,
  request: TransitionRequest,
  actor: Actor,
) {
  const { action, reason, nihilReason } = request;
  const key = reportKey(context);
  return db.transaction(async (tx) => {
    const report = await lockReport(tx, context);
    const status = nextStatus(report.status, action, reason);
    if (!request.mayTakeFrom(report.status)) throw forbidden();
    if (action === "submit") await checkBeforeSubmit(tx, context, nihilReason);
    const nihil = action === "submit" ? nihilReason !== undefined : report.isNihil;
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
        isNihil: nihil,
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
      newValue: nihil && action === "submit" ? { status, nihil: true } : { status },
      reason: action === "submit" ? nihilReason : reason,
    });
    return after;
  });
}

async function checkBeforeSubmit(tx: Reader, context: FormContext, nihilReason?: string) {
  const elements = await formElements(tx, context.dataSet.id, context.period);
  const stored = await formValues(
    tx,
    context.unit.id,
    context.period.code,
    elements.map((e) => e.id),
  );
  checkSubmittedContent(stored.length, nihilReason);
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
  const codeOf = new Map(elements.map((e) => [e.id, e.code]));
  const commented = new Set(
    stored.flatMap((v) => {
      const code = codeOf.get(v.dataElementId);
      return v.comment?.trim() && code ? [code] : [];
    }),
  );
  const unexplained = unexplainedWarnings(findings, commented);
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
