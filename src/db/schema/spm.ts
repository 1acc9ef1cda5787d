import { date, integer, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";

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
