import { and, eq } from "drizzle-orm";
import { type Actor, recordAudit } from "../audit/record.js";
import type { Database } from "../db/client.js";
import { indicators, orgUnits, type PlanNodeLevel, planIndicators, planNodes, plans } from "../db/schema.js";
import { inferMode, kindFromUnit, parseTargetSeries } from "../domain/index.js";
import { getPlan } from "./queries.js";
import type { RakDocument, RakIndicatorRow, RakKegiatan } from "./rak-document.js";

export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

export interface WriteRakInput {
  orgUnitId: string;
  /** The district (kab/kota) the plan's rows are filed under. */
  districtId: string | null;
  doc: RakDocument;
  version?: number;
  revisionOf?: string | null;
}

/** The catalogue indicator of this owner with this name and unit, made when it does not exist yet. */
export async function catalogueIndicator(
  tx: Tx,
  row: RakIndicatorRow,
  ownerOrgUnitId: string,
): Promise<string> {
  const [existing] = await tx
    .select({ id: indicators.id })
    .from(indicators)
    .where(
      and(
        eq(indicators.ownerOrgUnitId, ownerOrgUnitId),
        eq(indicators.name, row.name),
        eq(indicators.unit, row.unit),
      ),
    )
    .limit(1);
  if (existing) return existing.id;
  const kind = kindFromUnit(row.unit);
  const [created] = await tx
    .insert(indicators)
    .values({
      name: row.name,
      unit: row.unit,
      kind: kind.kind,
      factor: "factor" in kind ? kind.factor : null,
      polarity: row.polarity ?? "higher",
      ownerOrgUnitId,
    })
    .returning({ id: indicators.id });
  if (!created) throw new Error("indicator insert returned nothing");
  return created.id;
}

/** Writes a RAK document as a new plan (one call inside the caller's transaction); returns its id. */
export async function writeRak(tx: Tx, input: WriteRakInput): Promise<string> {
  const { doc, orgUnitId } = input;
  const [plan] = await tx
    .insert(plans)
    .values({
      orgUnitId,
      year: doc.year,
      kind: "rak",
      version: input.version ?? 1,
      revisionOf: input.revisionOf ?? null,
      title: doc.title,
      signatoryPosition: doc.signatory.position,
      signatoryName: doc.signatory.name,
      signatoryNip: doc.signatory.nip,
      signedPlace: doc.signatory.place ?? null,
      signedDate: doc.signatory.date ?? null,
    })
    .returning({ id: plans.id });
  if (!plan) throw new Error("plan insert returned nothing");
  let position = 0;
  const addNode = async (
    parentId: string | null,
    level: PlanNodeLevel,
    node: { name: string; code?: string; budget: number | null; indicators: RakIndicatorRow[] },
  ) => {
    const [row] = await tx
      .insert(planNodes)
      .values({
        planId: plan.id,
        districtId: input.districtId,
        parentId,
        level,
        code: node.code ?? null,
        name: node.name,
        budget: node.budget,
        position: position++,
      })
      .returning({ id: planNodes.id });
    if (!row) throw new Error("plan node insert returned nothing");
    for (const [i, r] of node.indicators.entries()) {
      const series = parseTargetSeries({ annual: r.target, quarters: r.quarters }, { decimalSeparator: "." });
      await tx.insert(planIndicators).values({
        planNodeId: row.id,
        indicatorId: await catalogueIndicator(tx, r, orgUnitId),
        position: i,
        unit: r.unit,
        targetMode: inferMode(series),
        targetYear: r.target,
        targetQ1: r.quarters[0],
        targetQ2: r.quarters[1],
        targetQ3: r.quarters[2],
        targetQ4: r.quarters[3],
      });
    }
    return row.id;
  };
  const addKegiatan = async (parentId: string, level: "kegiatan" | "sub_kegiatan", k: RakKegiatan) => {
    const id = await addNode(parentId, level, k);
    for (const sub of k.subKegiatan ?? []) await addKegiatan(id, "sub_kegiatan", sub);
  };
  for (const s of doc.sasaran) {
    const sasaranId = await addNode(null, "sasaran", s);
    for (const p of s.programs) {
      const programId = await addNode(sasaranId, "program", p);
      for (const k of p.kegiatan) await addKegiatan(programId, "kegiatan", k);
    }
  }
  return plan.id;
}

/** Imports a RAK in one transaction, with one audit record holding the whole document. */
export async function importRak(db: Database, input: Omit<WriteRakInput, "districtId">, actor: Actor) {
  return db.transaction(async (tx) => {
    const [unit] = await tx
      .select({ districtId: orgUnits.districtId, type: orgUnits.type })
      .from(orgUnits)
      .where(eq(orgUnits.id, input.orgUnitId));
    const districtId = unit?.type === "kabupaten_kota" ? input.orgUnitId : (unit?.districtId ?? null);
    const planId = await writeRak(tx, { ...input, districtId });
    await recordAudit(tx, actor, {
      action: "plan.import",
      entityType: "plan",
      entityId: planId,
      orgUnitId: input.orgUnitId,
      newValue: input.doc,
    });
    return planId;
  });
}

/** A stored plan as a RAK document, for the exports. */
export async function readRak(db: Database, planId: string): Promise<RakDocument | undefined> {
  const plan = await getPlan(db, planId);
  if (!plan) return undefined;
  const rows = (node: (typeof plan.nodes)[number]): RakIndicatorRow[] =>
    node.indicators.map((i) => ({
      name: i.name,
      unit: i.unit,
      target: i.targetYear,
      quarters: [i.targetQ1, i.targetQ2, i.targetQ3, i.targetQ4],
      ...(i.polarity === "lower" ? { polarity: "lower" as const } : {}),
    }));
  const childrenOf = (id: string) => plan.nodes.filter((n) => n.parentId === id);
  const kegiatan = (n: (typeof plan.nodes)[number]): RakKegiatan => {
    const subs = childrenOf(n.id);
    return {
      ...(n.code ? { code: n.code } : {}),
      name: n.name,
      budget: n.budget,
      indicators: rows(n),
      ...(subs.length ? { subKegiatan: subs.map(kegiatan) } : {}),
    };
  };
  return {
    title: plan.title,
    orgUnitName: plan.officeName ?? plan.orgUnitName,
    year: plan.year,
    signatory: {
      position: plan.signatoryPosition ?? "",
      name: plan.signatoryName ?? "",
      nip: plan.signatoryNip ?? "",
      ...(plan.signedPlace ? { place: plan.signedPlace } : {}),
      ...(plan.signedDate ? { date: plan.signedDate } : {}),
    },
    sasaran: plan.nodes
      .filter((n) => n.level === "sasaran")
      .map((s) => ({
        name: s.name,
        budget: s.budget,
        indicators: rows(s),
        programs: childrenOf(s.id).map((p) => ({
          ...(p.code ? { code: p.code } : {}),
          name: p.name,
          budget: p.budget,
          indicators: rows(p),
          kegiatan: childrenOf(p.id).map(kegiatan),
        })),
      })),
  };
}
