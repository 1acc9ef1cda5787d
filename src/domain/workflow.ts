import { DomainError } from "./errors.js";

/**
 * The life of one report (a facility's data set for one period), docs/DOMAIN-RULES.md §6:
 * draft → submitted → verified → approved, or back to the facility with a reason; approved is locked
 * and only a reopen with a reason unlocks it.
 */
export type ReportStatus = "draft" | "submitted" | "verified" | "approved" | "returned";
export type ReportAction = "submit" | "verify" | "approve" | "return" | "reopen";
/** Who may take an action: the permission it needs (see src/auth/permissions.ts). */
export type ActionPermission = "data.enter" | "data.verify" | "data.approve";

interface Step {
  to: ReportStatus;
  /** The statuses the action starts from, each with the permissions any one of which may take it there. */
  by: Partial<Record<ReportStatus, readonly ActionPermission[]>>;
  reasonRequired: boolean;
}

const STEPS: Record<ReportAction, Step> = {
  submit: { to: "submitted", by: { draft: ["data.enter"], returned: ["data.enter"] }, reasonRequired: false },
  verify: { to: "verified", by: { submitted: ["data.verify"] }, reasonRequired: false },
  approve: { to: "approved", by: { verified: ["data.approve"] }, reasonRequired: false },
  // The Kepala Dinas may send back a verified report instead of approving what looks wrong.
  return: {
    to: "returned",
    by: { submitted: ["data.verify"], verified: ["data.verify", "data.approve"] },
    reasonRequired: true,
  },
  reopen: { to: "draft", by: { approved: ["data.approve"] }, reasonRequired: true },
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

/** Every permission that takes this action from some status: who may ask for it at all. */
export function actionPermissions(action: ReportAction): ActionPermission[] {
  return [...new Set(Object.values(actionStep(action).by).flat())];
}

/** The permissions that take this action from this status (none when it cannot be taken from there). */
export function permissionsFor(action: ReportAction, status: ReportStatus): readonly ActionPermission[] {
  return actionStep(action).by[status] ?? [];
}

/** The actions someone holding these permissions can take on a report in this status, in workflow order. */
export function availableActions(
  status: ReportStatus,
  holds: (permission: ActionPermission) => boolean,
): ReportAction[] {
  return (Object.keys(STEPS) as ReportAction[]).filter((action) =>
    permissionsFor(action, status).some(holds),
  );
}

export function needsReason(action: ReportAction): boolean {
  return actionStep(action).reasonRequired;
}

/**
 * A report must say something: values, or an explicit laporan nihil (nothing to report) with its
 * reason. A nihil report carries no values, so completeness can count it without guessing.
 */
export function checkSubmittedContent(valueCount: number, nihilReason: string | null | undefined): void {
  const nihil = nihilReason !== undefined && nihilReason !== null;
  if (nihil && !nihilReason.trim()) {
    throw new DomainError(
      "NIHIL_REASON_REQUIRED",
      'Laporan nihil memerlukan alasan, mis. "tidak ada pelayanan persalinan bulan ini".',
      'A nil report needs a reason, e.g. "no deliveries this month".',
    );
  }
  if (nihil && valueCount > 0) {
    throw new DomainError(
      "NIHIL_HAS_VALUES",
      `Laporan nihil tidak boleh berisi nilai; hapus ${valueCount} nilai yang terisi atau kirim sebagai laporan biasa.`,
      `A nil report cannot hold values; clear the ${valueCount} values entered or submit it as a normal report.`,
    );
  }
  if (!nihil && valueCount === 0) {
    throw new DomainError(
      "REPORT_EMPTY",
      "Laporan masih kosong. Isi nilainya, atau kirim sebagai laporan nihil bila memang tidak ada yang dilaporkan, dengan alasannya.",
      "The report is empty. Enter its values, or submit it as a nil report with the reason if there is really nothing to report.",
    );
  }
}

/** The status after the action, or a DomainError saying why it cannot be taken now. */
export function nextStatus(
  current: ReportStatus,
  action: ReportAction,
  reason?: string | null,
): ReportStatus {
  const step = actionStep(action);
  if (!(current in step.by)) {
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

/** Values can change only while the facility holds the report: these statuses. */
export const EDITABLE_STATUSES: readonly ReportStatus[] = ["draft", "returned"];

export function isEditable(status: ReportStatus): boolean {
  return EDITABLE_STATUSES.includes(status);
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
