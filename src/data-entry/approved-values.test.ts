import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client.js";
import { dataSetReports, dataSets, orgUnits } from "../db/schema/index.js";
import { loadDemo } from "../demo/load-demo.js";
import { testDatabases } from "../test-support/databases.js";
import { approvedValues } from "./approved-values.js";

describe.each(testDatabases())("approved values on $name", (target) => {
  let handle: DatabaseHandle;
  let tapos: { id: string; districtId: string | null };
  const decemberK4 = async () =>
    (await approvedValues(handle.db, "/KEMENKES/32/32.76/", ["201912"], ["BUMIL_K4"])).filter(
      (v) => v.orgUnitId === tapos.id,
    );

  beforeAll(async () => {
    handle = await target.open();
    await loadDemo(handle.db, { monitoring: false });
    const [unit] = await handle.db.select().from(orgUnits).where(eq(orgUnits.code, "32.76.11.P1"));
    tapos = { id: unit?.id as string, districtId: unit?.districtId ?? null };
  });
  afterAll(() => handle.close());

  it("leaves out a month whose report is still waiting for approval", async () => {
    const [report] = await handle.db
      .select()
      .from(dataSetReports)
      .where(and(eq(dataSetReports.orgUnitId, tapos.id), eq(dataSetReports.period, "201912")));
    expect(report?.status).toBe("submitted");
    expect(await decemberK4()).toEqual([]);
  });

  it("does not count a value because another form of the same month was approved", async () => {
    const [other] = await handle.db
      .insert(dataSets)
      .values({ code: "LAIN", name: "Formulir lain", periodType: "month" })
      .returning();
    await handle.db.insert(dataSetReports).values({
      dataSetId: other?.id as string,
      orgUnitId: tapos.id,
      districtId: tapos.districtId,
      period: "201912",
      status: "approved",
    });
    expect(await decemberK4()).toEqual([]);
  });
});
