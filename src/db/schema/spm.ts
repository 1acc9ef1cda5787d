import { sql } from "drizzle-orm";
import {
  check,
  date,
  foreignKey,
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

import { createdAt } from "./columns.js";
import { orgUnits } from "./core.js";
import { indicators, planNodes } from "./plans.js";

/** A version of the SPM rules (a regulation); regions adopt one per year. */
export const spmVersions = pgTable("spm_versions", {
  id: uuid().primaryKey().defaultRandom(),
  code: text().notNull().unique(),
  name: text().notNull(),
  regulation: text().notNull(),
  issuedDate: date("issued_date"),
  /** Where the catalogue's texts come from, and what of the regulation could not be found. */
  sourceNote: text("source_note"),
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
    /** Lampiran II as written: pengertian, definisi operasional, and the formula's words. */
    definition: text(),
    operationalDefinition: text("operational_definition"),
    numeratorText: text("numerator_text"),
    denominatorText: text("denominator_text"),
    formulaNote: text("formula_note"),
    /** "school_year": measured per tahun ajaran (July–June) instead of the calendar year. */
    periodType: text("period_type").$type<"year" | "school_year">().notNull().default("year"),
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

/**
 * Target populations (sasaran) of the SPM services per org unit and year, entered at the lowest level
 * known (kelurahan or puskesmas) and rolled up; `source` says where a figure comes from (Dukcapil, BPS …).
 */
export const targetPopulations = pgTable(
  "target_populations",
  {
    districtId: uuid("district_id")
      .notNull()
      .references(() => orgUnits.id),
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    year: integer().notNull(),
    category: text().notNull(),
    value: numeric({ precision: 14, scale: 0 }).notNull(),
    source: text(),
    revision: integer().notNull().default(1),
    updatedBy: uuid("updated_by"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("target_populations_key").on(t.orgUnitId, t.year, t.category, t.districtId)],
);

/** A prevalence used to estimate a denominator (hipertensi, DM), with its source; null org unit = national. */
export const prevalences = pgTable(
  "prevalences",
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull(),
    orgUnitId: uuid("org_unit_id").references(() => orgUnits.id),
    year: integer().notNull(),
    percent: numeric({ precision: 7, scale: 4 }).notNull(),
    source: text().notNull(),
    sourceYear: integer("source_year").notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique("prevalences_key").on(t.code, t.orgUnitId, t.year).nullsNotDistinct()],
);

/** What the Dinas writes into the annual SPM report (Pasal 9) of a region: who signs it, and when. */
export const spmReports = pgTable(
  "spm_reports",
  {
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    year: integer().notNull(),
    signatoryPosition: text("signatory_position"),
    signatoryName: text("signatory_name"),
    signatoryNip: text("signatory_nip"),
    place: text(),
    signedDate: date("signed_date"),
    revision: integer().notNull().default(1),
    updatedBy: uuid("updated_by"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("spm_reports_key").on(t.orgUnitId, t.year)],
);

/** The explanation of one service's result in the annual report: the problem and how it will be solved. */
export const spmReportNotes = pgTable(
  "spm_report_notes",
  {
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    year: integer().notNull(),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => spmServices.id, { onDelete: "cascade" }),
    masalah: text(),
    pemecahanMasalah: text("pemecahan_masalah"),
    revision: integer().notNull().default(1),
    updatedBy: uuid("updated_by"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("spm_report_notes_key").on(t.orgUnitId, t.year, t.serviceId)],
);

/**
 * A Survei Kepuasan Masyarakat (Pasal 6e; Permenpan RB 14/2017) of one SPM service at one facility in a
 * period (a year or a semester); its questionnaires are the responses.
 */
export const skmSurveys = pgTable(
  "skm_surveys",
  {
    id: uuid().notNull().defaultRandom(),
    districtId: uuid("district_id")
      .notNull()
      .references(() => orgUnits.id),
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => spmServices.id),
    period: text().notNull(),
    note: text(),
    revision: integer().notNull().default(1),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
  },
  // The kab/kota (factDistrictOf the facility) in every key, as Citus requires (docs/SCALING.md §4).
  (t) => [
    primaryKey({ name: "skm_surveys_pkey", columns: [t.id, t.districtId] }),
    unique("skm_surveys_key").on(t.orgUnitId, t.serviceId, t.period, t.districtId),
  ],
);

/** One questionnaire: the nine elements U1–U9 scored 1–4, and who answered (optional, as on the form). */
export const skmResponses = pgTable(
  "skm_responses",
  {
    id: uuid().notNull().defaultRandom(),
    /** The survey's kab/kota: responses live on the same Citus node as their survey. */
    districtId: uuid("district_id").notNull(),
    surveyId: uuid("survey_id").notNull(),
    respondentNo: integer("respondent_no").notNull(),
    respondedOn: date("responded_on"),
    gender: text().$type<"L" | "P">(),
    age: integer(),
    education: text(),
    occupation: text(),
    scores: integer().array().notNull(),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: "skm_responses_pkey", columns: [t.id, t.districtId] }),
    foreignKey({
      name: "skm_responses_survey_fk",
      columns: [t.surveyId, t.districtId],
      foreignColumns: [skmSurveys.id, skmSurveys.districtId],
    }).onDelete("cascade"),
    unique("skm_responses_key").on(t.surveyId, t.respondentNo, t.districtId),
    check(
      "skm_responses_scores_check",
      sql`cardinality(${t.scores}) = 9 and 1 <= all(${t.scores}) and 4 >= all(${t.scores})`,
    ),
  ],
);

/**
 * A region's target for a service in an adopted year the regulation sets none for (Perwal Depok 57/2017
 * stops at 2021): 100 % by default, as the SPM requires, changeable by the Dinas when it adopts.
 */
export const spmAdoptionTargets = pgTable(
  "spm_adoption_targets",
  {
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    year: integer().notNull(),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => spmServices.id, { onDelete: "cascade" }),
    target: text().notNull(),
  },
  (t) => [unique("spm_adoption_targets_key").on(t.orgUnitId, t.year, t.serviceId)],
);

/** One of the four steps of applying the SPM (Permendagri 59/2021), as the Dinas reports it in a quarter. */
export interface SpmStepEntry {
  status: "belum" | "proses" | "selesai";
  note: string | null;
}

/**
 * What the Dinas writes into the quarterly e-SPM report (Permendagri 59/2021 Pasal 24) for one service:
 * the four implementation steps, problems and solutions, the action plan, and how far the quality
 * standard of goods/services and staff (mutu barang/jasa dan SDM) was met, in percent.
 */
export const spmQuarterEntries = pgTable(
  "spm_quarter_entries",
  {
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    year: integer().notNull(),
    quarter: integer().notNull(),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => spmServices.id, { onDelete: "cascade" }),
    steps: jsonb().$type<SpmStepEntry[]>().notNull(),
    masalah: text(),
    solusi: text(),
    rencanaAksi: text("rencana_aksi"),
    mutuPercent: numeric("mutu_percent", { precision: 7, scale: 2 }),
    revision: integer().notNull().default(1),
    updatedBy: uuid("updated_by"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("spm_quarter_entries_key").on(t.orgUnitId, t.year, t.quarter, t.serviceId),
    check("spm_quarter_entries_quarter_check", sql`${t.quarter} between 1 and 4`),
  ],
);

/** The kegiatan / sub kegiatan of a region's plan that serve an SPM service in a year: their pagu is its budget. */
export const spmBudgetLinks = pgTable(
  "spm_budget_links",
  {
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    year: integer().notNull(),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => spmServices.id, { onDelete: "cascade" }),
    planNodeId: uuid("plan_node_id")
      .notNull()
      .references(() => planNodes.id, { onDelete: "cascade" }),
    /** Share of the node's pagu counted for this service when one kegiatan serves several; whole pagu by default. */
    sharePercent: numeric("share_percent", { precision: 5, scale: 2 }).notNull().default("100"),
    createdAt: createdAt(),
  },
  (t) => [unique("spm_budget_links_key").on(t.orgUnitId, t.year, t.serviceId, t.planNodeId)],
);
