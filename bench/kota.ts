import { eq, sql } from "drizzle-orm";
import type { Database } from "../src/db/client.js";
import { orgUnits } from "../src/db/schema/index.js";
import { importRak } from "../src/plans/import-version.js";
import type { RakDocument } from "../src/plans/rak-document.js";

const actor = { userId: null, username: "bench", requestId: null };
type Rows = { rows: Array<Record<string, string>> };
export const rows = async (db: Database, query: ReturnType<typeof sql>) =>
  ((await db.execute(query)) as unknown as Rows).rows;

export const BENCH_PATH = "/KEMENKES/18/BENCH/";

/**
 * A kota `code` under province 18 with `puskesmas` puskesmas assigned one monthly data set of `elements`
 * data elements (`<code>_001` …): the reporting structure a bench fills with values.
 */
export async function buildForm(
  db: Database,
  code: string,
  label: string,
  puskesmas: number,
  elements: number,
) {
  const [root] = await db.select().from(orgUnits).where(eq(orgUnits.code, "18"));
  const path = `/KEMENKES/18/${code}/`;
  const kota = (
    await rows(
      db,
      sql`insert into org_units (parent_id, code, name, office_name, type, level, path)
      values (${root?.id}, ${code}, ${`Kota ${label}`}, ${`Dinas Kesehatan Kota ${label}`}, 'kabupaten_kota', 2, ${path}) returning id`,
    )
  )[0]?.id as string;
  await db.execute(sql`insert into org_units (parent_id, district_id, code, name, type, level, path)
    select ${kota}, ${kota}, ${`${code}.P`} || g, ${`Puskesmas ${label} `} || g, 'puskesmas', 3, ${`${path}${code}.P`} || g || '/'
    from generate_series(1, ${puskesmas}) g`);
  await db.execute(sql`insert into data_elements (code, name)
    select ${`${code}_`} || lpad(g::text, 3, '0'), ${`Data ${label} `} || g from generate_series(1, ${elements}) g`);
  const dataSet = (
    await rows(
      db,
      sql`insert into data_sets (code, name, period_type) values (${code}, ${label}, 'month') returning id`,
    )
  )[0]?.id as string;
  await db.execute(sql`insert into data_set_elements (data_set_id, data_element_id, position)
    select ${dataSet}, id, row_number() over (order by code) from data_elements where code like ${`${code}_%`}`);
  await db.execute(sql`insert into data_set_org_units (data_set_id, org_unit_id)
    select ${dataSet}, id from org_units where code like ${`${code}.P%`}`);
  return { kota, dataSet, path };
}

/**
 * A kota of `puskesmas` puskesmas reporting `elements` data elements every month of 2024, every report
 * approved, and a RAK whose `elements / 2` indicators are ratios of pairs of those elements.
 */
export async function buildKota(db: Database, puskesmas: number, elements: number) {
  const { kota, dataSet } = await buildForm(db, "BENCH", "Bench", puskesmas, elements);
  await db.execute(sql`insert into data_values (district_id, org_unit_id, period, data_element_id, value)
    select ${kota}, ou.id, p.code, de.id, 50 + (abs(hashtext(ou.code || p.code || de.code)) % 50)
    from org_units ou, periods p, data_elements de
    where ou.code like 'BENCH.P%' and p.type = 'month' and p.code like '2024%' and de.code like 'BENCH_%'`);
  await db.execute(sql`insert into data_set_reports (data_set_id, org_unit_id, district_id, period, status)
    select ${dataSet}, ou.id, ${kota}, p.code, 'approved' from org_units ou, periods p
    where ou.code like 'BENCH.P%' and p.type = 'month' and p.code like '2024%'`);
  const pairs = elements / 2;
  const indicators = Array.from({ length: pairs }, (_, i) => ({
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
    denominator = '#{BENCH_' || lpad((substring(name from 15)::int + ${pairs})::text, 3, '0') || '}'
    where name like 'Cakupan bench %'`);
  return { planId, dataSet, kota };
}
