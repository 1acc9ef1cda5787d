import { and, eq, inArray } from "drizzle-orm";
import { type Actor, recordAudit } from "../audit/record.js";
import type { Database } from "../db/client.js";
import { planNodes, plans, spmBudgetLinks, spmServices } from "../db/schema/index.js";
import { AppError } from "../lib/errors.js";
import { adoptedVersion } from "./achievement-data.js";
import { BUDGET_NODE_LEVELS, BUDGET_PLAN_KINDS } from "./budget-link-queries.js";
import type { SpmBudgetLinkSave } from "./budget-link-schemas.js";

const invalid = (code: string, id: string, en: string, details?: unknown) =>
  new AppError(400, code, id, en, details);

/** The service must belong to the SPM version the region follows that year. */
async function checkService(db: Database, region: { name: string; path: string }, year: number, id: string) {
  const version = await adoptedVersion(db, region.path, year);
  if (!version) {
    throw new AppError(
      404,
      "SPM_NOT_ADOPTED",
      `${region.name} belum menetapkan versi SPM untuk tahun ${year}.`,
      `${region.name} has not adopted an SPM version for ${year}.`,
    );
  }
  const [service] = await db
    .select({ id: spmServices.id })
    .from(spmServices)
    .where(and(eq(spmServices.versionId, version.id), eq(spmServices.id, id)));
  if (!service) {
    throw invalid(
      "SPM_SERVICE_NOT_IN_VERSION",
      `Jenis pelayanan itu bukan bagian dari ${version.regulation} yang berlaku tahun ${year}.`,
      `That service is not part of ${version.regulation}, which applies in ${year}.`,
      { serviceId: id },
    );
  }
}

/** Every node named must be a kegiatan or sub kegiatan of this region's RAK, PK or Renja of that year. */
async function checkKegiatan(db: Database, regionId: string, year: number, ids: string[]) {
  if (new Set(ids).size !== ids.length) {
    throw invalid("SPM_KEGIATAN_TWICE", "Satu kegiatan dipilih dua kali.", "A kegiatan was chosen twice.");
  }
  if (ids.length === 0) return;
  const found = await db
    .select({ id: planNodes.id })
    .from(planNodes)
    .innerJoin(plans, eq(plans.id, planNodes.planId))
    .where(
      and(
        inArray(planNodes.id, ids),
        inArray(planNodes.level, [...BUDGET_NODE_LEVELS]),
        eq(plans.orgUnitId, regionId),
        eq(plans.year, year),
        inArray(plans.kind, [...BUDGET_PLAN_KINDS]),
      ),
    );
  const known = new Set(found.map((f) => f.id));
  const stranger = ids.find((id) => !known.has(id));
  if (stranger) {
    throw invalid(
      "SPM_KEGIATAN_INVALID",
      `Yang dipilih bukan kegiatan atau sub kegiatan dalam RAK, PK atau Renja unit ini tahun ${year}.`,
      `What was chosen is not a kegiatan or sub kegiatan of this unit's RAK, PK or Renja of ${year}.`,
      { planNodeId: stranger },
    );
  }
}

/**
 * Sets which kegiatan serve one SPM service in a year (their pagu becomes its budget in the quarterly
 * report): one transaction, one audit record with the kegiatan before and after. A kegiatan kept keeps
 * its share of the pagu.
 */
export async function setSpmBudgetLinks(
  db: Database,
  region: { id: string; name: string; path: string },
  input: SpmBudgetLinkSave,
  actor: Actor,
) {
  const { year, serviceId, planNodeIds } = input;
  await checkService(db, region, year, serviceId);
  await checkKegiatan(db, region.id, year, planNodeIds);
  return db.transaction(async (tx) => {
    const key = and(
      eq(spmBudgetLinks.orgUnitId, region.id),
      eq(spmBudgetLinks.year, year),
      eq(spmBudgetLinks.serviceId, serviceId),
    );
    const before = (await tx.select().from(spmBudgetLinks).where(key).for("update")).map((b) => b.planNodeId);
    const wanted = new Set(planNodeIds);
    const gone = before.filter((id) => !wanted.has(id));
    const added = planNodeIds.filter((id) => !before.includes(id));
    if (gone.length === 0 && added.length === 0) return { serviceId, planNodeIds: before, changed: false };
    if (gone.length > 0)
      await tx.delete(spmBudgetLinks).where(and(key, inArray(spmBudgetLinks.planNodeId, gone)));
    if (added.length > 0) {
      await tx
        .insert(spmBudgetLinks)
        .values(added.map((planNodeId) => ({ orgUnitId: region.id, year, serviceId, planNodeId })));
    }
    const after = [...before.filter((id) => wanted.has(id)), ...added];
    await recordAudit(tx, actor, {
      action: "spm.budget_link_set",
      entityType: "spm_budget_link",
      entityId: `${region.id}/${year}/${serviceId}`,
      orgUnitId: region.id,
      oldValue: { planNodeIds: before },
      newValue: { planNodeIds: after },
      reason: input.reason ?? null,
    });
    return { serviceId, planNodeIds: after, changed: true };
  });
}
