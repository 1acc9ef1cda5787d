import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orgUnits } from "../db/schema/index.js";
import type { SpmAchievement } from "../spm/achievement-schemas.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";

describe.each(testDatabases())("the SPM roll-up follows the tree on $name", (target) => {
  let t: TestApp;
  let admin: TestClient;
  const id = async (code: string) =>
    (await t.database.db.select().from(orgUnits).where(eq(orgUnits.code, code)))[0]?.id as string;
  const k4 = async (code: string) => {
    const res = await admin.get(`/api/spm/achievement?orgUnitId=${await id(code)}&year=2019`);
    const service = (res.json() as SpmAchievement).services[0];
    return {
      total: Number(service?.numerator),
      swasta: Number(service?.byProvider.find((p) => p.provider === "SWASTA")?.numerator ?? 0),
    };
  };

  beforeAll(async () => {
    t = await openTestApp(target);
    admin = await TestClient.loggedIn(t.app, "admin.depok");
  });
  afterAll(() => t.close());

  it("counts a private clinic in the puskesmas it is moved under, and the kota total stays", async () => {
    const [kota, from, to] = [await k4("32.76"), await k4("32.76.08.P1"), await k4("32.76.01.P1")];
    const clinic = await k4("32.76.08.S1");
    expect(clinic.total).toBeGreaterThan(0);
    const res = await admin.request("POST", `/api/org-units/${await id("32.76.08.S1")}/move`, {
      parentId: await id("32.76.01.P1"),
      reason: "Klinik pindah alamat ke wilayah Puskesmas Beji",
    });
    expect(res.statusCode).toBe(200);
    expect((await k4("32.76.08.P1")).total).toBe(from.total - clinic.total);
    expect((await k4("32.76.01.P1")).total).toBe(to.total + clinic.total);
    expect((await k4("32.76.01.P1")).swasta).toBe(to.swasta + clinic.swasta);
    expect((await k4("32.76")).total).toBe(kota.total);
  });
});
