import { and, eq, inArray, isNull, like, or, sql } from "drizzle-orm";
import { type Actor, recordAudit } from "../audit/record.js";
import type { Database } from "../db/client.js";
import { orgUnits, prevalences, targetPopulations } from "../db/schema/index.js";
import { canonical, DomainError, estimatePopulation, parseDecimal } from "../domain/index.js";
import { AppError } from "../server/errors.js";

/** The target populations the 12 SPM services of Perwal Depok 57/2017 divide by (DOMAIN.md §5). */
export const POPULATION_CATEGORIES = {
  BUMIL: "Ibu hamil",
  BULIN: "Ibu bersalin",
  BBL: "Bayi baru lahir",
  BALITA: "Balita 11–59 bulan",
  SISWA_KELAS_1: "Peserta didik kelas 1",
  SISWA_KELAS_7: "Peserta didik kelas 7",
  PENDUDUK_15_59: "Penduduk usia 15–59 tahun",
  LANSIA: "Penduduk usia ≥ 60 tahun",
  PENDUDUK_15_PLUS: "Penduduk usia ≥ 15 tahun",
  ODGJ_BERAT: "ODGJ berat",
  TB: "Orang dengan TB",
  BERISIKO_HIV: "Orang berisiko terinfeksi HIV",
} as const;
export type PopulationCategory = keyof typeof POPULATION_CATEGORIES;

/** Denominators estimated from PENDUDUK_15_PLUS × a prevalence with its source (SPM 8 and 9). */
export const ESTIMATED = {
  HIPERTENSI: "Estimasi penderita hipertensi",
  DM: "Estimasi penyandang DM",
} as const;

/** Entered populations of the unit's whole subtree for the year, summed per category. */
export async function populationTotals(db: Pick<Database, "select">, orgUnitPath: string, year: number) {
  const rows = await db
    .select({
      category: targetPopulations.category,
      total: sql<string>`sum(${targetPopulations.value})::text`,
    })
    .from(targetPopulations)
    .innerJoin(orgUnits, eq(orgUnits.id, targetPopulations.orgUnitId))
    .where(and(like(orgUnits.path, `${orgUnitPath}%`), eq(targetPopulations.year, year)))
    .groupBy(targetPopulations.category);
  return new Map(rows.map((r) => [r.category, r.total]));
}

/** The prevalence that applies to a unit: its own, else its nearest ancestor's, else the national one. */
export async function applicablePrevalence(
  db: Pick<Database, "select">,
  code: string,
  orgUnitPath: string,
  year: number,
) {
  const ancestorCodes = orgUnitPath.split("/").filter(Boolean);
  const rows = await db
    .select({
      percent: prevalences.percent,
      source: prevalences.source,
      sourceYear: prevalences.sourceYear,
      unitCode: orgUnits.code,
    })
    .from(prevalences)
    .leftJoin(orgUnits, eq(orgUnits.id, prevalences.orgUnitId))
    .where(
      and(
        eq(prevalences.code, code),
        eq(prevalences.year, year),
        or(isNull(prevalences.orgUnitId), inArray(orgUnits.code, ancestorCodes)),
      ),
    );
  const depth = (unitCode: string | null) => (unitCode === null ? -1 : ancestorCodes.indexOf(unitCode));
  const best = rows.sort((a, b) => depth(b.unitCode) - depth(a.unitCode))[0];
  return best ? { percent: best.percent, source: best.source, year: best.sourceYear } : null;
}

/** Totals with the estimated denominators (and how each was estimated) added. */
export async function populationsWithEstimates(
  db: Pick<Database, "select">,
  orgUnitPath: string,
  year: number,
) {
  const totals = await populationTotals(db, orgUnitPath, year);
  const base = totals.get("PENDUDUK_15_PLUS");
  const estimates = [];
  for (const code of Object.keys(ESTIMATED) as Array<keyof typeof ESTIMATED>) {
    const prevalence = await applicablePrevalence(db, code, orgUnitPath, year);
    const estimate =
      base && prevalence
        ? estimatePopulation(base, { ...prevalence, percent: canonical(prevalence.percent) })
        : null;
    estimates.push({
      code,
      label: ESTIMATED[code],
      value: estimate?.value ?? null,
      explanation:
        estimate?.explanation.id ??
        (base ? `Prevalensi ${code} ${year} belum diisi.` : "Penduduk ≥ 15 tahun belum diisi."),
    });
  }
  return {
    populations: Object.entries(POPULATION_CATEGORIES).map(([category, label]) => ({
      category,
      label,
      value: totals.get(category) ?? null,
    })),
    estimates,
  };
}

export interface PopulationInput {
  category: PopulationCategory;
  /** As typed ("38.000"); null deletes the figure. */
  value: string | null;
  source?: string | null;
}

/** Saves one unit's populations for a year in one transaction, one audit record per figure. */
export async function savePopulations(
  db: Database,
  unit: { id: string; districtId: string | null },
  year: number,
  values: PopulationInput[],
  actor: Actor,
) {
  const parsed = values.map((v) => {
    try {
      const value = v.value?.trim() ? parseDecimal(v.value) : null;
      if (value !== null && (value.startsWith("-") || value.includes("."))) throw new Error("not whole");
      return { ...v, value };
    } catch (error) {
      if (error instanceof DomainError || error instanceof Error) {
        throw new AppError(
          422,
          "POPULATION_UNREADABLE",
          `${POPULATION_CATEGORIES[v.category]}: "${v.value}" bukan jumlah orang (bilangan bulat ≥ 0).`,
          `${v.category}: "${v.value}" is not a head count (whole number ≥ 0).`,
        );
      }
      throw error;
    }
  });
  await db.transaction(async (tx) => {
    for (const v of parsed) {
      const key = and(
        eq(targetPopulations.orgUnitId, unit.id),
        eq(targetPopulations.year, year),
        eq(targetPopulations.category, v.category),
      );
      const [before] = await tx.select().from(targetPopulations).where(key).for("update");
      if (v.value === null) await tx.delete(targetPopulations).where(key);
      else if (before) {
        await tx
          .update(targetPopulations)
          .set({
            value: v.value,
            source: v.source ?? before.source,
            revision: before.revision + 1,
            updatedBy: actor.userId,
            updatedAt: new Date(),
          })
          .where(key);
      } else {
        await tx.insert(targetPopulations).values({
          districtId: unit.districtId,
          orgUnitId: unit.id,
          year,
          category: v.category,
          value: v.value,
          source: v.source ?? null,
          updatedBy: actor.userId,
        });
      }
      await recordAudit(tx, actor, {
        action: "spm.population_set",
        entityType: "target_population",
        entityId: `${unit.id}/${year}/${v.category}`,
        orgUnitId: unit.id,
        oldValue: before ? { value: before.value, source: before.source } : null,
        newValue: v.value === null ? null : { value: v.value, source: v.source ?? before?.source ?? null },
      });
    }
  });
}
