import { asc, eq, inArray } from "drizzle-orm";
import { withinScope } from "../auth/scope-sql.js";
import type { Database } from "../db/client.js";
import {
  indicators,
  orgUnits,
  spmAdoptions,
  spmServices,
  spmTargets,
  spmVersions,
} from "../db/schema/index.js";
import { groupBy } from "../lib/group-by.js";

/** SPM versions with the org units and years that adopted them. */
export async function listSpmVersions(db: Database, scope: readonly string[]) {
  const versions = await db.select().from(spmVersions).orderBy(asc(spmVersions.issuedDate));
  const adoptions = await db
    .select({
      versionId: spmAdoptions.versionId,
      orgUnitId: spmAdoptions.orgUnitId,
      orgUnitName: orgUnits.name,
      year: spmAdoptions.year,
    })
    .from(spmAdoptions)
    .innerJoin(orgUnits, eq(orgUnits.id, spmAdoptions.orgUnitId))
    .where(withinScope(orgUnits.path, scope))
    .orderBy(asc(spmAdoptions.year));
  const byVersion = groupBy(adoptions, (a) => a.versionId);
  return versions.map((v) => ({
    id: v.id,
    code: v.code,
    name: v.name,
    regulation: v.regulation,
    issuedDate: v.issuedDate,
    sourceNote: v.sourceNote,
    adoptions: (byVersion.get(v.id) ?? []).map(({ versionId: _, ...a }) => a),
  }));
}

/** The services of one SPM version with their indicator and yearly targets. */
export async function getSpmServices(db: Database, versionId: string) {
  const services = await db
    .select({
      id: spmServices.id,
      number: spmServices.number,
      name: spmServices.name,
      standardStatement: spmServices.standardStatement,
      indicatorId: spmServices.indicatorId,
      indicatorName: indicators.name,
      unit: indicators.unit,
      numerator: indicators.numerator,
      denominator: indicators.denominator,
      definition: spmServices.definition,
      operationalDefinition: spmServices.operationalDefinition,
      numeratorText: spmServices.numeratorText,
      denominatorText: spmServices.denominatorText,
      formulaNote: spmServices.formulaNote,
      periodType: spmServices.periodType,
    })
    .from(spmServices)
    .innerJoin(indicators, eq(indicators.id, spmServices.indicatorId))
    .where(eq(spmServices.versionId, versionId))
    .orderBy(asc(spmServices.number));
  const targets = services.length
    ? await db
        .select()
        .from(spmTargets)
        .where(
          inArray(
            spmTargets.serviceId,
            services.map((s) => s.id),
          ),
        )
        .orderBy(asc(spmTargets.year))
    : [];
  const byService = groupBy(targets, (t) => t.serviceId);
  return services.map((s) => ({
    ...s,
    targets: (byService.get(s.id) ?? []).map((t) => ({ year: t.year, target: t.target })),
  }));
}
export { computeSpmAchievement } from "./achievement.js";
