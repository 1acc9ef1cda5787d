import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { Reader } from "../db/client.js";
import {
  spmAdoptions,
  spmAdoptionTargets,
  spmQuarterEntries,
  spmReportNotes,
  spmReports,
  spmServices,
  spmTargets,
  spmVersions,
} from "../db/schema/index.js";
import { kabKotaOf } from "../domain/org-unit-tree.js";
import { findOrgUnit } from "../org-units/queries.js";
import type { RegionAdoptions } from "./adoption-schemas.js";

/** A unit with the kab/kota it lies in (itself when it is one), which is what adopts an SPM version. */
export async function unitWithRegion(db: Reader, id: string) {
  const unit = await findOrgUnit(db, id);
  if (!unit) return undefined;
  const regionId = kabKotaOf(unit);
  const region = regionId ? await findOrgUnit(db, regionId) : undefined;
  return { unit, region: region ? { id: region.id, name: region.name } : null };
}

/** How many entries the SPM reports of these years already hold (annual notes and signatory, quarterly entries). */
export async function reportEntriesByYear(db: Reader, regionId: string, years: number[]) {
  const entries = new Map<number, number>();
  if (years.length === 0) return entries;
  for (const table of [spmReportNotes, spmReports, spmQuarterEntries]) {
    const rows = await db
      .select({ year: table.year, n: count() })
      .from(table)
      .where(and(eq(table.orgUnitId, regionId), inArray(table.year, years)))
      .groupBy(table.year);
    for (const r of rows) entries.set(r.year, (entries.get(r.year) ?? 0) + r.n);
  }
  return entries;
}

/** Every year the region adopted a version, with each service's target that year and where it comes from. */
export async function regionAdoptions(
  db: Reader,
  region: { id: string; name: string } | null,
): Promise<RegionAdoptions> {
  if (!region) return { region: null, adoptions: [] };
  const adoptions = await db
    .select({
      year: spmAdoptions.year,
      versionId: spmAdoptions.versionId,
      versionCode: spmVersions.code,
      versionName: spmVersions.name,
      regulation: spmVersions.regulation,
    })
    .from(spmAdoptions)
    .innerJoin(spmVersions, eq(spmVersions.id, spmAdoptions.versionId))
    .where(eq(spmAdoptions.orgUnitId, region.id))
    .orderBy(asc(spmAdoptions.year));
  if (adoptions.length === 0) return { region, adoptions: [] };
  const years = adoptions.map((a) => a.year);
  const versionIds = [...new Set(adoptions.map((a) => a.versionId))];
  const [services, regulationTargets, regionTargets, entries] = await Promise.all([
    db
      .select({ id: spmServices.id, number: spmServices.number, versionId: spmServices.versionId })
      .from(spmServices)
      .where(inArray(spmServices.versionId, versionIds))
      .orderBy(asc(spmServices.number)),
    db
      .select({ serviceId: spmTargets.serviceId, year: spmTargets.year, target: spmTargets.target })
      .from(spmTargets)
      .innerJoin(spmServices, eq(spmServices.id, spmTargets.serviceId))
      .where(and(inArray(spmServices.versionId, versionIds), inArray(spmTargets.year, years))),
    db
      .select({
        serviceId: spmAdoptionTargets.serviceId,
        year: spmAdoptionTargets.year,
        target: spmAdoptionTargets.target,
      })
      .from(spmAdoptionTargets)
      .where(and(eq(spmAdoptionTargets.orgUnitId, region.id), inArray(spmAdoptionTargets.year, years))),
    reportEntriesByYear(db, region.id, years),
  ]);
  const key = (serviceId: string, year: number) => `${serviceId}:${year}`;
  const fromRegulation = new Map(regulationTargets.map((t) => [key(t.serviceId, t.year), t.target]));
  const fromRegion = new Map(regionTargets.map((t) => [key(t.serviceId, t.year), t.target]));
  return {
    region,
    adoptions: adoptions.map((a) => ({
      ...a,
      reportEntries: entries.get(a.year) ?? 0,
      targets: services
        .filter((s) => s.versionId === a.versionId)
        .map((s) => {
          const regulation = fromRegulation.get(key(s.id, a.year));
          const own = fromRegion.get(key(s.id, a.year));
          return {
            serviceId: s.id,
            number: s.number,
            target: regulation ?? own ?? null,
            source: regulation ? ("regulation" as const) : own ? ("region" as const) : null,
          };
        }),
    })),
  };
}
