import { and, asc, eq } from "drizzle-orm";
import type { Database, Reader } from "../db/client.js";
import { lkjipTexts, planNodes, plans } from "../db/schema/index.js";
import { pickActive } from "../domain/plan-versions.js";
import { computeEvaluation } from "../evaluation/queries.js";
import { getPlan } from "../plans/queries.js";
import type { RakDocument } from "../plans/rak-document.js";
import { readRak, signatoryOf } from "../plans/rak-queries.js";
import { renstraCascade } from "../plans/renstra-queries.js";
import type { RenstraCascade } from "../plans/renstra-schemas.js";

/** A program of the year's PK with its pagu and what was spent, as the year-end evaluation computes it. */
export interface PkProgramBudget {
  code: string | null;
  name: string;
  pagu: number | null;
  realisasi: number | null;
  serapan: string | null;
}

/** Everything an LKjIP is computed from; the content builder (src/reports/lkjip) does the arithmetic. */
export interface LkjipInput {
  year: number;
  cascade: RenstraCascade;
  /** The Renstra's nodes in document order: sasaran and the programs under them. */
  nodes: { id: string; parentId: string | null; level: string; code: string | null; name: string }[];
  signatory: { position: string; name: string; nip: string };
  texts: {
    section: (typeof lkjipTexts.$inferSelect)["section"];
    subject: string;
    body: string;
    source: string | null;
    revision: number;
    updatedAt: Date;
  }[];
  pk: { id: string; title: string; version: number; doc: RakDocument; programs: PkProgramBudget[] } | null;
}

/** The texts written for a Renstra version's LKjIP of a year. */
export function lkjipTextRows(db: Reader, planId: string, year: number) {
  return db
    .select()
    .from(lkjipTexts)
    .where(and(eq(lkjipTexts.planId, planId), eq(lkjipTexts.year, year)));
}

/** The year's Perjanjian Kinerja in force with its programs' budgets (serapan from the year-end evaluation). */
async function pkOfYear(db: Database, orgUnitId: string, year: number): Promise<LkjipInput["pk"]> {
  const versions = await db
    .select({ id: plans.id, version: plans.version, status: plans.status, title: plans.title })
    .from(plans)
    .where(and(eq(plans.orgUnitId, orgUnitId), eq(plans.kind, "pk"), eq(plans.year, year)));
  const pk = pickActive(versions);
  if (!pk) return null;
  const [doc, plan, evaluation] = await Promise.all([
    readRak(db, pk.id),
    getPlan(db, pk.id),
    computeEvaluation(db, pk.id, 4),
  ]);
  if (!doc || !plan) return null;
  const codes = new Map(plan.nodes.map((n) => [n.id, n.code]));
  return {
    id: pk.id,
    title: pk.title,
    version: pk.version,
    doc,
    programs: evaluation.budgets
      .filter((b) => b.level === "program")
      .map((b) => ({
        code: codes.get(b.nodeId) ?? null,
        name: b.name,
        pagu: b.pagu,
        realisasi: b.realisasiToDate,
        serapan: b.serapan,
      })),
  };
}

/** What the LKjIP of a year is built from; undefined when the id is no Renstra. */
export async function lkjipInput(
  db: Database,
  renstraId: string,
  year: number,
): Promise<LkjipInput | undefined> {
  const cascade = await renstraCascade(db, renstraId);
  if (!cascade) return undefined;
  const [nodes, texts, pk, renstra] = await Promise.all([
    db
      .select({
        id: planNodes.id,
        parentId: planNodes.parentId,
        level: planNodes.level,
        code: planNodes.code,
        name: planNodes.name,
      })
      .from(planNodes)
      .where(eq(planNodes.planId, renstraId))
      .orderBy(asc(planNodes.position)),
    lkjipTextRows(db, renstraId, year),
    pkOfYear(db, cascade.orgUnitId, year),
    getPlan(db, renstraId),
  ]);
  const signed = pk?.doc.signatory ?? (renstra ? signatoryOf(renstra) : undefined);
  return {
    year,
    cascade,
    nodes,
    signatory: { position: signed?.position ?? "", name: signed?.name ?? "", nip: signed?.nip ?? "" },
    texts,
    pk,
  };
}
