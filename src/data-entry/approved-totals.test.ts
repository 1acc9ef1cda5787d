import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client.js";
import { canonical } from "../domain/index.js";
import { ensurePeriodsOfYears } from "../periods/commands.js";
import { testDatabases } from "../test-support/databases.js";

/**
 * The sums the database keeps (approved_totals, migration 0019) always equal the approved values
 * counted from nothing, whatever happens in between: values written, changed and removed, reports
 * approved, returned and deleted, an element added to or taken out of a data set, a clinic moved to
 * another puskesmas, an owner type changed. Element E2 sits in both data sets.
 */
const MONTHS = ["202401", "202402"];
const ELEMENTS = ["AT_E1", "AT_E2", "AT_E3"];
const SETS = [
  { name: "AT_A", elements: ["AT_E1", "AT_E2"] },
  { name: "AT_B", elements: ["AT_E2", "AT_E3"] },
];
const UNITS = [
  { code: "AT", parent: null, type: "kabupaten_kota", owner: null },
  { code: "AT.1", parent: "AT", type: "kecamatan", owner: null },
  { code: "AT.2", parent: "AT", type: "kecamatan", owner: null },
  { code: "AT.1.P", parent: "AT.1", type: "puskesmas", owner: "pemerintah" },
  { code: "AT.2.P", parent: "AT.2", type: "puskesmas", owner: "pemerintah" },
  { code: "AT.K", parent: "AT.1.P", type: "klinik", owner: "swasta" },
] as const;
const FACILITIES = ["AT.1.P", "AT.2.P", "AT.K"];

const amount = fc.oneof(
  fc.integer({ min: -50, max: 5000 }).map(String),
  fc.integer({ min: 0, max: 99_999 }).map((n) => canonical(`${Math.trunc(n / 100)}.${n % 100}`)),
);
const facility = fc.constantFrom(...FACILITIES);
const month = fc.constantFrom(...MONTHS);
const operation = fc.oneof(
  fc.record({
    kind: fc.constant("value" as const),
    facility,
    month,
    element: fc.constantFrom(...ELEMENTS),
    value: fc.option(amount, { freq: 4 }),
  }),
  fc.record({
    kind: fc.constant("report" as const),
    facility,
    month,
    set: fc.constantFrom(...SETS.map((s) => s.name)),
    status: fc.constantFrom("approved", "approved", "submitted", "returned", null),
  }),
  fc.record({ kind: fc.constant("month approved" as const), month }),
  fc.record({ kind: fc.constant("E3 in set A" as const), on: fc.boolean() }),
  fc.record({ kind: fc.constant("clinic under" as const), puskesmas: fc.constantFrom("AT.1.P", "AT.2.P") }),
  fc.record({
    kind: fc.constant("owner" as const),
    facility,
    owner: fc.constantFrom("swasta", "bumd", null),
  }),
);

describe.each(testDatabases())("approved totals kept by the database on $name", (target) => {
  let handle: DatabaseHandle;
  const id = new Map<string, string>();
  const rows = async <T>(query: ReturnType<typeof sql>) =>
    ((await handle.db.execute(query)) as unknown as { rows: T[] }).rows;
  const one = async (query: ReturnType<typeof sql>) => (await rows<{ id: string }>(query))[0]?.id as string;

  beforeAll(async () => {
    handle = await target.open();
    await ensurePeriodsOfYears(handle.db, 2024, 2024);
    for (const [level, u] of UNITS.entries()) {
      const parent = u.parent ? id.get(u.parent) : null;
      const path = `${u.parent ? (await rows<{ path: string }>(sql`select path from org_units where id = ${parent}`))[0]?.path : "/"}${u.code}/`;
      id.set(
        u.code,
        await one(sql`insert into org_units (parent_id, code, name, type, owner_type, level, path)
          values (${parent}, ${u.code}, ${u.code}, ${u.type}, ${u.owner}, ${level + 2}, ${path}) returning id`),
      );
    }
    for (const e of ELEMENTS)
      id.set(e, await one(sql`insert into data_elements (code, name) values (${e}, ${e}) returning id`));
    for (const s of SETS) {
      const set = await one(
        sql`insert into data_sets (code, name, period_type) values (${s.name}, ${s.name}, 'month') returning id`,
      );
      id.set(s.name, set);
      for (const [i, e] of s.elements.entries())
        await handle.db.execute(sql`insert into data_set_elements (data_set_id, data_element_id, position)
          values (${set}, ${id.get(e)}, ${i + 1})`);
    }
  });
  afterAll(() => handle.close());

  // These units have no kab/kota above them: each is its own (factDistrictOf), hence its id twice.
  const apply = async (op: Operation) => {
    const db = handle.db;
    switch (op.kind) {
      case "value": {
        const key = sql`org_unit_id = ${id.get(op.facility)} and period = ${op.month} and data_element_id = ${id.get(op.element)}`;
        if (op.value === null) await db.execute(sql`delete from data_values where ${key}`);
        else
          await db.execute(sql`insert into data_values (district_id, org_unit_id, period, data_element_id, value)
            values (${id.get(op.facility)}, ${id.get(op.facility)}, ${op.month}, ${id.get(op.element)}, ${op.value})
            on conflict (org_unit_id, period, data_element_id, district_id) do update set value = excluded.value`);
        return;
      }
      case "report": {
        const key = sql`data_set_id = ${id.get(op.set)} and org_unit_id = ${id.get(op.facility)} and period = ${op.month}`;
        if (op.status === null) await db.execute(sql`delete from data_set_reports where ${key}`);
        else
          await db.execute(sql`insert into data_set_reports (district_id, data_set_id, org_unit_id, period, status)
            values (${id.get(op.facility)}, ${id.get(op.set)}, ${id.get(op.facility)}, ${op.month}, ${op.status})
            on conflict (data_set_id, org_unit_id, period, district_id) do update set status = excluded.status`);
        return;
      }
      case "month approved":
        await db.execute(sql`update data_set_reports set status = 'approved' where period = ${op.month}`);
        return;
      case "E3 in set A":
        if (op.on)
          await db.execute(sql`insert into data_set_elements (data_set_id, data_element_id, position)
            values (${id.get("AT_A")}, ${id.get("AT_E3")}, 3) on conflict do nothing`);
        else
          await db.execute(
            sql`delete from data_set_elements where data_set_id = ${id.get("AT_A")} and data_element_id = ${id.get("AT_E3")}`,
          );
        return;
      case "clinic under":
        // As the org unit move does it: the parent first, then the paths.
        await db.transaction(async (tx) => {
          await tx.execute(sql`update org_units set parent_id = ${id.get(op.puskesmas)} where code = 'AT.K'`);
          await tx.execute(sql`update org_units set path = p.path || 'AT.K/' from org_units p
            where p.id = ${id.get(op.puskesmas)} and org_units.code = 'AT.K'`);
        });
        return;
      case "owner":
        await db.execute(sql`update org_units set owner_type = ${op.owner} where code = ${op.facility}`);
    }
  };

  it("equal the approved values counted from nothing after any sequence of changes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 25 }), async (operations) => {
        for (const op of operations) await apply(op);
        const kept = await rows<{ key: string; total: string; n: number }>(sql`
          select concat_ws('|', ou.code, t.own, t.period, de.code, t.owner_type) as key, t.total::text as total,
            t.value_count as n
          from approved_totals t join org_units ou on ou.id = t.org_unit_id
          join data_elements de on de.id = t.data_element_id where ou.code like 'AT%'`);
        // From nothing, by path: the rule as approved-values.ts states it.
        const fresh = await rows<{ key: string; total: string; n: number }>(sql`
          with counted as (
            select f.path, f.code, coalesce(f.owner_type, '') as owner_type, v.period, de.code as element, v.value
            from data_values v join org_units f on f.id = v.org_unit_id
            join data_elements de on de.id = v.data_element_id
            where f.code like 'AT%' and exists (select 1 from data_set_reports r
              join data_set_elements dse on dse.data_set_id = r.data_set_id
              where r.org_unit_id = v.org_unit_id and r.period = v.period and r.status = 'approved'
                and dse.data_element_id = v.data_element_id))
          select concat_ws('|', code, true, period, element, owner_type) as key, value::text as total, 1 as n
          from counted
          union all
          select concat_ws('|', a.code, false, c.period, c.element, c.owner_type), sum(c.value)::text, count(*)::int
          from counted c join org_units a on c.path like a.path || '%' and a.code like 'AT%'
          group by a.code, c.period, c.element, c.owner_type`);
        const byKey = (list: Array<{ key: string; total: string; n: number }>) =>
          new Map(list.map((r) => [r.key, `${canonical(r.total)} from ${Number(r.n)}`]));
        expect(byKey(kept)).toEqual(byKey(fresh));
      }),
      { numRuns: process.env.CI ? 15 : 30 },
    );
  });
});

type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;
