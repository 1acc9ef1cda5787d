import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApp, type TestApp } from "./app.js";
import { TestClient } from "./client.js";
import { testDatabases } from "./databases.js";
import { fingerprint } from "./fingerprint.js";

/** The matrix, fuzz and regression tests trust this token to catch a refused request that wrote data. */
describe.each(testDatabases())("the data fingerprint on $name", (target) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(target);
  });
  afterAll(() => t.close());

  it("changes with a committed write, not with a rolled-back one, a no-op update or failed logins", async () => {
    const db = t.database.db;
    const start = await fingerprint(db);
    await db
      .transaction(async (tx) => {
        await tx.execute(sql`update org_units set name = name || ' x'`);
        throw new Error("roll back");
      })
      .catch(() => {});
    await db.execute(sql`update org_units set name = name`);
    const anonymous = new TestClient(t.app);
    await anonymous.fetchCsrf();
    const login = await anonymous.request("POST", "/api/auth/login", {
      username: "operator.yosomulyo",
      password: "wrong",
    });
    expect(login.statusCode).toBe(401);
    expect(await fingerprint(db)).toBe(start);

    await db.execute(
      sql`update users set full_name = full_name || '.' where username = 'operator.yosomulyo'`,
    );
    const afterUser = await fingerprint(db);
    expect(afterUser).not.toBe(start);
    await db.execute(sql`delete from data_values where ctid in (select ctid from data_values limit 1)`);
    expect(await fingerprint(db)).not.toBe(afterUser);
  });
});
