import { and, eq, max } from "drizzle-orm";
import { type Actor, recordAudit } from "../audit/record.js";
import type { Database, Reader } from "../db/client.js";
import { plans } from "../db/schema/index.js";
import { pickActive } from "../domain/plan-versions.js";
import { AppError } from "../lib/errors.js";
import { carryOver } from "./carry-over.js";
import { matchPlans } from "./plan-diff.js";
import type { PlanContext } from "./queries.js";
import { writeRak } from "./rak-commands.js";
import { readRak } from "./rak-queries.js";

/** The RAK version of an org unit and year that is in force (see pickActive), if there is one. */
export async function activeVersion(db: Reader, orgUnitId: string, year: number) {
  const versions = await db
    .select()
    .from(plans)
    .where(and(eq(plans.orgUnitId, orgUnitId), eq(plans.year, year), eq(plans.kind, "rak")));
  return pickActive(versions);
}

/** The next version number of the RAK of an org unit and year (1 when there is none yet). */
export async function nextVersion(db: Reader, orgUnitId: string, year: number): Promise<number> {
  const [latest] = await db
    .select({ version: max(plans.version) })
    .from(plans)
    .where(and(eq(plans.orgUnitId, orgUnitId), eq(plans.year, year), eq(plans.kind, "rak")));
  return (latest?.version ?? 0) + 1;
}

/** Signs a draft: the plan is frozen from then on and can only change through a revision. */
export async function signPlan(
  db: Database,
  plan: PlanContext,
  at: { place: string; date: string },
  actor: Actor,
) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(plans).where(eq(plans.id, plan.id)).for("update");
    if (row?.status !== "draft") {
      throw new AppError(
        409,
        "PLAN_SIGNED",
        "Rencana ini sudah ditandatangani.",
        "This plan is already signed.",
      );
    }
    const [after] = await tx
      .update(plans)
      .set({
        status: "signed",
        signedAt: new Date(),
        signedBy: actor.userId,
        signedPlace: at.place,
        signedDate: at.date,
      })
      .where(eq(plans.id, plan.id))
      .returning();
    await recordAudit(tx, actor, {
      action: "plan.sign",
      entityType: "plan",
      entityId: plan.id,
      orgUnitId: plan.orgUnitId,
      oldValue: { status: row.status },
      newValue: { status: "signed", signedPlace: at.place, signedDate: at.date },
    });
    return after;
  });
}

/** Starts a revision (perubahan) of a signed plan: a new draft version; the signed one stays as history. */
export async function revisePlan(db: Database, plan: PlanContext, reason: string | undefined, actor: Actor) {
  const doc = await readRak(db, plan.id);
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(plans).where(eq(plans.id, plan.id)).for("update");
    if (!row || !doc) throw new Error("plan vanished");
    if (row.status !== "signed") {
      throw new AppError(
        409,
        "PLAN_NOT_SIGNED",
        "Rencana ini masih draf: ubah langsung, tidak perlu versi baru.",
        "This plan is still a draft: edit it directly, no new version is needed.",
      );
    }
    const version = await nextVersion(tx, row.orgUnitId, row.year);
    const unsigned = {
      ...doc,
      signatory: { position: doc.signatory.position, name: doc.signatory.name, nip: doc.signatory.nip },
    };
    const id = await writeRak(tx, {
      orgUnitId: row.orgUnitId,
      districtId: plan.districtId,
      doc: unsigned,
      version,
      revisionOf: row.id,
    });
    await carryOver(tx, row, id, matchPlans(doc, unsigned), actor);
    await recordAudit(tx, actor, {
      action: "plan.revise",
      entityType: "plan",
      entityId: id,
      orgUnitId: plan.orgUnitId,
      oldValue: { planId: row.id, version: row.version },
      newValue: { planId: id, version },
      reason,
    });
    return { id, version };
  });
}
