import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import { fingerprint } from "../test-support/fingerprint.js";
import { prepareIds } from "../test-support/fixture-ids.js";
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
    ids = await prepareIds(db, targetId);
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
