import { randomUUID } from "node:crypto";
import { and, eq, max } from "drizzle-orm";
import { type Actor, recordAudit } from "../audit/record.js";
import type { Database, Tx } from "../db/client.js";
import {
  indicatorRealisasiYears,
  type PlanNodeLevel,
  planIndicators,
  planIndicatorYears,
  planNodeBudgetYears,
  planNodes,
  plans,
} from "../db/schema/index.js";
import { parseDecimal } from "../domain/index.js";
import { pickActive } from "../domain/plan-versions.js";
import { chunks } from "../lib/chunks.js";
import { AppError } from "../lib/errors.js";
import { catalogueIds } from "./rak-commands.js";
import { type RenstraDocument, type RenstraIndicatorRow, renstraYears } from "./renstra-types.js";

export interface WriteRenstraInput {
  orgUnitId: string;
  districtId: string | null;
  doc: RenstraDocument;
  version?: number;
  revisionOf?: string | null;
  status?: "draft" | "signed";
}

/**
 * Writes a Renstra as a plan of kind "renstra" (year = its first year, endYear its last) in the caller's
 * transaction: tujuan → sasaran → program nodes, the indicators with their end target, a target row per
 * year and the programs' pagu indikatif per year. Returns the plan id.
 */
export async function writeRenstra(tx: Tx, input: WriteRenstraInput): Promise<string> {
  const { doc, orgUnitId } = input;
  const signed = input.status === "signed";
  const [plan] = await tx
    .insert(plans)
    .values({
      orgUnitId,
      year: doc.startYear,
      endYear: doc.endYear,
      kind: "renstra",
      version: input.version ?? 1,
      revisionOf: input.revisionOf ?? null,
      title: doc.title,
      status: input.status ?? "draft",
      signedAt: signed ? new Date() : null,
      signatoryPosition: doc.signatory.position || null,
      signatoryName: doc.signatory.name || null,
      signatoryNip: doc.signatory.nip || null,
      signedPlace: doc.signatory.place ?? null,
      signedDate: doc.signatory.date ?? null,
    })
    .returning({ id: plans.id });
  if (!plan) throw new Error("plan insert returned nothing");
  const years = renstraYears(doc);
  const nodes: Array<typeof planNodes.$inferInsert> = [];
  const budgets: Array<typeof planNodeBudgetYears.$inferInsert> = [];
  const rows: Array<{ id: string; planNodeId: string; position: number; row: RenstraIndicatorRow }> = [];
  const addNode = (
    parentId: string | null,
    level: PlanNodeLevel,
    node: {
      name: string;
      code?: string;
      indicators: RenstraIndicatorRow[];
      budgets?: Record<number, number | null>;
    },
  ) => {
    const id = randomUUID();
    const amounts = node.budgets ? years.map((y) => node.budgets?.[y] ?? null) : [];
    const total = amounts.some((a) => a !== null) ? amounts.reduce<number>((s, a) => s + (a ?? 0), 0) : null;
    nodes.push({
      id,
      planId: plan.id,
      districtId: input.districtId,
      parentId,
      level,
      code: node.code ?? null,
      name: node.name,
      budget: total,
      position: nodes.length,
    });
    if (node.budgets) {
      for (const [i, year] of years.entries())
        budgets.push({ planNodeId: id, year, amount: amounts[i] ?? null });
    }
    for (const [position, row] of node.indicators.entries()) {
      rows.push({ id: randomUUID(), planNodeId: id, position, row });
    }
    return id;
  };
  for (const t of doc.tujuan) {
    const tujuanId = addNode(null, "tujuan", t);
    for (const s of t.sasaran) {
      const sasaranId = addNode(tujuanId, "sasaran", s);
      for (const p of s.programs) addNode(sasaranId, "program", p);
    }
  }
  const catalogue = await catalogueIds(
    tx,
    rows.map((r) => ({ ...r.row, target: "-", quarters: ["-", "-", "-", "-"] })),
    orgUnitId,
  );
  for (const part of chunks(nodes)) await tx.insert(planNodes).values(part);
  for (const part of chunks(rows)) {
    await tx.insert(planIndicators).values(
      part.map(({ id, planNodeId, position, row: r }) => ({
        id,
        planNodeId,
        indicatorId: catalogue({ ...r, target: "-", quarters: ["-", "-", "-", "-"] }),
        position,
        unit: r.unit,
        targetMode: "year_end_only" as const,
        targetYear: "-",
        targetEnd: r.end,
      })),
    );
  }
  const targets = rows.flatMap(({ id, row }) =>
    years.map((year) => ({ planIndicatorId: id, year, target: row.targets[year] ?? "-" })),
  );
  for (const part of chunks(targets)) await tx.insert(planIndicatorYears).values(part);
  for (const part of chunks(budgets)) await tx.insert(planNodeBudgetYears).values(part);
  return plan.id;
}

/**
 * Imports a Renstra as the next version of the org unit's Renstra starting that year (murni first, then
 * perubahan I, II): one transaction, one audit record naming the version and the warnings shown.
 */
export async function importRenstra(
  db: Database,
  input: { orgUnitId: string; districtId: string | null; doc: RenstraDocument; warnings: number },
  actor: Actor,
) {
  return db.transaction(async (tx) => {
    const same = and(
      eq(plans.orgUnitId, input.orgUnitId),
      eq(plans.year, input.doc.startYear),
      eq(plans.kind, "renstra"),
    );
    const versions = await tx.select().from(plans).where(same).for("update");
    const active = pickActive(versions);
    if (active && active.endYear !== input.doc.endYear) {
      throw new AppError(
        409,
        "RENSTRA_PERIOD_CHANGED",
        `Renstra ${active.year}–${active.endYear} sudah ada; berkas ini ${input.doc.startYear}–${input.doc.endYear}.`,
        `Renstra ${active.year}–${active.endYear} exists; this file covers ${input.doc.startYear}–${input.doc.endYear}.`,
      );
    }
    const [latest] = await tx
      .select({ v: max(plans.version) })
      .from(plans)
      .where(same);
    const version = (latest?.v ?? 0) + 1;
    const id = await writeRenstra(tx, { ...input, version, revisionOf: active?.id ?? null });
    await recordAudit(tx, actor, {
      action: "renstra.import",
      entityType: "plan",
      entityId: id,
      orgUnitId: input.orgUnitId,
      newValue: {
        title: input.doc.title,
        years: `${input.doc.startYear}–${input.doc.endYear}`,
        version,
        warnings: input.warnings,
      },
    });
    return { id, version };
  });
}

/** Links a yearly (PK/RAK) indicator to the Renstra indicator it serves, or unlinks it (null). */
export async function linkToRenstra(
  db: Database,
  target: {
    planIndicatorId: string;
    orgUnitId: string;
    renstraIndicatorId: string | null;
    reason?: string | undefined;
  },
  actor: Actor,
) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ link: planIndicators.renstraIndicatorId, revision: planIndicators.revision })
      .from(planIndicators)
      .where(eq(planIndicators.id, target.planIndicatorId))
      .for("update");
    if (!before) throw new Error("indicator vanished");
    const [after] = await tx
      .update(planIndicators)
      .set({ renstraIndicatorId: target.renstraIndicatorId, revision: before.revision + 1 })
      .where(eq(planIndicators.id, target.planIndicatorId))
      .returning({ revision: planIndicators.revision });
    await recordAudit(tx, actor, {
      action: "plan.indicator_link",
      entityType: "plan_indicator",
      entityId: target.planIndicatorId,
      orgUnitId: target.orgUnitId,
      oldValue: { renstraIndicatorId: before.link },
      newValue: { renstraIndicatorId: target.renstraIndicatorId },
      reason: target.reason ?? null,
    });
    return { revision: after?.revision ?? before.revision + 1 };
  });
}

export interface YearRealisasiInput {
  orgUnitId: string;
  districtId: string | null;
  indicatorId: string;
  year: number;
  /** As typed ("72,21" or "72.21"); stored canonical. */
  value: string;
  note: string | null;
  /** The revision the edit started from; null when nothing was entered for that year yet. */
  revision: number | null;
}

/** Enters (or corrects) the year-end realisasi of an indicator, audited with the old and new value. */
export async function saveYearRealisasi(db: Database, input: YearRealisasiInput, actor: Actor) {
  let value: string;
  try {
    value = parseDecimal(input.value);
  } catch {
    throw new AppError(
      400,
      "REALISASI_INVALID",
      `Realisasi "${input.value}" bukan angka.`,
      `Realisasi "${input.value}" is not a number.`,
    );
  }
  return db.transaction(async (tx) => {
    const key = and(
      eq(indicatorRealisasiYears.orgUnitId, input.orgUnitId),
      eq(indicatorRealisasiYears.indicatorId, input.indicatorId),
      eq(indicatorRealisasiYears.year, input.year),
    );
    const [before] = await tx.select().from(indicatorRealisasiYears).where(key).for("update");
    if ((before?.revision ?? null) !== input.revision) {
      throw new AppError(
        409,
        "REVISION_CONFLICT",
        "Realisasi ini baru saja diubah orang lain; muat ulang lalu coba lagi.",
        "Someone else just changed this realisasi; reload and try again.",
        { revision: before?.revision ?? null },
      );
    }
    const fields = { value, note: input.note, updatedAt: new Date() };
    const [saved] = before
      ? await tx
          .update(indicatorRealisasiYears)
          .set({ ...fields, revision: before.revision + 1 })
          .where(key)
          .returning()
      : await tx
          .insert(indicatorRealisasiYears)
          .values({
            ...fields,
            orgUnitId: input.orgUnitId,
            districtId: input.districtId,
            indicatorId: input.indicatorId,
            year: input.year,
          })
          .returning();
    if (!saved) throw new Error("realisasi write returned nothing");
    await recordAudit(tx, actor, {
      action: "renstra.realisasi_set",
      entityType: "indicator_realisasi_year",
      entityId: saved.id,
      orgUnitId: input.orgUnitId,
      oldValue: before ? { year: before.year, value: before.value, note: before.note } : null,
      newValue: { indicatorId: input.indicatorId, year: input.year, value, note: input.note },
    });
    return { revision: saved.revision, value: saved.value };
  });
}
