import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import type { SetupStatus } from "./schemas.js";

describe.each(testDatabases())("first-day set-up steps on $name", (target) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(target);
  });
  afterAll(() => t.close());

  const stepsOf = (status: SetupStatus | undefined) =>
    Object.fromEntries((status?.steps ?? []).map((s) => [s.key, s.count]));

  it("tells the Metro admin what the office has: facilities, people, forms and a plan, but no SPM adopted", async () => {
    const admin = await TestClient.loggedIn(t.app, "admin.metro");
    const res = await admin.get("/api/setup/status");
    expect(res.statusCode).toBe(200);
    const [metro] = res.json() as SetupStatus[];
    expect(metro?.orgUnit.officeName).toBe("Dinas Kesehatan Kota Metro");
    expect(stepsOf(metro)).toMatchObject({ orgUnits: 13, plan: 1, spm: 0 });
    expect(stepsOf(metro).users).toBeGreaterThanOrEqual(3);
    expect(stepsOf(metro).dataSets).toBeGreaterThanOrEqual(1);
    expect(metro?.done).toBe(false);
  });

  it("shows the Depok admin its adopted SPM and the Renja 2020 (contoh) of the e-SPM demo", async () => {
    const admin = await TestClient.loggedIn(t.app, "admin.depok");
    const [depok] = (await admin.get("/api/setup/status")).json() as SetupStatus[];
    expect(depok?.orgUnit.name).toBe("Kota Depok");
    expect(stepsOf(depok).spm).toBeGreaterThan(0);
    expect(stepsOf(depok).plan).toBe(1);
  });

  it("is not shown to an operator", async () => {
    const operator = await TestClient.loggedIn(t.app, "operator.yosomulyo");
    expect((await operator.get("/api/setup/status")).statusCode).toBe(403);
  });
});
