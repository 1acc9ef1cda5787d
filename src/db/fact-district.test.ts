import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit, systemActor } from "../audit/record.js";
import { loadDemo } from "../demo/load-demo.js";
import { testDatabases } from "../test-support/databases.js";
import type { DatabaseHandle } from "./client.js";
import { orgUnits } from "./schema/index.js";

/** Every fact table and how a row finds the unit whose kab/kota it must carry. */
const FACTS = [
  sql`select 'data_values' as tbl, f.district_id, f.org_unit_id from data_values f`,
  sql`select 'data_set_reports', f.district_id, f.org_unit_id from data_set_reports f`,
  sql`select 'target_populations', f.district_id, f.org_unit_id from target_populations f`,
  sql`select 'skm_surveys', f.district_id, f.org_unit_id from skm_surveys f`,
  sql`select 'skm_responses', f.district_id, s.org_unit_id from skm_responses f join skm_surveys s on s.id = f.survey_id`,
  sql`select 'audit_log', f.district_id, f.org_unit_id from audit_log f where f.org_unit_id in (select id from org_units)`,
];

describe.each(testDatabases())("the kab/kota every fact row is kept under, on $name", (target) => {
  let handle: DatabaseHandle;
  const rows = async <T>(query: ReturnType<typeof sql>) =>
    ((await handle.db.execute(query)) as unknown as { rows: T[] }).rows;

  beforeAll(async () => {
    handle = await target.open();
    await loadDemo(handle.db);
  });
  afterAll(() => handle.close());

  it("is the unit's kab/kota, or the kab/kota's own, on every value, report, population, survey and audit record", async () => {
    const wrong = await rows<{ tbl: string; n: number }>(sql`select tbl, count(*)::int as n
      from (${sql.join(FACTS, sql` union all `)}) f (tbl, district_id, org_unit_id)
      join org_units ou on ou.id = f.org_unit_id
      where f.district_id <> coalesce(ou.district_id, ou.id) group by tbl`);
    expect(wrong).toEqual([]);
    const counted = await rows<{ n: number }>(sql`select count(*)::int as n from data_values`);
    expect(counted[0]?.n).toBeGreaterThan(1000);
  });

  it("files an audit record under its unit's kab/kota, and one of no unit under none", async () => {
    const [puskesmas] = await handle.db.select().from(orgUnits).where(eq(orgUnits.code, "18.72.01.P2"));
    await handle.db.transaction((tx) =>
      recordAudit(
        tx,
        systemActor,
        { action: "test.unit", entityType: "test", entityId: "a", orgUnitId: puskesmas?.id as string },
        { action: "test.national", entityType: "test", entityId: "b" },
      ),
    );
    const records = await rows<{ action: string; district_id: string }>(
      sql`select action, district_id from audit_log where entity_type = 'test' order by action`,
    );
    expect(records).toEqual([
      { action: "test.national", district_id: "00000000-0000-0000-0000-000000000000" },
      { action: "test.unit", district_id: puskesmas?.districtId },
    ]);
  });
});
