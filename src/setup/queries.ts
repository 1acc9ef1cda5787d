import { and, count, countDistinct, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { inSubtree } from "../auth/scope-sql.js";
import type { Reader } from "../db/client.js";
import {
  dataSetElements,
  dataSetOrgUnits,
  dataSets,
  orgUnits,
  plans,
  roleAssignments,
  spmAdoptions,
  users,
} from "../db/schema/index.js";
import type { SetupStatus, SetupStepKey } from "./schemas.js";

/** Where a new office stands on its first day: what exists of each thing it must set up, per scope root. */
export async function setupStatus(db: Reader, rootPaths: readonly string[]): Promise<SetupStatus[]> {
  if (rootPaths.length === 0) return [];
  const roots = await db
    .select({ id: orgUnits.id, name: orgUnits.name, officeName: orgUnits.officeName, path: orgUnits.path })
    .from(orgUnits)
    .where(inArray(orgUnits.path, [...rootPaths]));
  return Promise.all(roots.map((root) => statusOf(db, root)));
}

async function statusOf(
  db: Reader,
  root: { id: string; name: string; officeName: string | null; path: string },
): Promise<SetupStatus> {
  const inTree = inSubtree(root.path);
  const [[facilities], [people], [forms], [planCount], [adoptions]] = await Promise.all([
    db
      .select({ n: count() })
      .from(orgUnits)
      .where(
        and(
          inTree,
          isNull(orgUnits.closedOn),
          inArray(orgUnits.type, ["puskesmas", "rsud", "rs_swasta", "klinik"]),
        ),
      ),
    db
      .select({ n: countDistinct(roleAssignments.userId) })
      .from(roleAssignments)
      .innerJoin(orgUnits, eq(orgUnits.id, roleAssignments.orgUnitId))
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(and(inTree, eq(users.isActive, true), ne(roleAssignments.role, "admin_dinas"))),
    // A data set counts once it has elements and someone in this tree reports it.
    db
      .select({ n: countDistinct(dataSets.id) })
      .from(dataSets)
      .innerJoin(dataSetOrgUnits, eq(dataSetOrgUnits.dataSetId, dataSets.id))
      .innerJoin(orgUnits, eq(orgUnits.id, dataSetOrgUnits.orgUnitId))
      .where(
        and(
          inTree,
          sql`exists (select 1 from ${dataSetElements} where ${dataSetElements.dataSetId} = ${dataSets.id})`,
        ),
      ),
    db.select({ n: count() }).from(plans).where(eq(plans.orgUnitId, root.id)),
    db
      .select({ n: count() })
      .from(spmAdoptions)
      .innerJoin(orgUnits, eq(orgUnits.id, spmAdoptions.orgUnitId))
      .where(inTree),
  ]);
  const counts: Record<SetupStepKey, number> = {
    orgUnits: facilities?.n ?? 0,
    users: people?.n ?? 0,
    dataSets: forms?.n ?? 0,
    plan: planCount?.n ?? 0,
    spm: adoptions?.n ?? 0,
  };
  const steps = (Object.keys(counts) as SetupStepKey[]).map((key) => ({
    key,
    done: counts[key] > 0,
    count: counts[key],
  }));
  return {
    orgUnit: { id: root.id, name: root.name, officeName: root.officeName },
    steps,
    done: steps.every((s) => s.done),
  };
}
