import { and, asc, between, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database, Reader } from "../db/client.js";
import {
  indicatorRealisasiYears,
  indicators,
  planIndicators,
  planIndicatorYears,
  planNodeBudgetYears,
  planNodes,
  plans,
} from "../db/schema/index.js";
import { type Departure, readRenstraTarget, renstraVersionLabel, targetDeparture } from "../domain/index.js";
import { activeAmong, pickActive } from "../domain/plan-versions.js";
import { computeEvaluation } from "../evaluation/queries.js";
import { groupBy } from "../lib/group-by.js";
import { getPlan } from "./queries.js";
import { signatoryOf } from "./rak-queries.js";
import type { RenstraCascade } from "./renstra-schemas.js";
import type { RenstraDocument, RenstraIndicatorRow } from "./renstra-types.js";

type Plan = NonNullable<Awaited<ReturnType<typeof getPlan>>>;

/** A stored Renstra plan with its per-year targets and budgets, or undefined when the id is no Renstra. */
async function loadRenstra(db: Reader, planId: string) {
  const plan = await getPlan(db, planId);
  if (plan?.kind !== "renstra") return undefined;
  const [[period], targets, budgets, ends] = await Promise.all([
    db.select({ endYear: plans.endYear }).from(plans).where(eq(plans.id, planId)),
    db
      .select({
        id: planIndicatorYears.planIndicatorId,
        year: planIndicatorYears.year,
        target: planIndicatorYears.target,
      })
      .from(planIndicatorYears)
      .innerJoin(planIndicators, eq(planIndicators.id, planIndicatorYears.planIndicatorId))
      .innerJoin(planNodes, eq(planNodes.id, planIndicators.planNodeId))
      .where(eq(planNodes.planId, planId)),
    db
      .select({
        id: planNodeBudgetYears.planNodeId,
        year: planNodeBudgetYears.year,
        amount: planNodeBudgetYears.amount,
      })
      .from(planNodeBudgetYears)
      .innerJoin(planNodes, eq(planNodes.id, planNodeBudgetYears.planNodeId))
      .where(eq(planNodes.planId, planId)),
    db
      .select({ id: planIndicators.id, end: planIndicators.targetEnd })
      .from(planIndicators)
      .innerJoin(planNodes, eq(planNodes.id, planIndicators.planNodeId))
      .where(eq(planNodes.planId, planId)),
  ]);
  const endYear = period?.endYear ?? plan.year + 4;
  const byRecord = <T extends { id: string; year: number }>(rows: T[]) => groupBy(rows, (r) => r.id);
  return {
    plan,
    endYear,
    ends: new Map(ends.map((e) => [e.id, e.end])),
    targets: byRecord(targets),
    budgets: byRecord(budgets),
  };
}

/** A stored Renstra as a document, for the exports. */
export async function readRenstra(db: Reader, planId: string): Promise<RenstraDocument | undefined> {
  const loaded = await loadRenstra(db, planId);
  if (!loaded) return undefined;
  const { plan, endYear, ends, targets, budgets } = loaded;
  const rows = (node: Plan["nodes"][number]): RenstraIndicatorRow[] =>
    node.indicators.map((i) => ({
      name: i.name,
      unit: i.unit,
      ...(i.polarity === "lower" ? { polarity: "lower" as const } : {}),
      targets: Object.fromEntries((targets.get(i.id) ?? []).map((t) => [t.year, t.target])),
      end: ends.get(i.id) ?? null,
    }));
  const childrenOf = (id: string) => plan.nodes.filter((n) => n.parentId === id);
  return {
    title: plan.title,
    orgUnitName: plan.officeName ?? plan.orgUnitName,
    startYear: plan.year,
    endYear,
    signatory: signatoryOf(plan),
    tujuan: plan.nodes
      .filter((n) => n.level === "tujuan")
      .map((t) => ({
        name: t.name,
        indicators: rows(t),
        sasaran: childrenOf(t.id).map((s) => ({
          name: s.name,
          indicators: rows(s),
          programs: childrenOf(s.id).map((p) => ({
            ...(p.code ? { code: p.code } : {}),
            name: p.name,
            budgets: Object.fromEntries((budgets.get(p.id) ?? []).map((b) => [b.year, b.amount])),
            indicators: rows(p),
          })),
        })),
      })),
  };
}

const served = alias(planIndicators, "served");

/** The yearly PK/RAK indicators in force that serve any version of this Renstra, by catalogue indicator. */
async function yearlyLinks(db: Reader, plan: Plan, endYear: number) {
  const yearly = await db
    .select({
      id: plans.id,
      year: plans.year,
      kind: plans.kind,
      version: plans.version,
      status: plans.status,
      title: plans.title,
    })
    .from(plans)
    .where(
      and(
        eq(plans.orgUnitId, plan.orgUnitId),
        inArray(plans.kind, ["pk", "rak"]),
        between(plans.year, plan.year, endYear),
      ),
    );
  const inForce = [...activeAmong(yearly, (p) => `${p.year}/${p.kind}`)];
  if (inForce.length === 0) return [];
  const rows = await db
    .select({
      planId: planNodes.planId,
      planIndicatorId: planIndicators.id,
      target: planIndicators.targetYear,
      servesIndicator: served.indicatorId,
    })
    .from(planIndicators)
    .innerJoin(planNodes, eq(planNodes.id, planIndicators.planNodeId))
    .innerJoin(served, eq(served.id, planIndicators.renstraIndicatorId))
    .where(
      inArray(
        planNodes.planId,
        inForce.map((p) => p.id),
      ),
    );
  const planOf = new Map(inForce.map((p) => [p.id, p]));
  return rows.map((r) => {
    const p = planOf.get(r.planId) as (typeof inForce)[number];
    return { ...r, year: p.year, kind: p.kind, version: p.version, title: p.title };
  });
}

/**
 * Year-end realisasi of the Renstra's indicators per year, from the year before the Renstra (kondisi awal)
 * to its last: computed from approved data where the year's RAK feeds the indicator from data, else as
 * entered (audited).
 */
async function realisasiByYear(db: Database, plan: Plan, endYear: number, indicatorIds: string[]) {
  const first = plan.year - 1;
  const entered =
    indicatorIds.length === 0
      ? []
      : await db
          .select()
          .from(indicatorRealisasiYears)
          .where(
            and(
              eq(indicatorRealisasiYears.orgUnitId, plan.orgUnitId),
              inArray(indicatorRealisasiYears.indicatorId, indicatorIds),
              between(indicatorRealisasiYears.year, first, endYear),
            ),
          );
  const raks = await db
    .select({ id: plans.id, year: plans.year, version: plans.version, status: plans.status })
    .from(plans)
    .where(
      and(eq(plans.orgUnitId, plan.orgUnitId), eq(plans.kind, "rak"), between(plans.year, first, endYear)),
    );
  const fromData = new Map<string, string>();
  // One year-end evaluation per year's RAK in force, the years side by side.
  const inForce = [...groupBy(raks, (r) => String(r.year)).values()].flatMap((group) => {
    const rak = pickActive(group);
    return rak ? [rak] : [];
  });
  const evaluations = await Promise.all(inForce.map((rak) => computeEvaluation(db, rak.id, 4)));
  for (const [i, evaluation] of evaluations.entries()) {
    const rak = inForce[i] as (typeof inForce)[number];
    for (const row of evaluation.indicators) {
      const key = `${row.indicatorId}/${rak.year}`;
      if (row.source === "data" && row.realisasiToDate !== null && !fromData.has(key)) {
        fromData.set(key, row.realisasiToDate);
      }
    }
  }
  const enteredBy = new Map(entered.map((e) => [`${e.indicatorId}/${e.year}`, e]));
  return (indicatorId: string, year: number) => {
    const e = enteredBy.get(`${indicatorId}/${year}`);
    const data = fromData.get(`${indicatorId}/${year}`);
    return {
      value: data ?? e?.value ?? null,
      source: data !== undefined ? ("data" as const) : e ? ("entered" as const) : null,
      entered: e?.value ?? null,
      note: e?.note ?? null,
      revision: e?.revision ?? null,
    };
  };
}

/** The Renstra screen: the tree, per indicator and year the Renstra target, the yearly targets that serve it with their departure, and the realisasi series. */
export async function renstraCascade(db: Database, planId: string): Promise<RenstraCascade | undefined> {
  const loaded = await loadRenstra(db, planId);
  if (!loaded) return undefined;
  const { plan, endYear, ends, targets, budgets } = loaded;
  const years = Array.from({ length: endYear - plan.year + 1 }, (_, i) => plan.year + i);
  const [versions, links] = await Promise.all([
    db
      .select({ id: plans.id, version: plans.version, status: plans.status })
      .from(plans)
      .where(and(eq(plans.orgUnitId, plan.orgUnitId), eq(plans.year, plan.year), eq(plans.kind, "renstra")))
      .orderBy(asc(plans.version)),
    yearlyLinks(db, plan, endYear),
  ]);
  const items = plan.nodes.flatMap((node) => node.indicators.map((indicator) => ({ node, indicator })));
  const realisasi = await realisasiByYear(db, plan, endYear, [
    ...new Set(items.map((i) => i.indicator.indicatorId)),
  ]);
  const linksOf = groupBy(links, (l) => `${l.servesIndicator}/${l.year}`);
  const names = new Map(plan.nodes.map((n) => [n.id, n]));
  const ancestor = (nodeId: string | null, level: string): string | null => {
    for (
      let n = nodeId ? names.get(nodeId) : undefined;
      n;
      n = n.parentId ? names.get(n.parentId) : undefined
    ) {
      if (n.level === level) return n.name;
    }
    return null;
  };
  const rows = items.map(({ node, indicator }) => {
    const written = new Map((targets.get(indicator.id) ?? []).map((t) => [t.year, t.target]));
    return {
      planIndicatorId: indicator.id,
      indicatorId: indicator.indicatorId,
      nodeId: node.id,
      level: node.level as "tujuan" | "sasaran" | "program",
      tujuan: ancestor(node.id, "tujuan"),
      sasaran: ancestor(node.id, "sasaran"),
      program: ancestor(node.id, "program"),
      name: indicator.name,
      unit: indicator.unit,
      polarity: indicator.polarity,
      end: ends.get(indicator.id) ?? null,
      baseline: realisasi(indicator.indicatorId, plan.year - 1),
      years: years.map((year) => {
        const renstra = written.get(year) ?? "-";
        const yearly = (linksOf.get(`${indicator.indicatorId}/${year}`) ?? []).map((l) => {
          const departure: Departure = targetDeparture(
            readRenstraTarget(renstra),
            readRenstraTarget(l.target),
            indicator.polarity,
          );
          return {
            planId: l.planId,
            planIndicatorId: l.planIndicatorId,
            kind: l.kind as "pk" | "rak",
            title: l.title,
            version: l.version,
            target: l.target,
            departure,
          };
        });
        return { year, renstra, yearly, realisasi: realisasi(indicator.indicatorId, year) };
      }),
    };
  });
  return {
    id: plan.id,
    orgUnitId: plan.orgUnitId,
    orgUnitName: plan.officeName ?? plan.orgUnitName,
    orgUnitPath: plan.orgUnitPath,
    title: plan.title,
    startYear: plan.year,
    endYear,
    version: plan.version,
    versionLabel: renstraVersionLabel(plan.version).id,
    status: plan.status,
    versions: versions.map((v) => ({ ...v, label: renstraVersionLabel(v.version).id })),
    years,
    rows,
    programs: plan.nodes
      .filter((n) => n.level === "program")
      .map((n) => {
        const amounts = new Map((budgets.get(n.id) ?? []).map((b) => [b.year, b.amount]));
        return {
          nodeId: n.id,
          code: n.code,
          name: n.name,
          sasaran: ancestor(n.id, "sasaran"),
          budgets: years.map((year) => ({ year, amount: amounts.get(year) ?? null })),
          total: n.budget,
        };
      }),
  };
}

/** The Renstra indicators a yearly indicator of this org unit may serve: those of its Renstras in force over that year. */
export async function renstraIndicatorContext(db: Reader, renstraIndicatorId: string) {
  const [row] = await db
    .select({
      orgUnitId: plans.orgUnitId,
      kind: plans.kind,
      year: plans.year,
      endYear: plans.endYear,
      name: indicators.name,
    })
    .from(planIndicators)
    .innerJoin(indicators, eq(indicators.id, planIndicators.indicatorId))
    .innerJoin(planNodes, eq(planNodes.id, planIndicators.planNodeId))
    .innerJoin(plans, eq(plans.id, planNodes.planId))
    .where(eq(planIndicators.id, renstraIndicatorId));
  return row;
}

/** A plan indicator of the given plan, with that plan's kind and year. */
export async function yearlyIndicator(db: Reader, planId: string, planIndicatorId: string) {
  const [row] = await db
    .select({ kind: plans.kind, year: plans.year })
    .from(planIndicators)
    .innerJoin(planNodes, eq(planNodes.id, planIndicators.planNodeId))
    .innerJoin(plans, eq(plans.id, planNodes.planId))
    .where(and(eq(planIndicators.id, planIndicatorId), eq(plans.id, planId)));
  return row;
}

/** A Renstra's period, version and catalogue indicators: what a write or a download checks, without the cascade. */
export async function renstraPeriod(db: Reader, planId: string) {
  const [plan] = await db
    .select({ kind: plans.kind, startYear: plans.year, endYear: plans.endYear, version: plans.version })
    .from(plans)
    .where(eq(plans.id, planId));
  if (plan?.kind !== "renstra") return undefined;
  const rows = await db
    .select({ indicatorId: planIndicators.indicatorId })
    .from(planIndicators)
    .innerJoin(planNodes, eq(planNodes.id, planIndicators.planNodeId))
    .where(eq(planNodes.planId, planId));
  return {
    ...plan,
    endYear: plan.endYear ?? plan.startYear + 4,
    indicatorIds: new Set(rows.map((r) => r.indicatorId)),
  };
}
