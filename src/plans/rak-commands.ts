import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Tx } from "../db/client.js";
import { indicators, type PlanNodeLevel, planIndicators, planNodes, plans } from "../db/schema/index.js";
import { inferMode, kindFromUnit, parseTargetSeries } from "../domain/index.js";
import { chunks } from "../lib/chunks.js";
import type { RakDocument, RakIndicatorRow, RakKegiatan } from "./rak-document.js";

export interface WriteRakInput {
  orgUnitId: string;
  /** The district (kab/kota) the plan's rows are filed under. */
  districtId: string | null;
  doc: RakDocument;
  version?: number;
  revisionOf?: string | null;
  /** The yearly document kind: the RAK (default) or a Perjanjian Kinerja kept as a plan of its own. */
  kind?: "rak" | "pk";
}

/** Catalogue ids of the owner's indicators by name and unit, creating the missing ones in one insert. */
export async function catalogueIds(tx: Tx, rows: readonly RakIndicatorRow[], ownerOrgUnitId: string) {
  const key = (name: string, unit: string) => `${name}\u0000${unit}`;
  const existing = await tx
    .select({ id: indicators.id, name: indicators.name, unit: indicators.unit })
    .from(indicators)
    .where(eq(indicators.ownerOrgUnitId, ownerOrgUnitId));
  const ids = new Map(existing.map((i) => [key(i.name, i.unit), i.id]));
  const missing = new Map<string, RakIndicatorRow>();
  for (const r of rows) if (!ids.has(key(r.name, r.unit))) missing.set(key(r.name, r.unit), r);
  for (const part of chunks([...missing.values()])) {
    const created = await tx
      .insert(indicators)
      .values(
        part.map((r) => {
          const kind = kindFromUnit(r.unit);
          return {
            name: r.name,
            unit: r.unit,
            kind: kind.kind,
            factor: "factor" in kind ? kind.factor : null,
            polarity: r.polarity ?? ("higher" as const),
            ownerOrgUnitId,
          };
        }),
      )
      .returning({ id: indicators.id, name: indicators.name, unit: indicators.unit });
    for (const c of created) ids.set(key(c.name, c.unit), c.id);
  }
  return (r: RakIndicatorRow) => ids.get(key(r.name, r.unit)) as string;
}

/**
 * Writes a RAK document as a new plan inside the caller's transaction and returns its id. Node ids are
 * made here so the whole tree goes in with one insert per thousand nodes and per thousand indicators.
 */
export async function writeRak(tx: Tx, input: WriteRakInput): Promise<string> {
  const { doc, orgUnitId } = input;
  const [plan] = await tx
    .insert(plans)
    .values({
      orgUnitId,
      year: doc.year,
      kind: input.kind ?? "rak",
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
  const nodes: Array<typeof planNodes.$inferInsert> = [];
  const rows: Array<{ planNodeId: string; position: number; row: RakIndicatorRow }> = [];
  const addNode = (
    parentId: string | null,
    level: PlanNodeLevel,
    node: { name: string; code?: string; budget: number | null; indicators: RakIndicatorRow[] },
  ) => {
    const id = randomUUID();
    nodes.push({
      id,
      planId: plan.id,
      districtId: input.districtId,
      parentId,
      level,
      code: node.code ?? null,
      name: node.name,
      budget: node.budget,
      position: nodes.length,
    });
    for (const [position, row] of node.indicators.entries()) rows.push({ planNodeId: id, position, row });
    return id;
  };
  const addKegiatan = (parentId: string, level: "kegiatan" | "sub_kegiatan", k: RakKegiatan) => {
    const id = addNode(parentId, level, k);
    for (const sub of k.subKegiatan ?? []) addKegiatan(id, "sub_kegiatan", sub);
  };
  for (const s of doc.sasaran) {
    const sasaranId = addNode(null, "sasaran", s);
    for (const p of s.programs) {
      const programId = addNode(sasaranId, "program", p);
      for (const k of p.kegiatan) addKegiatan(programId, "kegiatan", k);
    }
  }
  const catalogue = await catalogueIds(
    tx,
    rows.map((r) => r.row),
    orgUnitId,
  );
  // In slices: one statement for 10 000 rows would pass PostgreSQL's 65 535 bind parameters.
  for (const part of chunks(nodes)) await tx.insert(planNodes).values(part);
  for (const part of chunks(rows)) {
    await tx.insert(planIndicators).values(
      part.map(({ planNodeId, position, row: r }) => ({
        planNodeId,
        indicatorId: catalogue(r),
        position,
        unit: r.unit,
        targetMode: inferMode(
          parseTargetSeries({ annual: r.target, quarters: r.quarters }, { decimalSeparator: "." }),
        ),
        targetYear: r.target,
        targetQ1: r.quarters[0],
        targetQ2: r.quarters[1],
        targetQ3: r.quarters[2],
        targetQ4: r.quarters[3],
        definitionId: r.definitionId ?? null,
        renstraIndicatorId: r.renstraIndicatorId ?? null,
      })),
    );
  }
  return plan.id;
}
