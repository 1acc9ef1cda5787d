import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../db/client.js";
import {
  indicators,
  jobs,
  orgUnits,
  planIndicators,
  planNodes,
  plans,
  skmSurveys,
  spmServices,
} from "../db/schema/index.js";
import { rakMetro2024 } from "../demo/rak-metro-2024.js";
import { insertMetroRenstra, renstraMetro2025 } from "../demo/renstra-metro-2025.js";
import { factDistrictOf } from "../domain/org-unit-tree.js";
import { rakXlsx } from "../reports/rak/index.js";
import { renstraXlsx } from "../reports/renstra/index.js";
import type { Ids } from "./route-rules.js";

const firstId = (result: unknown) => (result as { rows: Array<{ id: string }> }).rows[0]?.id as string;

/** The demo's entities every route rule can address, plus factories of throwaway ones for destructive calls. */
export async function prepareIds(db: Database, target: string): Promise<Ids> {
  const [yosomulyo] = await db.select().from(orgUnits).where(eq(orgUnits.code, "18.72.01.P2"));
  const [metro] = await db.select().from(orgUnits).where(eq(orgUnits.code, "18.72"));
  // The demo also holds a Depok Renja and Metro's Renstra and PK: the rules address Metro's RAK.
  const [rak] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.orgUnitId, metro?.id as string), eq(plans.kind, "rak")));
  const spm = await db.execute(sql`select id from spm_versions limit 1`);
  let n = 0;
  const [program] = await db
    .select()
    .from(planNodes)
    .where(and(eq(planNodes.planId, rak?.id as string), eq(planNodes.level, "program")))
    .limit(1);
  const [indicator] = await db
    .select()
    .from(planIndicators)
    .where(eq(planIndicators.planNodeId, program?.id as string))
    .limit(1);
  const dataSet = await db.execute(sql`select id from data_sets limit 1`);
  const element = await db.execute(sql`select data_element_id as id from data_set_elements limit 1`);
  const pemenuhan = await db.execute(
    sql`select pi.id from plan_indicators pi join plan_nodes n on n.id = pi.plan_node_id where n.name like 'Program Pemenuhan%' limit 1`,
  );
  const [spmService] = await db.select().from(spmServices).limit(1);
  const catalogue = await db.execute(sql`select indicator_id as id from plan_indicators limit 1`);
  const skmSurvey = async (period: string) =>
    (
      await db
        .insert(skmSurveys)
        .values({
          districtId: factDistrictOf(yosomulyo as typeof orgUnits.$inferSelect),
          orgUnitId: yosomulyo?.id as string,
          serviceId: spmService?.id as string,
          period,
        })
        .returning()
    )[0]?.id as string;
  const renstra = await demoRenstra(db, metro?.id as string);
  // An import job the target user ran at Puskesmas Yosomulyo: only Metro's admin may follow it too.
  const [job] = await db
    .insert(jobs)
    .values({ kind: "dhis2.import", status: "done", createdBy: target, orgUnitId: yosomulyo?.id as string })
    .returning();
  return {
    job: job?.id as string,
    ...renstra,
    spmService: spmService?.id as string,
    skmSurvey: await skmSurvey("2024"),
    skmThrowaway: () => skmSurvey(String(2100 + ++n)),
    programIndicator: firstId(pemenuhan),
    catalogueIndicator: firstId(catalogue),
    dataSet: firstId(dataSet),
    element: async () => firstId(element),
    metro: metro?.id as string,
    rakFile: await rakXlsx(rakMetro2024),
    program: program?.id as string,
    indicator: indicator?.id as string,
    throwaway: async () => {
      const [node] = await db
        .insert(planNodes)
        .values({
          planId: rak?.id as string,
          parentId: program?.id,
          level: "kegiatan",
          name: "sementara",
          position: 9999,
        })
        .returning();
      return node?.id as string;
    },
    yosomulyo: yosomulyo?.id as string,
    rak: rak?.id as string,
    spmVersion: firstId(spm),
    target,
    counter: () => ++n,
    orgUnitThrowaway: async (closed = false) => {
      const code = `18.72.T${++n}`;
      const [unit] = await db
        .insert(orgUnits)
        .values({
          parentId: metro?.id,
          districtId: metro?.id,
          code,
          name: "Kecamatan Sementara",
          type: "kecamatan",
          level: (metro?.level ?? 0) + 1,
          path: `${metro?.path}${code}/`,
          closedOn: closed ? "2025-12-31" : null,
        })
        .returning();
      return unit?.id as string;
    },
  };
}

/** The demo Renstra and PK 2025 (loaded with the monitoring; added here when the demo came without it). */
async function demoRenstra(db: Database, metroId: string) {
  const find = () =>
    db
      .select()
      .from(plans)
      .where(inArray(plans.kind, ["renstra", "pk"]));
  if ((await find()).length === 0) await db.transaction((tx) => insertMetroRenstra(tx, metroId));
  const found = await find();
  const renstra = found.find((p) => p.kind === "renstra");
  const pk = found.find((p) => p.kind === "pk");
  const neonatal = (planId: string) =>
    db
      .select({ id: planIndicators.id, indicatorId: planIndicators.indicatorId })
      .from(planIndicators)
      .innerJoin(planNodes, eq(planNodes.id, planIndicators.planNodeId))
      .innerJoin(indicators, eq(indicators.id, planIndicators.indicatorId))
      .where(and(eq(planNodes.planId, planId), eq(indicators.name, "Jumlah kasus kematian neonatal")));
  const [iku] = await neonatal(renstra?.id as string);
  const [served] = await neonatal(pk?.id as string);
  return {
    renstra: renstra?.id as string,
    renstraFile: await renstraXlsx(renstraMetro2025),
    renstraIndicator: iku?.id as string,
    renstraCatalogue: iku?.indicatorId as string,
    pk: pk?.id as string,
    pkIndicator: served?.id as string,
  };
}
