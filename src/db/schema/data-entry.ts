import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";

import type { ReportStatus, ValidationRule } from "../../domain/index.js";
import { createdAt } from "./columns.js";
import { orgUnits, periods } from "./core.js";
import { planIndicators, planNodes } from "./plans.js";

/** A raw number entered by a facility, e.g. jumlah ibu hamil K4; indicators are computed from these. */
export const dataElements = pgTable("data_elements", {
  id: uuid().primaryKey().defaultRandom(),
  /** The code used in indicator expressions: #{CODE}. */
  code: text().notNull().unique(),
  name: text().notNull(),
  valueType: text("value_type").$type<"integer" | "number">().notNull().default("integer"),
  description: text(),
  createdAt: createdAt(),
  /** The Dinas that maintains the element; null for a shared catalogue entry nobody edits here. */
  ownerOrgUnitId: uuid("owner_org_unit_id").references(() => orgUnits.id),
  /** An archived element is offered to no new form; its values and history stay. */
  archivedAt: timestamp("archived_at", { withTimezone: true }),
  revision: integer().notNull().default(1),
});

/** A form facilities report per period: which data elements, how often, and by when. */
export const dataSets = pgTable("data_sets", {
  id: uuid().primaryKey().defaultRandom(),
  code: text().notNull().unique(),
  name: text().notNull(),
  periodType: text("period_type").$type<"month" | "quarter" | "year">().notNull(),
  /** The report is on time when submitted within this many days after the period ends. */
  deadlineDays: integer("deadline_days").notNull().default(10),
  /** Rules between data elements, checked on entry and on submit (see domain/validation.ts). */
  rules: jsonb().$type<ValidationRule[]>().notNull().default([]),
  /** A change beyond this many percent from the previous period asks for a comment. */
  jumpPercent: integer("jump_percent").notNull().default(50),
  ownerOrgUnitId: uuid("owner_org_unit_id").references(() => orgUnits.id),
  createdAt: createdAt(),
  /** Entry is open from this period on (a code of the set's period type); null: no lower bound. */
  openFrom: text("open_from"),
  /** How many periods after the current one are already open; 0: a period opens on its first day. */
  openFuturePeriods: integer("open_future_periods").notNull().default(0),
  revision: integer().notNull().default(1),
});

export const dataSetElements = pgTable(
  "data_set_elements",
  {
    dataSetId: uuid("data_set_id")
      .notNull()
      .references(() => dataSets.id, { onDelete: "cascade" }),
    dataElementId: uuid("data_element_id")
      .notNull()
      .references(() => dataElements.id),
    position: integer().notNull(),
    section: text(),
    /** The element belongs to the form from this period (null: from the start) … */
    validFrom: text("valid_from"),
    /** … up to and including this one (null: still), so an old period's form keeps its elements. */
    validTo: text("valid_to"),
  },
  (t) => [unique("data_set_elements_pk").on(t.dataSetId, t.dataElementId, t.validFrom).nullsNotDistinct()],
);

/** The org units expected to report a data set (completeness counts against these). */
export const dataSetOrgUnits = pgTable(
  "data_set_org_units",
  {
    dataSetId: uuid("data_set_id")
      .notNull()
      .references(() => dataSets.id, { onDelete: "cascade" }),
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
  },
  (t) => [unique("data_set_org_units_pk").on(t.dataSetId, t.orgUnitId)],
);

/**
 * One value of one data element for one org unit and period; `districtId` is the shard key
 * (`factDistrictOf` the unit): Citus wants it in every unique key, last so the key's index still serves
 * lookups by unit.
 */
export const dataValues = pgTable(
  "data_values",
  {
    districtId: uuid("district_id")
      .notNull()
      .references(() => orgUnits.id),
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    period: text()
      .notNull()
      .references(() => periods.code),
    dataElementId: uuid("data_element_id")
      .notNull()
      .references(() => dataElements.id),
    value: numeric({ precision: 20, scale: 4 }).notNull(),
    comment: text(),
    revision: integer().notNull().default(1),
    updatedBy: uuid("updated_by"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("data_values_key").on(t.orgUnitId, t.period, t.dataElementId, t.districtId),
    index("data_values_district_period_idx").on(t.districtId, t.period),
  ],
);

export const REPORT_STATUSES: readonly ReportStatus[] = [
  "draft",
  "submitted",
  "verified",
  "approved",
  "returned",
];

/** The workflow state of one data set report: an org unit's form for one period. */
export const dataSetReports = pgTable(
  "data_set_reports",
  {
    dataSetId: uuid("data_set_id")
      .notNull()
      .references(() => dataSets.id),
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    districtId: uuid("district_id")
      .notNull()
      .references(() => orgUnits.id),
    period: text()
      .notNull()
      .references(() => periods.code),
    status: text().$type<ReportStatus>().notNull().default("draft"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    /** Whether the first submission came by the deadline. */
    onTime: boolean("on_time"),
    returnedReason: text("returned_reason"),
    /** Laporan nihil: submitted on purpose with no values (the reason is in the audit trail). */
    isNihil: boolean("is_nihil").notNull().default(false),
    revision: integer().notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("data_set_reports_key").on(t.dataSetId, t.orgUnitId, t.period, t.districtId),
    // Whether a facility's month was approved is asked per (unit, period), across data sets.
    index("data_set_reports_unit_period_idx").on(t.orgUnitId, t.period),
  ],
);

/**
 * The approved values summed per org unit, data element, month and the facility's owner type, kept
 * by triggers in the same transaction as every approval, return, value change and move (migration
 * 0019): a kota's or a province's figures are a few thousand rows to read, not every value. `own`
 * rows hold a facility's own approved value; the others the sum over the unit and all units under it.
 * A value counts when the report of a data set holding its element was approved (approved-values.ts).
 */
export const approvedTotals = pgTable(
  "approved_totals",
  {
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id, { onDelete: "cascade" }),
    own: boolean().notNull(),
    period: text().notNull(),
    dataElementId: uuid("data_element_id")
      .notNull()
      .references(() => dataElements.id, { onDelete: "cascade" }),
    /** The reporting facility's owner type, '' when not set: the SPM counts by provider group. */
    ownerType: text("owner_type").notNull().default(""),
    total: numeric().notNull(),
    valueCount: integer("value_count").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgUnitId, t.own, t.period, t.dataElementId, t.ownerType] }),
    // Rows whose last value left are removed right after each change; this finds them at once.
    index("approved_totals_emptied_idx").on(t.orgUnitId).where(sql`${t.valueCount} = 0`),
  ],
);

/** What the quarterly evaluation says of a plan indicator beyond the numbers, and direct-value realisasi. */
export const planIndicatorQuarters = pgTable(
  "plan_indicator_quarters",
  {
    planIndicatorId: uuid("plan_indicator_id")
      .notNull()
      .references(() => planIndicators.id, { onDelete: "cascade" }),
    quarter: integer().notNull(),
    /** Entered realisasi, for direct-value indicators (AHH, IKS) or where no data element feeds it. */
    realisasi: text(),
    faktorPendorong: text("faktor_pendorong"),
    faktorPenghambat: text("faktor_penghambat"),
    tindakLanjut: text("tindak_lanjut"),
    revision: integer().notNull().default(1),
  },
  (t) => [unique("plan_indicator_quarters_key").on(t.planIndicatorId, t.quarter)],
);

/** Budget spent (realisasi anggaran) by a program, kegiatan or sub kegiatan in a quarter, whole Rupiah. */
export const planNodeBudgetQuarters = pgTable(
  "plan_node_budget_quarters",
  {
    planNodeId: uuid("plan_node_id")
      .notNull()
      .references(() => planNodes.id, { onDelete: "cascade" }),
    quarter: integer().notNull(),
    amount: bigint({ mode: "number" }).notNull(),
    revision: integer().notNull().default(1),
  },
  (t) => [unique("plan_node_budget_quarters_key").on(t.planNodeId, t.quarter)],
);
