import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../db/schema/index.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import { fingerprint } from "../test-support/fingerprint.js";
import { prepareIds } from "../test-support/fixture-ids.js";
import { badRequests, type Call } from "../test-support/fuzz-arbitraries.js";
import { all, type Ids, insideMetro, type Method, matrix } from "../test-support/route-rules.js";
import { createTestUser } from "../test-support/users.js";

/** Runs per route; `npm run fuzz` raises it (FUZZ_RUNS) for a longer hunt than CI can afford. */
const RUNS = Number(process.env.FUZZ_RUNS ?? (process.env.npm_lifecycle_event === "fuzz" ? 100 : 5));

/** Routes that end or replace the caller's own session would stop the rest of the walk. */
const skipped = (route: string) => route.startsWith("POST /api/auth/") && route !== "POST /api/auth/login";

describe.each(testDatabases())("every route of the API against malformed requests, on $name", (target) => {
  let t: TestApp;
  let ids: Ids;
  const clients = new Map<Role, TestClient>();

  beforeAll(async () => {
    t = await openTestApp(target);
    const targetId = await createTestUser(t.database.db, "target.metro", "operator_fasyankes", "18.72.01.P2");
    ids = await prepareIds(t.database.db, targetId);
    for (const role of all) clients.set(role, await TestClient.loggedIn(t.app, insideMetro[role]));
  });
  afterAll(() => t.close());

  it("never answers 5xx, and a refused request changes no data", async () => {
    const failures: string[] = [];
    for (const [route, rule] of Object.entries(matrix)) {
      if (skipped(route)) continue;
      const [method] = route.split(" ") as [Method, string];
      // The caller is one who may use the route, so the malformed parts, not the permission, are tested.
      const role = rule.who === "public" || rule.who === "authenticated" ? "admin_dinas" : rule.who[0];
      const client = clients.get(role ?? "admin_dinas") as TestClient;
      await fc.assert(
        fc.asyncProperty(badRequests(), async (mutate) => {
          const call: Call = mutate({ method, ...(await rule.request(ids)) });
          const before = await fingerprint(t.database.db);
          const res = await client.request(
            method,
            call.url,
            method === "GET" ? undefined : (call.body ?? {}),
            call.headers,
          );
          const label = `${route} → ${res.statusCode} for ${call.url} ${describeBody(call.body)}`;
          if (res.statusCode >= 500) failures.push(`${label}: ${res.body.slice(0, 200)}`);
          else if (res.statusCode >= 400 && (await fingerprint(t.database.db)) !== before) {
            failures.push(`${label}: refused but changed data`);
          }
          return true;
        }),
        { numRuns: RUNS },
      );
    }
    expect(failures).toEqual([]);
  }, 3_600_000);
});

function describeBody(body: unknown): string {
  if (Buffer.isBuffer(body)) return `<${body.length} bytes>`;
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return (text ?? "").slice(0, 120);
}
