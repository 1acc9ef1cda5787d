import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import { createTestUser } from "../test-support/users.js";
import type { OrgUnit } from "./schemas.js";

describe.each(testDatabases())("org units API on $name", (target) => {
  let t: TestApp;
  let units: OrgUnit[];
  let client: TestClient;
  beforeAll(async () => {
    t = await openTestApp(target);
    await createTestUser(t.database.db, "auditor.nasional", "auditor", "KEMENKES");
    client = await TestClient.loggedIn(t.app, "auditor.nasional");
    units = (await client.get("/api/org-units")).json();
  });
  afterAll(() => t.close());

  it("lists the demo tree with both Dinas under their provinces", () => {
    const metro = units.find((u) => u.code === "18.72");
    const lampung = units.find((u) => u.code === "18");
    expect(metro?.officeName).toBe("Dinas Kesehatan Kota Metro");
    expect(metro?.parentId).toBe(lampung?.id);
    expect(units.find((u) => u.code === "32.76")?.officeName).toBe("Dinas Kesehatan Kota Depok");
  });

  it("lists units in tree order: every unit comes after its parent", () => {
    const seen = new Set<string>();
    for (const unit of units) {
      if (unit.parentId) expect(seen.has(unit.parentId)).toBe(true);
      seen.add(unit.id);
    }
  });

  it("gives Kota Metro its 11 puskesmas and 2 RSUD (the '11 dan 2' of the RAK)", async () => {
    const metro = units.find((u) => u.code === "18.72");
    const res = await client.get(`/api/org-units?within=${metro?.id}`);
    const subtree: OrgUnit[] = res.json();
    expect(subtree.filter((u) => u.type === "puskesmas")).toHaveLength(11);
    expect(subtree.filter((u) => u.type === "rsud")).toHaveLength(2);
    expect(subtree.every((u) => u.path.startsWith(metro?.path ?? "?"))).toBe(true);
  });

  it("filters by type", async () => {
    const res = await client.get("/api/org-units?type=kabupaten_kota");
    expect(res.json().map((u: OrgUnit) => u.name)).toEqual(["Kota Metro", "Kota Depok"]);
  });

  it("shows a puskesmas operator only its own facility", async () => {
    const operator = await TestClient.loggedIn(t.app, "operator.yosomulyo");
    const own: OrgUnit[] = (await operator.get("/api/org-units")).json();
    expect(own.map((u) => u.name)).toEqual(["Puskesmas Yosomulyo"]);
    const metro = units.find((u) => u.code === "18.72");
    expect((await operator.get(`/api/org-units/${metro?.id}`)).statusCode).toBe(403);
    expect((await operator.get(`/api/org-units?within=${metro?.id}`)).statusCode).toBe(403);
  });

  it("refuses anonymous readers with a 401", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/org-units" });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe("Silakan masuk terlebih dahulu.");
  });

  it("refuses an unknown type with a 400", async () => {
    const res = await client.get("/api/org-units?type=planet");
    expect(res.statusCode).toBe(400);
  });

  it("answers an unknown subtree root with a 404", async () => {
    const res = await client.get("/api/org-units?within=00000000-0000-4000-8000-000000000000");
    expect(res.statusCode).toBe(404);
  });
});
