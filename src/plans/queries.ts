import { and, asc, eq, sql } from "drizzle-orm";
import { AuditVersionCache } from "../audit/version.js";
import { withinScope } from "../auth/scope-sql.js";
import type { Database, Reader } from "../db/client.js";
import { indicators, orgUnits, type PlanKind, planIndicators, planNodes, plans } from "../db/schema/index.js";
import {
  type BudgetNode,
  checkBudgets,
  parseTargetSeries,
  reconcile,
  type TargetMode,
} from "../domain/index.js";
import { kabKotaOf } from "../domain/org-unit-tree.js";
import { activeAmong, pickActive } from "../domain/plan-versions.js";
import { notFound } from "../lib/errors.js";
import { groupBy } from "../lib/group-by.js";

export interface PlanFilter {
  /** Subtree roots the reader may see. */
  scope: readonly string[];
  orgUnitId?: string;
  year?: number;
  kind?: PlanKind;
}

const summaryColumns = {
  id: plans.id,
  orgUnitId: plans.orgUnitId,
  orgUnitName: orgUnits.name,
  officeName: orgUnits.officeName,
  orgUnitPath: orgUnits.path,
  year: plans.year,
  kind: plans.kind,
  version: plans.version,
  title: plans.title,
  status: plans.status,
};

export async function listPlans(db: Database, filter: PlanFilter) {
  const conditions = [withinScope(orgUnits.path, filter.scope)];
  if (filter.orgUnitId) conditions.push(eq(plans.orgUnitId, filter.orgUnitId));
  if (filter.year) conditions.push(eq(plans.year, filter.year));
  if (filter.kind) conditions.push(eq(plans.kind, filter.kind));
  const list = await db
    .select(summaryColumns)
    .from(plans)
    .innerJoin(orgUnits, eq(orgUnits.id, plans.orgUnitId))
    .where(and(...conditions))
    .orderBy(asc(orgUnits.path), asc(plans.year), asc(plans.kind), asc(plans.version));
  // The filters never split the versions of one plan, so the one in force is among those listed.
  const active = activeAmong(list, (p) => `${p.orgUnitId}/${p.year}/${p.kind}`);
  return list.map((p) => ({ ...p, active: active.has(p) }));
}

/**
 * One plan with its nodes in document order (depth-first), each node carrying its indicators. The four
 * reads depend only on the id, so they run at once (on PostgreSQL each on a pool connection).
 */
export async function getPlan(db: Reader, id: string) {
  const sameDocument = db
    .select({ orgUnitId: plans.orgUnitId, year: plans.year, kind: plans.kind })
    .from(plans)
    .where(eq(plans.id, id));
  const [[plan], versions, nodes, indicatorRows] = await Promise.all([
    db
      .select({
        ...summaryColumns,
        signatoryPosition: plans.signatoryPosition,
        signatoryName: plans.signatoryName,
        signatoryNip: plans.signatoryNip,
        signedPlace: plans.signedPlace,
        signedDate: plans.signedDate,
        signedAt: plans.signedAt,
        revisionOf: plans.revisionOf,
      })
      .from(plans)
      .innerJoin(orgUnits, eq(orgUnits.id, plans.orgUnitId))
      .where(eq(plans.id, id)),
    db
      .select({ id: plans.id, status: plans.status, version: plans.version })
      .from(plans)
      .where(sql`(${plans.orgUnitId}, ${plans.year}, ${plans.kind}) = (${sameDocument})`),
    db
      .select({
        id: planNodes.id,
        parentId: planNodes.parentId,
        level: planNodes.level,
        code: planNodes.code,
        name: planNodes.name,
        budget: planNodes.budget,
        position: planNodes.position,
        revision: planNodes.revision,
      })
      .from(planNodes)
      .where(eq(planNodes.planId, id))
      .orderBy(asc(planNodes.position)),
    db
      .select({
        id: planIndicators.id,
        planNodeId: planIndicators.planNodeId,
        indicatorId: planIndicators.indicatorId,
        name: indicators.name,
        unit: planIndicators.unit,
        polarity: indicators.polarity,
        targetMode: planIndicators.targetMode,
        targetYear: planIndicators.targetYear,
        targetQ1: planIndicators.targetQ1,
        targetQ2: planIndicators.targetQ2,
        targetQ3: planIndicators.targetQ3,
        targetQ4: planIndicators.targetQ4,
        revision: planIndicators.revision,
        definitionId: planIndicators.definitionId,
        renstraIndicatorId: planIndicators.renstraIndicatorId,
      })
      .from(planIndicators)
      .innerJoin(planNodes, eq(planNodes.id, planIndicators.planNodeId))
      .innerJoin(indicators, eq(indicators.id, planIndicators.indicatorId))
      .where(eq(planNodes.planId, id))
      .orderBy(asc(planIndicators.position)),
  ]);
  if (!plan) return undefined;

  const byNode = groupBy(
    indicatorRows.map((r) => ({ ...r, reconciliation: reconcileRow(r) })),
    (r) => r.planNodeId,
  );
  const children = groupBy(nodes, (n) => n.parentId ?? "");
  type Indicators = NonNullable<ReturnType<typeof byNode.get>>;
  const ordered: Array<(typeof nodes)[number] & { depth: number; indicators: Indicators }> = [];
  const visit = (parentId: string, depth: number) => {
    for (const node of children.get(parentId) ?? []) {
      ordered.push({ ...node, depth, indicators: byNode.get(node.id) ?? [] });
      visit(node.id, depth + 1);
    }
  };
  visit("", 0);
  return {
    ...plan,
    active: pickActive(versions)?.id === plan.id,
    signedAt: plan.signedAt?.toISOString() ?? null,
    nodes: ordered,
    budgetFindings: checkBudgets(budgetTree(ordered)).map((f) => ({
      code: f.code,
      nodeId: f.nodeId,
      message: f.message.id,
      messageEn: f.message.en,
    })),
  };
}

type PlanDocument = NonNullable<Awaited<ReturnType<typeof getPlan>>>;

/**
 * The plan screen's read: the most read document of the Dinas, changed only through audited commands,
 * so kept while the audit version stays (4 queries and the reconciliation of every row per read).
 */
const planDocuments = new AuditVersionCache<PlanDocument | null>(32);
export const readPlan = (db: Database, id: string) =>
  planDocuments.get(db, id, async () => (await getPlan(db, id)) ?? null);

interface StoredTargets {
  targetMode: TargetMode;
  targetYear: string;
  targetQ1: string;
  targetQ2: string;
  targetQ3: string;
  targetQ4: string;
}

/** Quarters against the year under the stored mode; a gap is shown, never corrected. */
function reconcileRow(r: StoredTargets) {
  const series = parseTargetSeries(
    { annual: r.targetYear, quarters: [r.targetQ1, r.targetQ2, r.targetQ3, r.targetQ4] },
    { decimalSeparator: ".", mode: r.targetMode },
  );
  const { status, fromQuarters, difference } = reconcile(series);
  return { status, fromQuarters, difference };
}

function budgetTree(nodes: Array<Omit<BudgetNode, "children"> & { parentId: string | null }>): BudgetNode[] {
  const children = groupBy(nodes, (n) => n.parentId ?? "");
  const build = (n: (typeof nodes)[number]): BudgetNode => ({
    ...n,
    children: (children.get(n.id) ?? []).map(build),
  });
  return (children.get("") ?? []).map(build);
}

export interface PlanContext {
  id: string;
  orgUnitId: string;
  orgUnitPath: string;
  status: "draft" | "signed";
  districtId: string | null;
}

/** The plan an edit is aimed at, with what the route needs to authorize it. */
export async function planContext(db: Reader, planId: string): Promise<PlanContext> {
  const [row] = await db
    .select({
      id: plans.id,
      orgUnitId: plans.orgUnitId,
      orgUnitPath: orgUnits.path,
      status: plans.status,
      type: orgUnits.type,
      districtId: orgUnits.districtId,
    })
    .from(plans)
    .innerJoin(orgUnits, eq(orgUnits.id, plans.orgUnitId))
    .where(eq(plans.id, planId));
  if (!row) throw notFound("Dokumen rencana", "Plan");
  const { type, ...context } = row;
  return { ...context, districtId: kabKotaOf({ id: row.orgUnitId, type, districtId: row.districtId }) };
}
