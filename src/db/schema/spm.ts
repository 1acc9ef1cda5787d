import { date, integer, numeric, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";

import { createdAt } from "./columns.js";
import { orgUnits } from "./core.js";
import { indicators } from "./plans.js";

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

/**
 * Target populations (sasaran) of the SPM services per org unit and year, entered at the lowest level
 * known (kelurahan or puskesmas) and rolled up; `source` says where a figure comes from (Dukcapil, BPS …).
 */
export const targetPopulations = pgTable(
  "target_populations",
  {
    districtId: uuid("district_id").references(() => orgUnits.id),
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
  (t) => [unique("target_populations_key").on(t.orgUnitId, t.year, t.category)],
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
