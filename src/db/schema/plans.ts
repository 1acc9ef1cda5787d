import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import type { TargetMode } from "../../domain/targets.js";

import { createdAt } from "./columns.js";
import { orgUnits } from "./core.js";

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
    /** How the indicator adds up over the months of a quarter or the year to date. */
    timeAggregation: text("time_aggregation").$type<"sum" | "latest" | "mean">().notNull().default("sum"),
    /** Bumped on every edit of the definition (optimistic concurrency). */
    revision: integer().notNull().default(1),
    /** The scorecard legend's four boundaries (ascending); null: the Permendagri 86/2017 bands. */
    legendCuts: text("legend_cuts").array().$type<string[]>(),
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
    /** A Renstra's last year (its `year` is the first); null for the yearly documents. */
    endYear: integer("end_year"),
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
    /** The catalogue definition whose data feed this indicator's realisasi ("dari data"); null: entered directly. */
    definitionId: uuid("definition_id").references((): AnyPgColumn => indicators.id),
    /** A Renstra's target akhir as written ("≤ 8,5", "R4 : 11 Unit"); null for the yearly documents. */
    targetEnd: text("target_end"),
    /** The Renstra indicator (IKU) this yearly PK/RAK indicator serves; null: not linked. */
    renstraIndicatorId: uuid("renstra_indicator_id").references((): AnyPgColumn => planIndicators.id, {
      onDelete: "set null",
    }),
  },
  (t) => [index("plan_indicators_node_idx").on(t.planNodeId, t.position)],
);

/** A Renstra indicator's target for one year of the Renstra, exactly as written in the document. */
export const planIndicatorYears = pgTable(
  "plan_indicator_years",
  {
    planIndicatorId: uuid("plan_indicator_id")
      .notNull()
      .references(() => planIndicators.id, { onDelete: "cascade" }),
    year: integer().notNull(),
    target: text().notNull(),
  },
  (t) => [unique("plan_indicator_years_key").on(t.planIndicatorId, t.year)],
);

/** A Renstra program's indicative budget (pagu indikatif) for one year, whole Rupiah; null: none given. */
export const planNodeBudgetYears = pgTable(
  "plan_node_budget_years",
  {
    planNodeId: uuid("plan_node_id")
      .notNull()
      .references(() => planNodes.id, { onDelete: "cascade" }),
    year: integer().notNull(),
    amount: bigint({ mode: "number" }),
  },
  (t) => [unique("plan_node_budget_years_key").on(t.planNodeId, t.year)],
);

/**
 * The year-end realisasi of a catalogue indicator for an org unit, entered by a planner (audited): the
 * multi-year series beside what approved data compute for data-fed indicators.
 */
export const indicatorRealisasiYears = pgTable(
  "indicator_realisasi_years",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    districtId: uuid("district_id").references(() => orgUnits.id),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id),
    year: integer().notNull(),
    /** Canonical decimal. */
    value: text().notNull(),
    note: text(),
    revision: integer().notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("indicator_realisasi_years_key").on(t.orgUnitId, t.indicatorId, t.year)],
);

export const LKJIP_SECTIONS = [
  "ikhtisar",
  "pendahuluan",
  "perencanaan",
  "penutup",
  "penyebab",
  "solusi",
  "nasional",
] as const;
export type LkjipSection = (typeof LKJIP_SECTIONS)[number];

/**
 * What the Dinas writes into its LKjIP for a year, kept per Renstra version (the plan it reports
 * against): the chapters' texts, per sasaran strategis the causes and solutions, and per IKU the national
 * figure with its source. `subject` is the sasaran node (penyebab, solusi) or the Renstra plan
 * indicator (nasional); empty for a whole-report chapter. Every change is audited.
 */
export const lkjipTexts = pgTable(
  "lkjip_texts",
  {
    id: uuid().primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    year: integer().notNull(),
    section: text().$type<LkjipSection>().notNull(),
    subject: text().notNull().default(""),
    /** The text; for "nasional" the figure as a canonical decimal. */
    body: text().notNull(),
    /** Where a national figure comes from (e.g. "SKI 2023, Kemenkes"); null for the texts. */
    source: text(),
    revision: integer().notNull().default(1),
    updatedBy: uuid("updated_by"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("lkjip_texts_key").on(t.planId, t.year, t.section, t.subject)],
);
