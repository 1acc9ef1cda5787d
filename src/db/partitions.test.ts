import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit, systemActor } from "../audit/record.js";
import { parsePeriod } from "../domain/index.js";
import { ensurePeriods } from "../periods/commands.js";
import { testDatabases } from "../test-support/databases.js";
import type { DatabaseHandle } from "./client.js";
import { ensureYearPartitions } from "./partitions.js";

/**
 * data_values and audit_log are partitioned by year (migration 0021, docs/SCALING.md §3). A year gets
 * its partitions at the next start or daily upkeep after its first period is stored (migration 0023);
 * until then its rows wait in the DEFAULT partition and then move into their year's.
 */
describe.each(testDatabases())("yearly partitions on $name", (target) => {
  let handle: DatabaseHandle;
  let unit: string;
  let element: string;
  let dataSet: string;
  const rows = async <T>(query: ReturnType<typeof sql>) =>
    ((await handle.db.execute(query)) as unknown as { rows: T[] }).rows;
  const newId = async (query: ReturnType<typeof sql>) => (await rows<{ id: string }>(query))[0]?.id as string;
  const partitionOf = async (period: string) =>
    (
      await rows<{ part: string }>(sql`select tableoid::regclass::text as part from data_values
        where org_unit_id = ${unit} and period = ${period}`)
    )[0]?.part;
  const refused = async (statement: ReturnType<typeof sql>) => {
    const error = await handle.db.execute(statement).then(
      () => undefined,
      (e: Error) => e,
    );
    expect((error?.cause as Error | undefined)?.message ?? error?.message).toMatch(/append-only/);
  };

  beforeAll(async () => {
    handle = await target.open();
    unit = await newId(sql`insert into org_units (code, name, type, owner_type, level, path)
      values ('PT', 'PT', 'puskesmas', 'pemerintah', 1, '/PT/') returning id`);
    element = await newId(sql`insert into data_elements (code, name) values ('PT_E', 'PT_E') returning id`);
    dataSet = await newId(
      sql`insert into data_sets (code, name, period_type) values ('PT_S', 'PT_S', 'month') returning id`,
    );
    await handle.db.execute(sql`insert into data_set_elements (data_set_id, data_element_id, position)
      values (${dataSet}, ${element}, 1)`);
  });
  afterAll(() => handle.close());

  it("files each value under its year: a month of 2019, 2024 and 2031, and a quarter", async () => {
    await ensurePeriods(handle.db, ["201903", "202401", "2024Q1", "203112"].map(parsePeriod));
    expect(await ensureYearPartitions(handle.db)).toContain(2031);
    // One statement across three partitions: the approved totals' trigger must see every row.
    // The unit has no kab/kota above it: it is its own (factDistrictOf), hence its id twice.
    await handle.db.execute(sql`insert into data_set_reports (district_id, data_set_id, org_unit_id, period, status)
      values (${unit}, ${dataSet}, ${unit}, '201903', 'approved'), (${unit}, ${dataSet}, ${unit}, '203112', 'approved')`);
    await handle.db.execute(sql`insert into data_values (district_id, org_unit_id, period, data_element_id, value)
      values (${unit}, ${unit}, '201903', ${element}, 3), (${unit}, ${unit}, '202401', ${element}, 1),
        (${unit}, ${unit}, '2024Q1', ${element}, 4), (${unit}, ${unit}, '203112', ${element}, 12)`);
    expect(await partitionOf("201903")).toBe("data_values_2019");
    expect(await partitionOf("202401")).toBe("data_values_2024");
    expect(await partitionOf("2024Q1")).toBe("data_values_2024");
    expect(await partitionOf("203112")).toBe("data_values_2031");
    const kept = await rows<{ period: string; total: string }>(sql`select period, total::text as total
      from approved_totals where org_unit_id = ${unit} and own order by period`);
    expect(kept.map((k) => [k.period, Number(k.total)])).toEqual([
      ["201903", 3],
      ["203112", 12],
    ]);
  });

  it("keeps a value of a year without a partition in the default one, and the upkeep moves it in", async () => {
    // A save of a new year's first period: its partitions wait for the next start or daily upkeep.
    await ensurePeriods(handle.db, [parsePeriod("2040")]);
    await handle.db.execute(sql`insert into data_values (district_id, org_unit_id, period, data_element_id, value)
      values (${unit}, ${unit}, '2040', ${element}, 40)`);
    expect(await partitionOf("2040")).toBe("data_values_default");
    expect(await ensureYearPartitions(handle.db)).toEqual([2040]);
    expect(await partitionOf("2040")).toBe("data_values_2040");
    expect(await ensureYearPartitions(handle.db)).toEqual([]);
  });

  it("lets ten saves open the months of a new year at once, none failing on the partitions' locks", async () => {
    const saves = Array.from({ length: 10 }, (_, i) =>
      handle.db.transaction(async (tx) => {
        const period = `2061${String(i + 1).padStart(2, "0")}`;
        await ensurePeriods(tx, [parsePeriod(period)]);
        await tx.execute(sql`insert into data_values (district_id, org_unit_id, period, data_element_id, value)
          values (${unit}, ${unit}, ${period}, ${element}, ${i})`);
        await recordAudit(tx, systemActor, {
          action: "data.value_set",
          entityType: "data_value",
          entityId: period,
        });
      }),
    );
    const outcomes = await Promise.allSettled(saves);
    expect(outcomes.filter((o) => o.status === "rejected")).toEqual([]);
    expect(await ensureYearPartitions(handle.db)).toEqual([2061]);
    expect(await partitionOf("206110")).toBe("data_values_2061");
  });

  it("keeps approved totals in step when a value in a partition changes or goes", async () => {
    await handle.db.execute(sql`update data_values set value = value * 2 where org_unit_id = ${unit}`);
    await handle.db.execute(sql`delete from data_values where org_unit_id = ${unit} and period = '201903'`);
    const kept = await rows<{ period: string; total: string }>(sql`select period, total::text as total
      from approved_totals where org_unit_id = ${unit} and own order by period`);
    expect(kept.map((k) => [k.period, Number(k.total)])).toEqual([["203112", 24]]);
  });

  it("keeps the audit trail append-only in every partition, the default included", async () => {
    const count = async () =>
      (await rows<{ n: number }>(sql`select count(*)::int as n from audit_log`))[0]?.n;
    const before = await count();
    await recordAudit(handle.db, systemActor, { action: "plan.update", entityType: "plan", entityId: "p" });
    await handle.db.execute(sql`insert into audit_log (at, action, entity_type) values
      ('2019-06-01T00:00:00Z', 'plan.update', 'plan'), ('2090-06-01T00:00:00Z', 'plan.update', 'plan')`);
    const parts = await rows<{ part: string }>(sql`select distinct tableoid::regclass::text as part
      from audit_log order by 1`);
    const year = new Date().getUTCFullYear();
    expect(parts.map((p) => p.part)).toEqual(["audit_log_2019", `audit_log_${year}`, "audit_log_default"]);
    await refused(sql`update audit_log set reason = 'x'`);
    await refused(sql`delete from audit_log`);
    await refused(sql`truncate audit_log`);
    for (const { part } of parts) {
      await refused(sql.raw(`update ${part} set reason = 'x'`));
      await refused(sql.raw(`delete from ${part}`));
      await refused(sql.raw(`truncate ${part}`));
    }
    // A year opened later takes its records out of the default, and they stay append-only there.
    await handle.db.execute(sql`select create_year_partitions(2090)`);
    await refused(sql`delete from audit_log_2090`);
    await refused(sql`truncate audit_log_2090`);
    expect(await count()).toBe((before ?? 0) + 3);
  });

  it("numbers new audit records after the ones kept", async () => {
    const before = await rows<{ id: number }>(sql`select max(id)::int as id from audit_log`);
    await recordAudit(handle.db, systemActor, { action: "plan.update", entityType: "plan", entityId: "q" });
    const after = await rows<{ id: number }>(sql`select max(id)::int as id from audit_log`);
    expect(after[0]?.id).toBe((before[0]?.id ?? 0) + 1);
  });
});
