import { eq, sql } from "drizzle-orm";
import { formContext } from "../src/data-entry/form.js";
import { saveValues } from "../src/data-entry/save.js";
import type { Database, DatabaseHandle } from "../src/db/client.js";
import { orgUnits } from "../src/db/schema/index.js";
import { computeEvaluation } from "../src/evaluation/compute.js";
import { importRak } from "../src/plans/import-version.js";
import type { RakDocument } from "../src/plans/rak-document.js";
import { measure, report } from "./harness.js";

const PUSKESMAS = 20;
const ELEMENTS = 200;
const actor = { userId: null, username: "bench", requestId: null };
type Rows = { rows: Array<Record<string, string>> };
const rows = async (db: Database, query: ReturnType<typeof sql>) =>
  ((await db.execute(query)) as unknown as Rows).rows;

/**
 * A kota of 20 puskesmas reporting 200 data elements every month of 2024 (48 000 approved values), and
 * a RAK whose 100 indicators are ratios of pairs of those elements.
 */
async function buildKota(db: Database) {
  const [root] = await db.select().from(orgUnits).where(eq(orgUnits.code, "18"));
  const kota = (
    await rows(
      db,
      sql`insert into org_units (parent_id, code, name, office_name, type, level, path)
      values (${root?.id}, 'BENCH', 'Kota Bench', 'Dinas Kesehatan Kota Bench', 'kabupaten_kota', 2, '/KEMENKES/18/BENCH/') returning id`,
    )
  )[0]?.id as string;
  await db.execute(sql`insert into org_units (parent_id, district_id, code, name, type, level, path)
    select ${kota}, ${kota}, 'BENCH.P' || g, 'Puskesmas Bench ' || g, 'puskesmas', 3, '/KEMENKES/18/BENCH/BENCH.P' || g || '/'
    from generate_series(1, ${PUSKESMAS}) g`);
  await db.execute(sql`insert into data_elements (code, name)
    select 'BENCH_' || lpad(g::text, 3, '0'), 'Data bench ' || g from generate_series(1, ${ELEMENTS}) g`);
  const dataSet = (
    await rows(
      db,
      sql`insert into data_sets (code, name, period_type) values ('BENCH', 'Bench', 'month') returning id`,
    )
  )[0]?.id as string;
  await db.execute(sql`insert into data_set_elements (data_set_id, data_element_id, position)
    select ${dataSet}, id, row_number() over (order by code) from data_elements where code like 'BENCH_%'`);
  await db.execute(sql`insert into data_set_org_units (data_set_id, org_unit_id)
    select ${dataSet}, id from org_units where code like 'BENCH.P%'`);
  await db.execute(sql`insert into data_values (district_id, org_unit_id, period, data_element_id, value)
    select ${kota}, ou.id, p.code, de.id, 50 + (abs(hashtext(ou.code || p.code || de.code)) % 50)
    from org_units ou, periods p, data_elements de
    where ou.code like 'BENCH.P%' and p.type = 'month' and p.code like '2024%' and de.code like 'BENCH_%'`);
  await db.execute(sql`insert into data_set_reports (data_set_id, org_unit_id, district_id, period, status)
    select ${dataSet}, ou.id, ${kota}, p.code, 'approved' from org_units ou, periods p
    where ou.code like 'BENCH.P%' and p.type = 'month' and p.code like '2024%'`);
  const indicators = Array.from({ length: ELEMENTS / 2 }, (_, i) => ({
    name: `Cakupan bench ${i + 1}`,
    unit: "%",
    target: "90",
    quarters: ["22.5", "22.5", "22.5", "22.5"] as [string, string, string, string],
  }));
  const doc: RakDocument = {
    title: "RAK Bench",
    orgUnitName: "Dinas Kesehatan Kota Bench",
    year: 2024,
    signatory: { position: "Kepala Dinas", name: "Bench", nip: "-" },
    sasaran: [{ name: "Sasaran bench", budget: null, indicators, programs: [] }],
  };
  const { planId } = await importRak(db, { orgUnitId: kota, doc }, actor);
  await db.execute(sql`update indicators set numerator = '#{BENCH_' || lpad(substring(name from 15)::text, 3, '0') || '}',
    denominator = '#{BENCH_' || lpad((substring(name from 15)::int + 100)::text, 3, '0') || '}'
    where name like 'Cakupan bench %'`);
  return { planId, dataSet, kota };
}

export async function benchDataEntry(handle: DatabaseHandle): Promise<string[]> {
  const db = handle.db;
  const { planId, dataSet } = await buildKota(db);
  const lines: string[] = [];
  lines.push(
    report(
      `quarterly evaluation, TW IV, ${PUSKESMAS} puskesmas × 12 months × ${ELEMENTS} data elements (${handle.kind})`,
      await measure("computeEvaluation (100 ratio indicators)", 5, () => computeEvaluation(db, planId, 4)),
      await measure("raw SQL: approved sums by element and month", 5, () =>
        db.execute(sql`select de.code, dv.period, sum(dv.value) from data_values dv
          join data_elements de on de.id = dv.data_element_id join org_units ou on ou.id = dv.org_unit_id
          where ou.path like '/KEMENKES/18/BENCH/%' and dv.period like '2024__' and exists (select 1 from data_set_reports r
            where r.org_unit_id = dv.org_unit_id and r.period = dv.period and r.status = 'approved')
          group by de.code, dv.period`),
      ),
    ),
  );
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
          tx.execute(sql`insert into data_values (org_unit_id, period, data_element_id, value)
            select ${unit}, '202412', data_element_id, 1 from data_set_elements where data_set_id = ${dataSet} order by position limit 100
            on conflict (org_unit_id, period, data_element_id) do update set value = excluded.value + 1, revision = data_values.revision + 1`),
        ),
      ),
    ),
  );
  return lines;
}
