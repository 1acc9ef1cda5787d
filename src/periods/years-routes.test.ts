import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import type { YearsWithData } from "./schemas.js";

describe.each(testDatabases())("the years each screen has data in, on $name", (target) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(target, 10_000, { demo: { monitoring: true } });
  }, 60_000);
  afterAll(() => t.close());

  const yearsOf = async (username: string) =>
    (await (await TestClient.loggedIn(t.app, username)).get("/api/years-with-data")).json() as YearsWithData;

  it("gives Kota Metro's staff 2024 for the RAK and the reports, and the form's latest month", async () => {
    const years = await yearsOf("kadis.metro");
    expect(years.plans).toEqual([2024]);
    expect(years.data).toEqual([2024]);
    expect(years.any).toContain(2024);
    expect(years.latestPeriods.map((l) => l.period)).toEqual(["202409"]);
  });

  it("gives an operator only its own puskesmas's reports, and no plans it may not read", async () => {
    const years = await yearsOf("operator.yosomulyo");
    expect(years.plans).toEqual([]);
    expect(years.data).toEqual([2024]);
    expect(years.latestPeriods.map((l) => l.period)).toEqual(["202409"]);
  });

  it("shows Kota Depok's admin Depok's SPM years and none of Metro's", async () => {
    const years = await yearsOf("admin.depok");
    // The RAK screens open on RAK years; Depok's Renja 2020 (contoh) only budgets the e-SPM report.
    expect(years.plans).toEqual([]);
    expect(years.populations).toEqual([2019, 2020]);
    expect(years.spm).toContain(2019);
    expect(years.data).not.toContain(2024);
  });
});
