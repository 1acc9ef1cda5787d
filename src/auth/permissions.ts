import type { Role } from "../db/schema/index.js";
import { actionPermissions, permissionsFor, type ReportAction, type ReportStatus } from "../domain/index.js";

/**
 * What each role may do (docs/DOMAIN-RULES.md §1; Perwal Depok 57/2017 Pasal 7, 9, 10). A permission is always
 * held in an org unit and reaches its whole subtree; nothing here does I/O.
 */
export const PERMISSIONS = [
  "orgunit.read",
  "plan.read",
  "plan.write",
  "plan.sign",
  "data.read",
  "data.enter",
  "data.verify",
  "data.approve",
  "evaluation.write",
  "spm.read",
  "spm.write",
  "skm.enter",
  "audit.read",
  "user.manage",
  "orgunit.manage",
  /** Choosing which SPM regulation a kab/kota follows in a year: a decision of the Dinas, admins only. */
  "spm.adopt",
  "metadata.read",
  "metadata.manage",
  /** Defining catalogue indicators from data elements: admin and pengelola program. */
  "indicator.define",
  /** Setting a kab/kota's yearly deadlines and running its reminders: admins only. */
  "deadline.manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const readAll: Permission[] = ["orgunit.read", "plan.read", "data.read", "spm.read", "metadata.read"];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin_dinas: [
    ...readAll,
    "plan.write",
    "data.approve",
    "evaluation.write",
    "spm.write",
    "skm.enter",
    "audit.read",
    "user.manage",
    "orgunit.manage",
    "spm.adopt",
    "metadata.manage",
    "indicator.define",
    "deadline.manage",
  ],
  pengelola_program: [
    ...readAll,
    "data.verify",
    "evaluation.write",
    "spm.write",
    "skm.enter",
    "indicator.define",
  ],
  operator_fasyankes: ["orgunit.read", "data.read", "data.enter", "spm.read", "skm.enter"],
  pimpinan: [...readAll, "data.approve", "plan.sign"],
  auditor: [...readAll, "audit.read"],
};

export interface ScopedRole {
  role: Role;
  orgUnitId: string;
  /** Materialised path of the org unit ("/KEMENKES/18/18.72/"); the role reaches every path below it. */
  orgUnitPath: string;
}

export function hasPermission(roles: readonly ScopedRole[], permission: Permission): boolean {
  return roles.some((r) => ROLE_PERMISSIONS[r.role].includes(permission));
}

/** The subtree roots in which the permission is held, without roots nested in another root. */
export function scopeRoots(roles: readonly ScopedRole[], permission: Permission): string[] {
  const paths = roles.filter((r) => ROLE_PERMISSIONS[r.role].includes(permission)).map((r) => r.orgUnitPath);
  return [...new Set(paths)].filter((p) => !paths.some((other) => other !== p && p.startsWith(other)));
}

export function allows(roles: readonly ScopedRole[], permission: Permission, orgUnitPath: string): boolean {
  return scopeRoots(roles, permission).some((root) => orgUnitPath.startsWith(root));
}

/** Whether these roles may take a workflow step on a report of this status in this org unit. */
export function mayTakeAction(
  roles: readonly ScopedRole[],
  action: ReportAction,
  status: ReportStatus,
  orgUnitPath: string,
): boolean {
  return permissionsFor(action, status).some((permission) => allows(roles, permission, orgUnitPath));
}

/** Whether these roles may take this workflow step from any status: the gate before the report is read. */
export function mayAskForAction(
  roles: readonly ScopedRole[],
  action: ReportAction,
  orgUnitPath: string,
): boolean {
  return actionPermissions(action).some((permission) => allows(roles, permission, orgUnitPath));
}

/**
 * Whether these roles may write the evaluation of a catalogue indicator: a pengelola program limited
 * to some indicators analyses only those, unless another of its roles is not limited.
 */
export function mayAnalyseIndicator(
  roles: readonly (ScopedRole & { indicatorIds?: readonly string[] | null })[],
  indicatorId: string,
): boolean {
  return analysableIndicators(roles)?.has(indicatorId) ?? true;
}

/** The catalogue indicators a limited pengelola program works on; null when the roles are not limited. */
export function analysableIndicators(
  roles: readonly (ScopedRole & { indicatorIds?: readonly string[] | null })[],
): ReadonlySet<string> | null {
  const limited = roles.filter((r) => r.role === "pengelola_program" && r.indicatorIds);
  const unlimited = roles.filter((r) => r.role !== "pengelola_program" || !r.indicatorIds);
  if (!limited.length || unlimited.length > 0) return null;
  return new Set(limited.flatMap((r) => r.indicatorIds ?? []));
}

/** Whether these roles may change a national figure (the national prevalence): only from the tree's root. */
export function mayChangeNationalFigures(roles: readonly ScopedRole[]): boolean {
  return scopeRoots(roles, "plan.write").some((root) => root.split("/").filter(Boolean).length === 1);
}

/**
 * The parts of the home page a user's roles call for, each as the subtree roots it covers: the overview
 * for those who lead or oversee (kepala dinas, admin, auditor), the verifier's and the operator's to-do
 * lists, and the audit summary.
 */
export function homeScopes(roles: readonly (ScopedRole & { indicatorIds?: readonly string[] | null })[]) {
  const leading = roles.filter(
    (r) => r.role === "admin_dinas" || r.role === "pimpinan" || r.role === "auditor",
  );
  return {
    overview: scopeRoots(leading, "plan.read"),
    approve: scopeRoots(roles, "data.approve"),
    sign: scopeRoots(roles, "plan.sign"),
    verify: scopeRoots(roles, "data.verify"),
    enter: scopeRoots(roles, "data.enter"),
    audit: scopeRoots(roles, "audit.read"),
    /** A limited pengelola program sees the ratios of its own indicators only. */
    indicators: analysableIndicators(roles),
  };
}

/**
 * Whether a user may follow a job (its progress, its result): the one who started it, or an admin whose
 * scope holds the unit it was started in. Anyone else is told it does not exist.
 */
export function mayReadJob(
  userId: string,
  roles: readonly ScopedRole[],
  job: { createdBy: string; orgUnitPath: string },
): boolean {
  return job.createdBy === userId || allows(roles, "user.manage", job.orgUnitPath);
}
