import { and, asc, eq, lte, sql } from "drizzle-orm";
import type { Database, Reader } from "../db/client.js";
import {
  planNodeBudgetQuarters,
  planNodes,
  regionDeadlines,
  spmBudgetLinks,
  spmQuarterEntries,
  spmVersions,
} from "../db/schema/index.js";
import {
  canonical,
  monthsThroughQuarter,
  penerimaCapaian,
  SPM_INDEX_RULE,
  spmRegionIndex,
  spmServiceIndex,
} from "../domain/index.js";
import { computeSpmAchievement } from "./achievement.js";
import { SPM_STEPS, type SpmQuarterReport } from "./quarter-types.js";

interface ReportUnit {
  id: string;
  code: string;
  name: string;
  officeName: string | null;
  type: string;
  path: string;
}

const REASON_TEXT = { missing_data: "belum ada data", denominator_zero: "sasaran bernilai 0" } as const;

/**
 * The quarterly e-SPM report (Permendagri 59/2021 Pasal 24) of a region: per service those who must be
 * served and those served up to the quarter's end from the approved data, the pagu and spending of the
 * kegiatan linked to it, what the Dinas wrote for the quarter, and the index.
 */
export async function buildQuarterReport(
  db: Reader & Pick<Database, "execute">,
  unit: ReportUnit,
  year: number,
  quarter: 1 | 2 | 3 | 4,
): Promise<SpmQuarterReport> {
  const achievement = await computeSpmAchievement(db, unit, year);
  const [[version], entries, budget, [deadline]] = await Promise.all([
    db
      .select({ sourceNote: spmVersions.sourceNote })
      .from(spmVersions)
      .where(eq(spmVersions.id, achievement.version.id)),
    db
      .select()
      .from(spmQuarterEntries)
      .where(
        and(
          eq(spmQuarterEntries.orgUnitId, unit.id),
          eq(spmQuarterEntries.year, year),
          eq(spmQuarterEntries.quarter, quarter),
        ),
      ),
    budgetOf(db, unit.id, year, quarter),
    db
      .select({ dueDate: regionDeadlines.dueDate })
      .from(regionDeadlines)
      .where(
        and(
          eq(regionDeadlines.orgUnitId, unit.id),
          eq(regionDeadlines.kind, "spm_quarter"),
          eq(regionDeadlines.period, `${year}Q${quarter}`),
        ),
      ),
  ]);
  const entryOf = new Map(entries.map((e) => [e.serviceId, e]));
  const services = achievement.services.map((s) => {
    const through = monthsThroughQuarter(s.months, year, quarter);
    const figures = through.length > 0 ? s.monthly[through.length - 1] : undefined;
    const served = figures?.numerator ?? null;
    const mustServe = figures?.denominator ?? s.denominator;
    const penerima = penerimaCapaian(served, mustServe);
    const entry = entryOf.get(s.serviceId);
    const mutu = entry?.mutuPercent == null ? null : canonical(entry.mutuPercent);
    const kegiatan = budget.filter((b) => b.serviceId === s.serviceId);
    return {
      serviceId: s.serviceId,
      number: s.number,
      name: s.name,
      indicator: s.indicator,
      target: s.target ?? "100",
      mustServe,
      served,
      throughPeriod: figures?.period ?? null,
      penerimaCapaian: penerima,
      reason: figures?.reason ? `${REASON_TEXT[figures.reason]}${missingText(figures.missing)}` : null,
      denominatorNote: s.denominatorNote,
      budget: {
        pagu: kegiatan.reduce((n, k) => n + k.pagu, 0),
        realisasi: kegiatan.reduce((n, k) => n + k.realisasi, 0),
        kegiatan: kegiatan.map(({ name, pagu, realisasi }) => ({ name, pagu, realisasi })),
      },
      steps: SPM_STEPS.map((step, i) => ({
        key: step.key,
        label: step.label,
        status: entry?.steps[i]?.status ?? ("belum" as const),
        note: entry?.steps[i]?.note ?? null,
      })),
      masalah: entry?.masalah ?? null,
      solusi: entry?.solusi ?? null,
      rencanaAksi: entry?.rencanaAksi ?? null,
      mutuPercent: mutu,
      index: spmServiceIndex(penerima, mutu),
      revision: entry?.revision ?? null,
    };
  });
  return {
    orgUnitId: unit.id,
    regionName: unit.name,
    orgUnitName: unit.officeName ?? unit.name,
    year,
    quarter,
    version: {
      code: achievement.version.code,
      regulation: achievement.version.regulation,
      sourceNote: version?.sourceNote ?? null,
    },
    indexRule: { ...SPM_INDEX_RULE },
    index: spmRegionIndex(services.map((s) => s.index)),
    deadline: deadline?.dueDate ?? null,
    services,
    generatedAt: new Date().toISOString(),
  };
}

const missingText = (missing: readonly string[]) => (missing.length > 0 ? `: ${missing.join(", ")}` : "");

/** The kegiatan linked to each service: its share of their pagu and of what they spent up to the quarter. */
async function budgetOf(db: Reader, regionId: string, year: number, quarter: number) {
  const spent = db
    .select({
      planNodeId: planNodeBudgetQuarters.planNodeId,
      amount: sql<string>`sum(${planNodeBudgetQuarters.amount})`.as("amount"),
    })
    .from(planNodeBudgetQuarters)
    .where(lte(planNodeBudgetQuarters.quarter, quarter))
    .groupBy(planNodeBudgetQuarters.planNodeId)
    .as("spent");
  const rows = await db
    .select({
      serviceId: spmBudgetLinks.serviceId,
      name: planNodes.name,
      budget: planNodes.budget,
      share: spmBudgetLinks.sharePercent,
      spent: spent.amount,
    })
    .from(spmBudgetLinks)
    .innerJoin(planNodes, eq(planNodes.id, spmBudgetLinks.planNodeId))
    .leftJoin(spent, eq(spent.planNodeId, spmBudgetLinks.planNodeId))
    .where(and(eq(spmBudgetLinks.orgUnitId, regionId), eq(spmBudgetLinks.year, year)))
    .orderBy(asc(planNodes.position));
  // Whole Rupiah: a share of a pagu is rounded once, per kegiatan.
  const part = (amount: number, share: string) => Math.round((amount * Number(share)) / 100);
  return rows.map((r) => ({
    serviceId: r.serviceId,
    name: r.name,
    pagu: part(r.budget ?? 0, r.share),
    realisasi: part(Number(r.spent ?? 0), r.share),
  }));
}
