import { eq } from "drizzle-orm";
import { recordAudit, systemActor } from "../audit/record.js";
import type { Database } from "../db/client.js";
import {
  appMeta,
  indicators,
  orgUnits,
  planIndicators,
  planNodes,
  plans,
  roleAssignments,
  spmAdoptions,
  spmServices,
  spmTargets,
  spmVersions,
  users,
} from "../db/schema.js";
import { inferMode, parseTargetSeries } from "../domain/index.js";
import { ensurePeriods } from "../periods/queries.js";
import type { RakIndicatorRow } from "../plans/rak-document.js";
import { type DemoOrgUnit, demoOrgUnits } from "./org-units.js";
import { rakMetro2024 } from "./rak-metro-2024.js";
import { spmDepok2017 } from "./spm-depok-2017.js";
import { demoPasswordHash, demoUsers } from "./users.js";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

const DEMO_FLAG = "demo_loaded";

export async function isDemoLoaded(db: Database): Promise<boolean> {
  const rows = await db.select().from(appMeta).where(eq(appMeta.key, DEMO_FLAG));
  return rows.length > 0;
}

/**
 * Loads the demo (seed 000: RAK Kota Metro 2024; seed 004: SPM Kota Depok 2017–2021) in one transaction.
 * Returns false without writing anything when the demo is already there.
 */
export async function loadDemo(db: Database): Promise<boolean> {
  return db.transaction(async (tx) => {
    const existing = await tx.select().from(appMeta).where(eq(appMeta.key, DEMO_FLAG)).for("update");
    if (existing.length > 0) return false;
    await ensurePeriods(tx, 2017, 2026);
    const ids = await insertOrgUnits(tx, demoOrgUnits, null, null, 0, "/");
    const programIndicators = await insertRak(tx, requireId(ids, "18.72"));
    await insertSpm(tx, requireId(ids, "32.76"));
    await insertUsers(tx, ids, programIndicators);
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
  const childDistrict = unit.type === "kabupaten_kota" ? row.id : districtId;
  for (const child of unit.children ?? []) {
    await insertOrgUnits(tx, child, row.id, childDistrict, level + 1, path, ids);
  }
  return ids;
}

/** Inserts the RAK; returns the indicator ids of each program (its own and its kegiatan's) by name. */
async function insertRak(tx: Tx, orgUnitId: string): Promise<Map<string, string[]>> {
  const doc = rakMetro2024;
  const [plan] = await tx
    .insert(plans)
    .values({
      orgUnitId,
      year: doc.year,
      kind: "rak",
      title: doc.title,
      signatoryPosition: doc.signatory.position,
      signatoryName: doc.signatory.name,
      signatoryNip: doc.signatory.nip,
      signedPlace: "Metro",
    })
    .returning({ id: plans.id });
  if (!plan) throw new Error("plan insert returned nothing");
  let position = 0;
  const programIndicators = new Map<string, string[]>();
  let currentProgram: string | null = null;
  const addNode = async (
    parentId: string | null,
    level: "sasaran" | "program" | "kegiatan",
    name: string,
    budget: number | null,
    rows: RakIndicatorRow[],
  ) => {
    const [node] = await tx
      .insert(planNodes)
      .values({ planId: plan.id, districtId: orgUnitId, parentId, level, name, budget, position: position++ })
      .returning({ id: planNodes.id });
    if (!node) throw new Error("plan node insert returned nothing");
    for (const [i, r] of rows.entries()) {
      const indicatorId = await insertIndicator(tx, r, orgUnitId);
      if (currentProgram) programIndicators.get(currentProgram)?.push(indicatorId);
      await tx.insert(planIndicators).values({
        planNodeId: node.id,
        indicatorId,
        position: i,
        unit: r.unit,
        targetMode: inferMode(
          parseTargetSeries({ annual: r.target, quarters: r.quarters }, { decimalSeparator: "." }),
        ),
        targetYear: r.target,
        targetQ1: r.quarters[0],
        targetQ2: r.quarters[1],
        targetQ3: r.quarters[2],
        targetQ4: r.quarters[3],
      });
    }
    return node.id;
  };
  for (const s of doc.sasaran) {
    const sasaranId = await addNode(null, "sasaran", s.name, s.budget, s.indicators);
    for (const p of s.programs) {
      currentProgram = p.name;
      programIndicators.set(p.name, []);
      const programId = await addNode(sasaranId, "program", p.name, p.budget, p.indicators);
      for (const k of p.kegiatan) await addNode(programId, "kegiatan", k.name, k.budget, k.indicators);
    }
  }
  return programIndicators;
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

async function insertIndicator(tx: Tx, { name, unit, polarity }: RakIndicatorRow, ownerOrgUnitId: string) {
  const kind = unit === "%" || unit.startsWith("per ") ? "ratio" : unit === "angka" ? "direct" : "count";
  const factor = unit === "%" ? 100 : unit === "per 100.000 penduduk" ? 100_000 : null;
  const [row] = await tx
    .insert(indicators)
    .values({ name, unit, kind, factor, polarity: polarity ?? "higher", ownerOrgUnitId })
    .returning({ id: indicators.id });
  if (!row) throw new Error("indicator insert returned nothing");
  return row.id;
}

async function insertSpm(tx: Tx, orgUnitId: string): Promise<void> {
  const v = spmDepok2017;
  const [version] = await tx
    .insert(spmVersions)
    .values({ code: v.code, name: v.name, regulation: v.regulation, issuedDate: v.issuedDate })
    .returning({ id: spmVersions.id });
  if (!version) throw new Error("SPM version insert returned nothing");
  for (const s of v.services) {
    const [indicator] = await tx
      .insert(indicators)
      .values({
        code: `SPM-DEPOK-2017-${s.number}`,
        name: s.indicator,
        unit: "%",
        kind: "ratio",
        factor: 100,
      })
      .returning({ id: indicators.id });
    if (!indicator) throw new Error("SPM indicator insert returned nothing");
    const [svc] = await tx
      .insert(spmServices)
      .values({
        versionId: version.id,
        number: s.number,
        name: s.name,
        standardStatement: s.standardStatement,
        indicatorId: indicator.id,
      })
      .returning({ id: spmServices.id });
    if (!svc) throw new Error("SPM service insert returned nothing");
    await tx.insert(spmTargets).values(
      Object.entries(s.targets).map(([year, target]) => ({
        serviceId: svc.id,
        year: Number(year),
        target,
      })),
    );
  }
  await tx.insert(spmAdoptions).values(v.years.map((year) => ({ orgUnitId, year, versionId: version.id })));
}
