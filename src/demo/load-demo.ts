import { eq } from "drizzle-orm";
import { recordAudit, systemActor } from "../audit/record.js";
import type { Database, Tx } from "../db/client.js";
import {
  appMeta,
  orgUnits,
  planIndicators,
  planNodes,
  roleAssignments,
  spmAdoptions,
  users,
} from "../db/schema/index.js";
import { kabKotaOf } from "../domain/org-unit-tree.js";
import { ensurePeriodsOfYears } from "../periods/commands.js";
import { writeRak } from "../plans/rak-commands.js";
import { ensureSpmVersion, SPM_CATALOGUE } from "../spm/catalogue.js";
import { insertDemoDataEntry } from "./data-entry.js";
import { insertMetroDefinitions } from "./metro-2024-definitions.js";
import { insertMetroEvaluation } from "./metro-2024-evaluation.js";
import { insertMetroReports } from "./metro-2024-reports.js";
import { type DemoOrgUnit, demoOrgUnits } from "./org-units.js";
import { insertDemoPrevalences } from "./populations.js";
import { rakMetro2024 } from "./rak-metro-2024.js";
import { insertMetroRenstra } from "./renstra-metro-2025.js";
import { insertDemoSkm } from "./skm.js";
import { insertDemoSpmData } from "./spm-data.js";
import { spmDepok2017 } from "./spm-depok-2017.js";
import { insertDemoSpm2020 } from "./spm-depok-2020.js";
import { demoPasswordHash, demoUsers } from "./users.js";

const DEMO_FLAG = "demo_loaded";

export async function isDemoLoaded(db: Database): Promise<boolean> {
  const rows = await db.select().from(appMeta).where(eq(appMeta.key, DEMO_FLAG));
  return rows.length > 0;
}

export interface DemoOptions {
  /**
   * Kota Metro's monitoring of 2024 (definitions linked to the RAK, monthly reports January–September,
   * realisasi, analyses and budget spent), so the evaluation has a year to show. Off: the RAK and the
   * empty form only, for tests that enter Metro's 2024 themselves.
   */
  monitoring?: boolean;
}

/**
 * Loads the demo (seed 000: RAK Kota Metro 2024; seed 004: SPM Kota Depok 2017–2021) in one transaction.
 * Returns false without writing anything when the demo is already there.
 */
export async function loadDemo(db: Database, options: DemoOptions = {}): Promise<boolean> {
  const monitoring = options.monitoring ?? true;
  return db.transaction(async (tx) => {
    const existing = await tx.select().from(appMeta).where(eq(appMeta.key, DEMO_FLAG)).for("update");
    if (existing.length > 0) return false;
    await ensurePeriodsOfYears(tx, 2017, 2026);
    const ids = await insertOrgUnits(tx, demoOrgUnits, null, null, 0, "/");
    const programIndicators = await insertRak(tx, requireId(ids, "18.72"));
    await insertSpm(tx, requireId(ids, "32.76"));
    const metroForm = await insertDemoDataEntry(tx, requireId(ids, "18.72"), monitoring);
    await insertDemoPrevalences(tx);
    await insertDemoSpmData(tx, requireId(ids, "32.76"));
    await insertDemoSpm2020(tx, requireId(ids, "32.76"));
    await insertDemoSkm(tx, requireId(ids, "32.76"));
    await insertUsers(tx, ids, programIndicators);
    if (monitoring) {
      await insertMetroDefinitions(tx, requireId(ids, "18.72"));
      await insertMetroReports(tx, requireId(ids, "18.72"), metroForm);
      await insertMetroEvaluation(tx, requireId(ids, "18.72"));
      await insertMetroRenstra(tx, requireId(ids, "18.72"));
    }
    await tx.insert(appMeta).values({ key: DEMO_FLAG, value: new Date().toISOString() });
    await recordAudit(tx, systemActor, {
      action: "demo.load",
      entityType: "installation",
      newValue: { seeds: ["000 RAK Kota Metro 2024", "004 Perwal Depok 57/2017"], users: demoUsers.length },
    });
    return true;
  });
}

function requireId(ids: Map<string, string>, code: string): string {
  const id = ids.get(code);
  if (!id) throw new Error(`demo org unit ${code} missing`);
  return id;
}

async function insertOrgUnits(
  tx: Tx,
  unit: DemoOrgUnit,
  parentId: string | null,
  districtId: string | null,
  level: number,
  parentPath: string,
  ids = new Map<string, string>(),
): Promise<Map<string, string>> {
  const path = `${parentPath}${unit.code}/`;
  const [row] = await tx
    .insert(orgUnits)
    .values({
      parentId,
      districtId,
      code: unit.code,
      name: unit.name,
      officeName: unit.officeName ?? null,
      type: unit.type,
      ownerType: unit.ownerType ?? null,
      isBlud: unit.isBlud ?? false,
      level,
      path,
    })
    .returning({ id: orgUnits.id });
  if (!row) throw new Error(`insert of ${unit.code} returned nothing`);
  ids.set(unit.code, row.id);
  const childDistrict = kabKotaOf({ id: row.id, type: unit.type, districtId });
  for (const child of unit.children ?? []) {
    await insertOrgUnits(tx, child, row.id, childDistrict, level + 1, path, ids);
  }
  return ids;
}

/** Writes the RAK; returns the indicator ids of each program (its own and its kegiatan's) by name. */
async function insertRak(tx: Tx, orgUnitId: string): Promise<Map<string, string[]>> {
  const planId = await writeRak(tx, { orgUnitId, districtId: orgUnitId, doc: rakMetro2024 });
  const plan = await tx
    .select({
      nodeId: planNodes.id,
      parentId: planNodes.parentId,
      level: planNodes.level,
      name: planNodes.name,
    })
    .from(planNodes)
    .where(eq(planNodes.planId, planId));
  const rows = await tx
    .select({ nodeId: planIndicators.planNodeId, indicatorId: planIndicators.indicatorId })
    .from(planIndicators)
    .innerJoin(planNodes, eq(planNodes.id, planIndicators.planNodeId))
    .where(eq(planNodes.planId, planId));
  const programOf = new Map<string, string>();
  for (const n of plan.filter((n) => n.level === "program")) programOf.set(n.nodeId, n.name);
  for (const n of plan.filter((n) => n.level === "kegiatan" && n.parentId)) {
    programOf.set(n.nodeId, programOf.get(n.parentId as string) as string);
  }
  const byProgram = new Map<string, string[]>();
  for (const r of rows) {
    const program = programOf.get(r.nodeId);
    if (program) byProgram.set(program, [...(byProgram.get(program) ?? []), r.indicatorId]);
  }
  return byProgram;
}

async function insertUsers(
  tx: Tx,
  orgUnitIds: Map<string, string>,
  programIndicators: Map<string, string[]>,
) {
  const passwordHash = await demoPasswordHash();
  for (const u of demoUsers) {
    const [user] = await tx
      .insert(users)
      .values({
        username: u.username,
        fullName: u.fullName,
        passwordHash,
        mustChangePassword: false,
        isDemo: true,
      })
      .returning({ id: users.id });
    if (!user) throw new Error("user insert returned nothing");
    await tx.insert(roleAssignments).values({
      userId: user.id,
      role: u.role,
      orgUnitId: requireId(orgUnitIds, u.orgUnitCode),
      indicatorIds: u.program ? (programIndicators.get(u.program) ?? null) : null,
    });
  }
}

/** Depok adopts the catalogue's Perwal 57/2017 for the years of its Lampiran I (2020 then moves to Permenkes 4/2019). */
async function insertSpm(tx: Tx, orgUnitId: string): Promise<void> {
  const [entry, ...national] = SPM_CATALOGUE;
  if (!entry) throw new Error("SPM catalogue is empty");
  for (const other of national) await ensureSpmVersion(tx, other);
  const version = await ensureSpmVersion(tx, entry);
  await tx
    .insert(spmAdoptions)
    .values(spmDepok2017.years.map((year) => ({ orgUnitId, year, versionId: version.id })));
}
