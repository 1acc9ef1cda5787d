import { DomainError } from "./errors.js";

/**
 * The life of one report (a facility's data set for one period), DOMAIN.md §6:
 * draft → submitted → verified → approved, or back to the facility with a reason; approved is locked
 * and only a reopen with a reason unlocks it.
 */
export type ReportStatus = "draft" | "submitted" | "verified" | "approved" | "returned";
export type ReportAction = "submit" | "verify" | "approve" | "return" | "reopen";
/** Who may take an action: the permission it needs (see src/auth/permissions.ts). */
export type ActionPermission = "data.enter" | "data.verify" | "data.approve";

interface Step {
  from: readonly ReportStatus[];
  to: ReportStatus;
  permission: ActionPermission;
  reasonRequired: boolean;
}

const STEPS: Record<ReportAction, Step> = {
  submit: { from: ["draft", "returned"], to: "submitted", permission: "data.enter", reasonRequired: false },
  verify: { from: ["submitted"], to: "verified", permission: "data.verify", reasonRequired: false },
  approve: { from: ["verified"], to: "approved", permission: "data.approve", reasonRequired: false },
  return: {
    from: ["submitted", "verified"],
    to: "returned",
    permission: "data.verify",
    reasonRequired: true,
  },
  reopen: { from: ["approved"], to: "draft", permission: "data.approve", reasonRequired: true },
};

const STATUS_LABEL: Record<ReportStatus, { id: string; en: string }> = {
  draft: { id: "draf", en: "draft" },
  submitted: { id: "dikirim", en: "submitted" },
  verified: { id: "diverifikasi", en: "verified" },
  approved: { id: "disetujui", en: "approved" },
  returned: { id: "dikembalikan", en: "returned" },
};

export function actionStep(action: ReportAction): Step {
  const step = STEPS[action];
  if (!step)
    throw new DomainError("ACTION_UNKNOWN", `Tindakan tidak dikenal: ${action}`, `Unknown action: ${action}`);
  return step;
}

/** The status after the action, or a DomainError saying why it cannot be taken now. */
export function nextStatus(
  current: ReportStatus,
  action: ReportAction,
  reason?: string | null,
): ReportStatus {
  const step = actionStep(action);
  if (!step.from.includes(current)) {
    const label = STATUS_LABEL[current];
    throw new DomainError(
      "TRANSITION_INVALID",
      `Laporan berstatus ${label.id} tidak dapat di-${action === "return" ? "kembalikan" : action}.`,
      `A ${label.en} report cannot be ${action === "return" ? "returned" : `${action}ed`}.`,
      { current, action },
    );
  }
  if (step.reasonRequired && !reason?.trim()) {
    throw new DomainError(
      "REASON_REQUIRED",
      "Alasan wajib diisi untuk tindakan ini.",
      "A reason is required for this action.",
      { action },
    );
  }
  return step.to;
}

/** Values can change only while the facility holds the report. */
export function isEditable(status: ReportStatus): boolean {
  return status === "draft" || status === "returned";
}

/** On time = first submitted by the end of the period's last day plus the deadline days (dates in WIB). */
export function isOnTime(periodEndDate: string, deadlineDays: number, submittedAt: Date): boolean {
  const [y, m, d] = periodEndDate.split("-").map(Number) as [number, number, number];
  // Midnight WIB (UTC+7) after the deadline day.
  const limit = Date.UTC(y, m - 1, d + deadlineDays + 1) - 7 * 3_600_000;
  return submittedAt.getTime() < limit;
}

export function deadlineOf(periodEndDate: string, deadlineDays: number): string {
  const [y, m, d] = periodEndDate.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + deadlineDays)).toISOString().slice(0, 10);
}
