import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import type { TargetMode } from "../domain/targets.js";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/** Key/value facts about the installation itself, e.g. whether the demo was loaded. */
export const appMeta = pgTable("app_meta", {
  key: text().primaryKey(),
  value: text().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const ORG_UNIT_TYPES = [
  "kementerian",
  "provinsi",
  "kabupaten_kota",
  "kecamatan",
  "kelurahan",
  "puskesmas",
  "pustu",
  "posyandu",
  "rsud",
  "rs_swasta",
  "klinik",
  "bidan_praktik_mandiri",
  "laboratorium",
] as const;
export type OrgUnitType = (typeof ORG_UNIT_TYPES)[number];

export const OWNER_TYPES = ["pemerintah", "swasta", "bumd", "organisasi_mitra"] as const;
export type OwnerType = (typeof OWNER_TYPES)[number];

/**
 * The org-unit tree: Kementerian → Provinsi → Kabupaten/Kota (the Dinas) → Kecamatan → Puskesmas …
 * `path` is the materialised chain of codes ("/KEMENKES/18/18.72/") so a subtree is one prefix scan;
 * `districtId` is the kab/kota this unit belongs to (null above kab/kota), the shard key of fact rows.
 */
export const orgUnits = pgTable(
  "org_units",
  {
    id: uuid().primaryKey().defaultRandom(),
    parentId: uuid("parent_id").references((): AnyPgColumn => orgUnits.id),
    districtId: uuid("district_id").references((): AnyPgColumn => orgUnits.id),
    code: text().notNull().unique(),
    name: text().notNull(),
    officeName: text("office_name"),
    type: text().$type<OrgUnitType>().notNull(),
    ownerType: text("owner_type").$type<OwnerType>(),
    isBlud: boolean("is_blud").notNull().default(false),
    level: integer().notNull(),
    path: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("org_units_parent_idx").on(t.parentId),
    index("org_units_path_idx").on(t.path),
    check(
      "org_units_type_check",
      sql.raw(`${t.type.name} in (${ORG_UNIT_TYPES.map((v) => `'${v}'`).join(", ")})`),
    ),
  ],
);

/** Periods by their DHIS2-style ISO code: 2024, 2024S1, 2024Q1, 202401, and 2024/2025 (tahun ajaran). */
export const periods = pgTable("periods", {
  code: text().primaryKey(),
  type: text().$type<"year" | "semester" | "quarter" | "month" | "school_year">().notNull(),
  startDate: date("start_date").notNull(),
  endDate: date("end_date").notNull(),
});

export const indicators = pgTable(
  "indicators",
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().unique(),
    name: text().notNull(),
    unit: text().notNull(),
    kind: text().$type<"ratio" | "count" | "direct">().notNull(),
    factor: integer(),
    polarity: text().$type<"higher" | "lower">().notNull().default("higher"),
    lowerFormula: text("lower_formula")
      .$type<"two_target_minus" | "target_over_realisasi">()
      .notNull()
      .default("two_target_minus"),
    numerator: text(),
    denominator: text(),
    definition: text(),
    ownerOrgUnitId: uuid("owner_org_unit_id").references(() => orgUnits.id),
    createdAt: createdAt(),
  },
  (t) => [check("indicators_kind_check", sql`${t.kind} in ('ratio', 'count', 'direct')`)],
);

export const PLAN_KINDS = ["renstra", "renja", "pk", "rak"] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

export const plans = pgTable(
  "plans",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    year: integer().notNull(),
    kind: text().$type<PlanKind>().notNull(),
    version: integer().notNull().default(1),
    title: text().notNull(),
    /** draft → signed (frozen); a signed plan is revised by a new draft version (perubahan). */
    status: text().$type<"draft" | "signed">().notNull().default("draft"),
    revisionOf: uuid("revision_of").references((): AnyPgColumn => plans.id),
    signedAt: timestamp("signed_at", { withTimezone: true }),
    signedBy: uuid("signed_by"),
    signatoryPosition: text("signatory_position"),
    signatoryName: text("signatory_name"),
    signatoryNip: text("signatory_nip"),
    signedPlace: text("signed_place"),
    signedDate: date("signed_date"),
    createdAt: createdAt(),
  },
  (t) => [unique("plans_org_year_kind_version").on(t.orgUnitId, t.year, t.kind, t.version)],
);

export const PLAN_NODE_LEVELS = ["tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan"] as const;
export type PlanNodeLevel = (typeof PLAN_NODE_LEVELS)[number];

/** One node of the plan tree; `budget` is the pagu in whole Rupiah (null when the document gives none). */
export const planNodes = pgTable(
  "plan_nodes",
  {
    id: uuid().primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    districtId: uuid("district_id").references(() => orgUnits.id),
    parentId: uuid("parent_id").references((): AnyPgColumn => planNodes.id, { onDelete: "cascade" }),
    level: text().$type<PlanNodeLevel>().notNull(),
    code: text(),
    name: text().notNull(),
    position: integer().notNull(),
    budget: bigint({ mode: "number" }),
    /** Bumped on every change; an edit states the revision it started from (optimistic concurrency). */
    revision: integer().notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index("plan_nodes_plan_idx").on(t.planId, t.position)],
);

/**
 * An indicator as it stands in one plan node, with its targets exactly as written in the document
 * ("72.18", "11 dan 2", "-" for no target). The unit is the plan's own, which may differ from the catalogue.
 */
export const planIndicators = pgTable(
  "plan_indicators",
  {
    id: uuid().primaryKey().defaultRandom(),
    planNodeId: uuid("plan_node_id")
      .notNull()
      .references(() => planNodes.id, { onDelete: "cascade" }),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id),
    position: integer().notNull(),
    unit: text().notNull(),
    targetMode: text("target_mode").$type<TargetMode>().notNull().default("incremental"),
    targetYear: text("target_year").notNull(),
    targetQ1: text("target_q1").notNull().default("-"),
    targetQ2: text("target_q2").notNull().default("-"),
    targetQ3: text("target_q3").notNull().default("-"),
    targetQ4: text("target_q4").notNull().default("-"),
    revision: integer().notNull().default(1),
  },
  (t) => [index("plan_indicators_node_idx").on(t.planNodeId, t.position)],
);

/** A version of the SPM rules (a regulation); regions adopt one per year. */
export const spmVersions = pgTable("spm_versions", {
  id: uuid().primaryKey().defaultRandom(),
  code: text().notNull().unique(),
  name: text().notNull(),
  regulation: text().notNull(),
  issuedDate: date("issued_date"),
  createdAt: createdAt(),
});

export const spmServices = pgTable(
  "spm_services",
  {
    id: uuid().primaryKey().defaultRandom(),
    versionId: uuid("version_id")
      .notNull()
      .references(() => spmVersions.id, { onDelete: "cascade" }),
    number: integer().notNull(),
    name: text().notNull(),
    standardStatement: text("standard_statement").notNull(),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id),
  },
  (t) => [unique("spm_services_version_number").on(t.versionId, t.number)],
);

export const spmTargets = pgTable(
  "spm_targets",
  {
    serviceId: uuid("service_id")
      .notNull()
      .references(() => spmServices.id, { onDelete: "cascade" }),
    year: integer().notNull(),
    target: text().notNull(),
  },
  (t) => [unique("spm_targets_service_year").on(t.serviceId, t.year)],
);

export const spmAdoptions = pgTable(
  "spm_adoptions",
  {
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    year: integer().notNull(),
    versionId: uuid("version_id")
      .notNull()
      .references(() => spmVersions.id),
  },
  (t) => [unique("spm_adoptions_org_year").on(t.orgUnitId, t.year)],
);

export const ROLES = [
  "admin_dinas",
  "pengelola_program",
  "operator_fasyankes",
  "pimpinan",
  "auditor",
] as const;
export type Role = (typeof ROLES)[number];

export const users = pgTable("users", {
  id: uuid().primaryKey().defaultRandom(),
  /** Stored lower-case; login accepts the username or the email. */
  username: text().notNull().unique(),
  email: text().unique(),
  fullName: text("full_name").notNull(),
  nip: text(),
  passwordHash: text("password_hash").notNull(),
  mustChangePassword: boolean("must_change_password").notNull().default(true),
  isActive: boolean("is_active").notNull().default(true),
  isDemo: boolean("is_demo").notNull().default(false),
  failedLogins: integer("failed_logins").notNull().default(0),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
  passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }),
  lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
  createdAt: createdAt(),
});

/** A role held in an org unit; it reaches that unit's whole subtree. */
export const roleAssignments = pgTable(
  "role_assignments",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text().$type<Role>().notNull(),
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    /** Pengelola program: the indicators (by id) the role is limited to; null means all in the unit. */
    indicatorIds: uuid("indicator_ids").array(),
    createdAt: createdAt(),
  },
  (t) => [
    unique("role_assignments_user_role_unit").on(t.userId, t.role, t.orgUnitId),
    check("role_assignments_role_check", sql.raw(`role in (${ROLES.map((r) => `'${r}'`).join(", ")})`)),
  ],
);

/** Server-side sessions; the cookie holds a random token whose SHA-256 is the key here. */
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ip: text(),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * Append-only trail of every change: a trigger (migration 0002) refuses UPDATE, DELETE and TRUNCATE,
 * whatever role the application connects with.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    userId: uuid("user_id"),
    username: text(),
    action: text().notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    orgUnitId: uuid("org_unit_id"),
    oldValue: jsonb("old_value"),
    newValue: jsonb("new_value"),
    reason: text(),
    requestId: text("request_id"),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_entity_idx").on(t.entityType, t.entityId),
    index("audit_log_user_idx").on(t.userId),
  ],
);
