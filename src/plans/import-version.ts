import { and, eq } from "drizzle-orm";
import { type Actor, recordAudit } from "../audit/record.js";
import type { Database, Reader } from "../db/client.js";
import { orgUnits, plans } from "../db/schema/index.js";
import { kabKotaOf } from "../domain/org-unit-tree.js";
import { pickActive } from "../domain/plan-versions.js";
import { AppError } from "../lib/errors.js";
import { carryOver } from "./carry-over.js";
import { diffPlans, matchPlans } from "./plan-diff.js";
import { writeRak } from "./rak-commands.js";
import type { RakDocument } from "./rak-document.js";
import { readRak } from "./rak-queries.js";

/**
 * An imported document against the stored versions of its org unit and year: the changes from the
 * version in force, and which version it is identical to, if any. Besides the version in force, a
 * newer draft counts too, so that importing one file twice never stacks two identical drafts.
 */
async function compare(db: Reader, orgUnitId: string, doc: RakDocument) {
  const versions = await db
    .select()
    .from(plans)
    .where(and(eq(plans.orgUnitId, orgUnitId), eq(plans.year, doc.year), eq(plans.kind, "rak")));
  const active = pickActive(versions);
  const latest = versions.reduce<(typeof versions)[number] | undefined>(
    (a, v) => (a && a.version > v.version ? a : v),
    undefined,
  );
  const before = active && (await readRak(db, active.id));
  const match = before ? matchPlans(before, doc) : undefined;
  let sameAs = active && match?.changes.length === 0 ? active.version : null;
  if (sameAs === null && latest && latest !== active) {
    const newest = await readRak(db, latest.id);
    if (newest && diffPlans(newest, doc).length === 0) sameAs = latest.version;
  }
  return { active, match, sameAs, nextVersion: (latest?.version ?? 0) + 1 };
}

/** What saving an import would do: the version it follows, what changes, whether anything does. */
export async function importPreview(db: Database, orgUnitId: string, doc: RakDocument) {
  const { active, match, sameAs, nextVersion } = await compare(db, orgUnitId, doc);
  return {
    active: active ? { planId: active.id, version: active.version, status: active.status } : null,
    nextVersion,
    sameAs,
    changes: match?.changes ?? [],
  };
}

const unchanged = (version: number) =>
  new AppError(
    409,
    "PLAN_UNCHANGED",
    `Tidak ada perubahan: berkas ini sama dengan versi ${version}, jadi tidak dibuat versi baru.`,
    `No changes: this file is the same as version ${version}, so no new version was made.`,
    { version },
  );

/**
 * Imports a RAK as the next version of its org unit and year, in one transaction: refused when it is
 * the same as a stored version; otherwise a revision of the version in force that keeps the work
 * (realisasi, analysis, budget realisasi) of the rows that are the same.
 */
export async function importRak(db: Database, input: { orgUnitId: string; doc: RakDocument }, actor: Actor) {
  return db.transaction(async (tx) => {
    // Two imports at once for the same unit: the second waits here and then compares with the first.
    const [unit] = await tx
      .select({ id: orgUnits.id, districtId: orgUnits.districtId, type: orgUnits.type })
      .from(orgUnits)
      .where(eq(orgUnits.id, input.orgUnitId))
      .for("update");
    const districtId = unit ? kabKotaOf(unit) : null;
    const { active, match, sameAs, nextVersion: version } = await compare(tx, input.orgUnitId, input.doc);
    if (sameAs !== null) throw unchanged(sameAs);
    const planId = await writeRak(tx, { ...input, districtId, version, revisionOf: active?.id ?? null });
    await recordAudit(tx, actor, {
      action: "plan.import",
      entityType: "plan",
      entityId: planId,
      orgUnitId: input.orgUnitId,
      oldValue: active ? { planId: active.id, version: active.version, changes: match?.changes } : null,
      newValue: input.doc,
    });
    const carried =
      active && match
        ? await carryOver(tx, active, planId, match, actor)
        : { indicatorQuarters: 0, budgetQuarters: 0 };
    return { planId, version, changes: match?.changes ?? [], carried };
  });
}
