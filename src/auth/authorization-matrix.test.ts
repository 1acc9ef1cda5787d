import { eq, sql } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/client.js";
import { orgUnits, planIndicators, planNodes, plans, skmSurveys, spmServices } from "../db/schema/index.js";
import { rakMetro2024 } from "../demo/rak-metro-2024.js";
import { rakXlsx } from "../reports/rak/index.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import {
  all,
  type Ids,
  insideMetro,
  type Method,
  matrix,
  outsideMetro,
} from "../test-support/route-rules.js";
import { createTestUser } from "../test-support/users.js";

const refusalCodes = new Set(["UNAUTHENTICATED", "FORBIDDEN", "ORG_UNIT_OUT_OF_SCOPE", "NOT_FOUND"]);
const refused = (res: LightMyRequestResponse) =>
  (res.statusCode === 401 || res.statusCode === 403 || res.statusCode === 404) &&
  refusalCodes.has(res.json().error?.code);

/** A digest of everything a refused request must not have changed (sessions and the audit log aside). */
async function fingerprint(db: Database): Promise<string> {
  const tables = [
    "org_units",
    "plans",
    "plan_nodes",
    "plan_indicators",
    "role_assignments",
    "indicators",
    "data_values",
    "data_set_reports",
    "plan_indicator_quarters",
    "plan_node_budget_quarters",
    "target_populations",
    "prevalences",
    "skm_surveys",
    "skm_responses",
    "spm_reports",
    "spm_report_notes",
  ];
  const parts = [];
  for (const table of tables) {
    const [row] = await db
      .execute<{ digest: string }>(
        sql.raw(
          // An order-free sum of row hashes: no sort, so taking it before and after ~1 000 calls stays cheap.
          `select count(*) || ':' || coalesce(sum(hashtextextended(t::text, 0)), 0) as digest from ${table} t`,
        ),
      )
      .then((r) => (r as unknown as { rows: Array<{ digest: string }> }).rows);
    parts.push(row?.digest);
  }
  const [users] = await db
    .execute(
      sql`select md5(string_agg(concat_ws('|', id, username, full_name, email, is_active, must_change_password, password_hash), ',' order by id)) as digest from users`,
    )
    .then((r) => (r as unknown as { rows: Array<{ digest: string }> }).rows);
  return [...parts, users?.digest].join("/");
}

describe.each(testDatabases())("authorization matrix on $name", (target) => {
  let t: TestApp;
  let ids: Ids;
  const clients = new Map<string, TestClient>();
  const results: string[] = [];

  beforeAll(async () => {
    t = await openTestApp(target);
    const db = t.database.db;
    await createTestUser(db, "program.depok", "pengelola_program", "32.76");
    await createTestUser(db, "kadis.depok", "pimpinan", "32.76");
    await createTestUser(db, "auditor.depok", "auditor", "32.76");
    const targetId = await createTestUser(db, "target.metro", "operator_fasyankes", "18.72.01.P2");
    const [yosomulyo] = await db.select().from(orgUnits).where(eq(orgUnits.code, "18.72.01.P2"));
    const [rak] = await db.select().from(plans);
    const spm = await db.execute(sql`select id from spm_versions limit 1`);
    let n = 0;
    const [program] = await db.select().from(planNodes).where(eq(planNodes.level, "program")).limit(1);
    const [indicator] = await db
      .select()
      .from(planIndicators)
      .where(eq(planIndicators.planNodeId, program?.id as string))
      .limit(1);
    const [metro] = await db.select().from(orgUnits).where(eq(orgUnits.code, "18.72"));
    const dataSet = await db.execute(sql`select id from data_sets limit 1`);
    const element = await db.execute(sql`select data_element_id as id from data_set_elements limit 1`);
    const pemenuhan = await db.execute(
      sql`select pi.id from plan_indicators pi join plan_nodes n on n.id = pi.plan_node_id where n.name like 'Program Pemenuhan%' limit 1`,
    );
    const [spmService] = await db.select().from(spmServices).limit(1);
    const skmSurvey = async (period: string) =>
      (
        await db
          .insert(skmSurveys)
          .values({ orgUnitId: yosomulyo?.id as string, serviceId: spmService?.id as string, period })
          .returning()
      )[0]?.id as string;
    ids = {
      spmService: spmService?.id as string,
      skmSurvey: await skmSurvey("2024"),
      skmThrowaway: () => skmSurvey(String(2100 + ++n)),
      programIndicator: (pemenuhan as unknown as { rows: Array<{ id: string }> }).rows[0]?.id as string,
      dataSet: (dataSet as unknown as { rows: Array<{ id: string }> }).rows[0]?.id as string,
      element: async () => (element as unknown as { rows: Array<{ id: string }> }).rows[0]?.id as string,
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
      spmVersion: (spm as unknown as { rows: Array<{ id: string }> }).rows[0]?.id as string,
      target: targetId,
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
    for (const username of [...Object.values(insideMetro), ...Object.values(outsideMetro)]) {
      clients.set(username, await TestClient.loggedIn(t.app, username));
    }
  });
  afterAll(() => t.close());

  it("has a rule for every route in the OpenAPI document", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    const routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(routes.filter((r) => !(r in matrix))).toEqual([]);
    expect(Object.keys(matrix).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it("allows and refuses every route for every role, inside and outside its scope, and anonymously", async () => {
    for (const [route, rule] of Object.entries(matrix)) {
      const [method] = route.split(" ") as [Method, string];
      /**
       * Prepares the request (which may create a throwaway node), then takes the fingerprint when the call
       * is to be refused, then sends.
       */
      const call = async (client: TestClient, toBeRefused: boolean) => {
        const { url, body, headers } = await rule.request(ids);
        const before = toBeRefused ? await fingerprint(t.database.db) : "";
        const res = await client.request(method, url, method === "GET" ? undefined : (body ?? {}), headers);
        return { res, before };
      };

      const anonymous = new TestClient(t.app);
      await anonymous.fetchCsrf();
      const { res: anon, before } = await call(anonymous, rule.who !== "public");
      if (rule.who === "public") expect(refused(anon), `${route} anonymous`).toBe(false);
      else {
        expect(anon.statusCode, `${route} anonymous`).toBe(401);
        expect(await fingerprint(t.database.db), `${route} anonymous changed data`).toBe(before);
      }

      for (const role of all) {
        for (const [scope, usernames] of [
          ["inside", insideMetro],
          ["outside", outsideMetro],
        ] as const) {
          const username = usernames[role];
          const client = rule.consumesSession
            ? await TestClient.loggedIn(t.app, username)
            : (clients.get(username) as TestClient);
          const mayCall = rule.who === "public" || rule.who === "authenticated" || rule.who.includes(role);
          const inScope = scope === "inside" || !rule.scoped;
          const toBeRefused = !mayCall || (rule.scoped === "entity" && !inScope);
          const { res, before } = await call(client, toBeRefused);
          const label = `${route} as ${role} ${scope} (${res.statusCode})`;
          results.push(label);
          if (toBeRefused) {
            expect(refused(res), `${label} should be refused: ${res.body.slice(0, 200)}`).toBe(true);
            expect(await fingerprint(t.database.db), `${label} changed data`).toBe(before);
          } else {
            expect(refused(res), `${label} should be allowed: ${res.body.slice(0, 200)}`).toBe(false);
            expect(res.statusCode, label).toBeLessThan(500);
            if (rule.showsMetro) expect(rule.showsMetro(res.json()), `${label} shows Metro`).toBe(inScope);
          }
        }
      }
    }
    expect(results).toHaveLength(Object.keys(matrix).length * all.length * 2);
  }, 300_000);
});
