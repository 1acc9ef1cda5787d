import { and, eq, sql } from "drizzle-orm";
import { inSubtree, subtreePattern, unitInSubtree } from "../auth/scope-sql.js";
import type { Reader } from "../db/client.js";
import { preparedPerDatabase } from "../db/prepared.js";
import { orgUnits, prevalences, targetPopulations } from "../db/schema/index.js";
import { add, canonical, estimatedCount, estimatePopulation } from "../domain/index.js";
import { nextTurn } from "../lib/slices.js";

/** The target populations the 12 SPM services of Perwal Depok 57/2017 divide by (docs/DOMAIN-RULES.md §5). */
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
  BERISIKO_HIV_BUMIL: "Berisiko HIV: ibu hamil",
  BERISIKO_HIV_TB: "Berisiko HIV: pasien TB",
  BERISIKO_HIV_IMS: "Berisiko HIV: pasien IMS",
  BERISIKO_HIV_WARIA: "Berisiko HIV: waria/transgender",
  BERISIKO_HIV_NAPZA: "Berisiko HIV: pengguna napza",
  BERISIKO_HIV_WBP: "Berisiko HIV: warga binaan lapas/rutan",
} as const;
export type PopulationCategory = keyof typeof POPULATION_CATEGORIES;

/** Denominators estimated from PENDUDUK_15_PLUS × a prevalence with its source (SPM 8 and 9). */
export const ESTIMATED = {
  HIPERTENSI: "Estimasi penderita hipertensi",
  DM: "Estimasi penyandang DM",
} as const;

/**
 * One row per unit, its figures as JSON (a province's 18 000 rows took PGlite 230 ms to hand over,
 * these 50); a kota's found through the unit index (see unitInSubtree).
 */
const figuresQuery = preparedPerDatabase((db) =>
  db
    .select({
      orgUnitId: targetPopulations.orgUnitId,
      figures: sql<string>`json_object_agg(${targetPopulations.category}, ${targetPopulations.value}::text)::text`,
    })
    .from(targetPopulations)
    .where(
      and(
        unitInSubtree(targetPopulations.orgUnitId, sql.placeholder("subtree")),
        eq(targetPopulations.year, sql.placeholder("year")),
      ),
    )
    .groupBy(targetPopulations.orgUnitId)
    .prepare("spm_population_figures"),
);

/**
 * The target populations of every unit in a subtree for a year. A unit's figure is the one entered
 * for it when there is one (a kota may hold the official BPS figure), else the sum of its children's:
 * entered at the lowest level known and rolled up, never counted twice. `units`, the subtree's units
 * when the caller has read them already.
 */
export async function populationTree(
  db: Reader,
  rootPath: string,
  year: number,
  units?: ReadonlyArray<{ id: string; parentId: string | null }>,
) {
  const [subtree, rows] = await Promise.all([
    units ??
      db.select({ id: orgUnits.id, parentId: orgUnits.parentId }).from(orgUnits).where(inSubtree(rootPath)),
    // A turn apart, so PGlite answers waiting requests between the two (see afterTurns).
    nextTurn().then(() => figuresQuery(db).execute({ subtree: subtreePattern(rootPath), year })),
  ]);
  const own = new Map<string, Map<string, string>>();
  for (const r of rows) {
    const figures = Object.entries(JSON.parse(r.figures) as Record<string, string>);
    own.set(r.orgUnitId, new Map(figures.map(([category, value]) => [category, canonical(value)])));
  }
  const children = new Map<string, string[]>();
  for (const u of subtree) {
    if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
  }
  const memo = new Map<string, Map<string, string>>();
  const figuresOf = (unitId: string): Map<string, string> => {
    const known = memo.get(unitId);
    if (known) return known;
    const result = new Map(own.get(unitId));
    for (const child of children.get(unitId) ?? []) {
      for (const [category, value] of figuresOf(child)) {
        if (own.get(unitId)?.has(category)) continue;
        result.set(category, add(result.get(category) ?? "0", value));
      }
    }
    memo.set(unitId, result);
    return result;
  };
  return figuresOf;
}

/** The unit's populations for the year, per category (see populationTree for the roll-up). */
export async function populationTotals(db: Reader, orgUnitPath: string, year: number) {
  const [unit] = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.path, orgUnitPath));
  if (!unit) return new Map<string, string>();
  return (await populationTree(db, orgUnitPath, year))(unit.id);
}

const prevalenceQuery = preparedPerDatabase((db) =>
  db
    .select({
      code: prevalences.code,
      percent: prevalences.percent,
      source: prevalences.source,
      sourceYear: prevalences.sourceYear,
      unitCode: orgUnits.code,
    })
    .from(prevalences)
    .leftJoin(orgUnits, eq(orgUnits.id, prevalences.orgUnitId))
    .where(eq(prevalences.year, sql.placeholder("year")))
    .prepare("spm_prevalences"),
);

/**
 * Every prevalence of a year, resolved per unit: its own, else its nearest ancestor's, else the
 * national one. One query for any number of units.
 */
export async function prevalenceResolver(db: Reader, year: number) {
  const rows = await prevalenceQuery(db).execute({ year });
  return (code: string, orgUnitPath: string) => {
    const ancestorCodes = orgUnitPath.split("/").filter(Boolean);
    const depth = (unitCode: string | null) => (unitCode === null ? -1 : ancestorCodes.indexOf(unitCode));
    const best = rows
      .filter((r) => r.code === code && (r.unitCode === null || ancestorCodes.includes(r.unitCode)))
      .sort((a, b) => depth(b.unitCode) - depth(a.unitCode))[0];
    return best ? { percent: canonical(best.percent), source: best.source, year: best.sourceYear } : null;
  };
}

/** An estimated denominator (ESTIMASI_HIPERTENSI …) for one unit, or why it cannot be made. */
export function estimateFor(
  code: keyof typeof ESTIMATED,
  populations: ReadonlyMap<string, string>,
  prevalence: { percent: string; source: string; year: number } | null,
  year: number,
) {
  const base = populations.get("PENDUDUK_15_PLUS");
  const estimate = base && prevalence ? estimatePopulation(base, prevalence) : null;
  return {
    code,
    label: ESTIMATED[code],
    value: estimate?.value ?? null,
    explanation:
      estimate?.explanation.id ??
      (base ? `Prevalensi ${code} ${year} belum diisi.` : "Penduduk ≥ 15 tahun belum diisi."),
  };
}

/** The estimated denominator alone, for units shown without its explanation; null when it cannot be made. */
export function estimatedValue(
  populations: ReadonlyMap<string, string>,
  prevalence: { percent: string; source: string; year: number } | null,
): string | null {
  const base = populations.get("PENDUDUK_15_PLUS");
  return base && prevalence ? estimatedCount(base, prevalence) : null;
}

/** Totals with the estimated denominators (and how each was estimated) added. */
export async function populationsWithEstimates(db: Reader, orgUnitPath: string, year: number) {
  const totals = await populationTotals(db, orgUnitPath, year);
  const prevalence = await prevalenceResolver(db, year);
  return {
    populations: Object.entries(POPULATION_CATEGORIES).map(([category, label]) => ({
      category,
      label,
      value: totals.get(category) ?? null,
    })),
    estimates: (Object.keys(ESTIMATED) as Array<keyof typeof ESTIMATED>).map((code) =>
      estimateFor(code, totals, prevalence(code, orgUnitPath), year),
    ),
  };
}
