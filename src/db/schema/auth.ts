import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";

import { createdAt } from "./columns.js";
import { orgUnits } from "./core.js";

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
  /** The language of e-mails and notices the app sends the user ("en"); null: Indonesian. */
  language: text().$type<"id" | "en">(),
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
 * whatever role the application connects with. Partitioned by year on `at` (migration 0021), so the
 * key holds `at` too; `id` alone still orders and finds a record.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint({ mode: "number" }).generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    userId: uuid("user_id"),
    username: text(),
    action: text().notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    orgUnitId: uuid("org_unit_id"),
    /**
     * The kab/kota of `orgUnitId` (factDistrictOf), the record's shard key on Citus; set by a trigger
     * (migration 0027) so no writer has to. A record of no unit (a national catalogue, the system) has
     * the nil uuid.
     */
    districtId: uuid("district_id").notNull().default(sql`'00000000-0000-0000-0000-000000000000'::uuid`),
    oldValue: jsonb("old_value"),
    newValue: jsonb("new_value"),
    reason: text(),
    requestId: text("request_id"),
    /** The client's address as the server saw it (behind a proxy: with TRUST_PROXY, the real client). */
    clientAddress: text("client_address"),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.at, t.districtId] }),
    index("audit_log_at_idx").on(t.at),
    index("audit_log_entity_idx").on(t.entityType, t.entityId),
    index("audit_log_user_idx").on(t.userId),
  ],
);
