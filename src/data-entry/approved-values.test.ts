import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client.js";
import { dataSetReports, dataSets, orgUnits } from "../db/schema/index.js";
import { loadDemo } from "../demo/load-demo.js";
import { factDistrictOf } from "../domain/org-unit-tree.js";
import { testDatabases } from "../test-support/databases.js";
import { approvedSums, approvedValues } from "./approved-values.js";

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

  it("sums the approved values of the kota per element and month, as adding them one by one does", async () => {
    const months = ["201901", "201902", "201903", "201912"];
    const codes = ["BUMIL_K4", "BULIN_FASYANKES"];
    const byHand = new Map<string, number>();
    for (const v of await approvedValues(handle.db, "/KEMENKES/32/32.76/", months, codes)) {
      const key = `${v.element}|${v.period}`;
      byHand.set(key, (byHand.get(key) ?? 0) + Number(v.total));
    }
    const summed = await approvedSums(handle.db, "/KEMENKES/32/32.76/", months, codes);
    expect(summed.length).toBeGreaterThan(0);
    expect(new Map(summed.map((s) => [`${s.element}|${s.period}`, Number(s.total)]))).toEqual(byHand);
  });

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
      districtId: factDistrictOf(tapos),
      period: "201912",
      status: "approved",
    });
    expect(await decemberK4()).toEqual([]);
  });
});
