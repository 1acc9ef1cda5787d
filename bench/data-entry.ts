import { sql } from "drizzle-orm";
import { formContext } from "../src/data-entry/form.js";
import { saveValues } from "../src/data-entry/save.js";
import type { DatabaseHandle } from "../src/db/client.js";
import { measure, report } from "./harness.js";
import { buildKota, rows } from "./kota.js";

const PUSKESMAS = 20;
const ELEMENTS = 200;
const actor = { userId: null, username: "bench", requestId: null };

export async function benchDataEntry(handle: DatabaseHandle): Promise<string[]> {
  const db = handle.db;
  const { dataSet } = await buildKota(db, PUSKESMAS, ELEMENTS);
  const lines: string[] = [];
  const unit = (await rows(db, sql`select id from org_units where code = 'BENCH.P1'`))[0]?.id as string;
  await db.execute(sql`delete from data_values where org_unit_id = ${unit} and period = '202501'`);
  await db.execute(
    sql`insert into periods (code, type, start_date, end_date) values ('202501', 'month', '2025-01-01', '2025-01-31') on conflict do nothing`,
  );
  const elements = await rows(
    db,
    sql`select data_element_id as id from data_set_elements where data_set_id = ${dataSet} order by position limit 100`,
  );
  const key = { dataSetId: dataSet, orgUnitId: unit, period: "202501" };
  const context = await formContext(db, key);
  let round = 0;
  const revisions = new Map<string, number | null>();
  lines.push(
    report(
      `saving one form of 100 values (${handle.kind})`,
      await measure("saveValues (revision check, audit, one transaction)", 30, async () => {
        round++;
        await saveValues(
          db,
          context,
          {
            ...key,
            values: elements.map((e) => ({
              dataElementId: e.id as string,
              value: String(round),
              revision: revisions.get(e.id as string) ?? null,
            })),
          },
          actor,
        );
        for (const e of elements) revisions.set(e.id as string, (revisions.get(e.id as string) ?? 0) + 1);
      }),
      await measure("raw SQL: one multi-row upsert of 100 values", 30, () =>
        db.transaction((tx) =>
          tx.execute(sql`insert into data_values (district_id, org_unit_id, period, data_element_id, value)
            select coalesce(ou.district_id, ou.id), ou.id, '202412', data_element_id, 1
            from data_set_elements join org_units ou on ou.id = ${unit}
            where data_set_id = ${dataSet} order by position limit 100
            on conflict (org_unit_id, period, data_element_id, district_id) do update set value = excluded.value + 1, revision = data_values.revision + 1`),
        ),
      ),
    ),
  );
  return lines;
}
