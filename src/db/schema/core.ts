import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

import { UNIT_OWNERS, UNIT_TYPES, type UnitOwner, type UnitType } from "../../domain/org-unit-tree.js";
import { createdAt } from "./columns.js";

/** Key/value facts about the installation itself, e.g. whether the demo was loaded. */
export const appMeta = pgTable("app_meta", {
  key: text().primaryKey(),
  value: text().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

// The tree's rules own the lists of unit types and owners; the table's check constraint follows them.
export const ORG_UNIT_TYPES = UNIT_TYPES;
export type OrgUnitType = UnitType;
export const OWNER_TYPES = UNIT_OWNERS;
export type OwnerType = UnitOwner;

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
    /** The facility code Kemenkes gives (puskesmas, RS, klinik), when known. */
    kemenkesCode: text("kemenkes_code").unique(),
    /** A closed unit keeps its history and data; lists and pickers hide it unless asked. */
    closedOn: date("closed_on"),
    closedReason: text("closed_reason"),
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
