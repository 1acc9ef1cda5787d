import { loadDemo } from "./src/demo/load-demo.js";
import { testDatabases } from "./src/test-support/databases.js";
import { buildKota, BENCH_PATH } from "./bench/kota.js";
import { approvedSums } from "./src/data-entry/approved-values.js";
import { sql } from "drizzle-orm";
process.env.TEST_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/test";
const target = testDatabases().find((t) => t.name === (process.argv[2] ?? "postgres"))!;
const handle = await target.open();
const db = handle.db;
await loadDemo(db);
await buildKota(db, 60, 60);
const codes = (await db.execute(sql`select distinct code from data_elements where code like 'BENCH%' or code like 'K%'`)).rows.map((r: any) => r.code);
const months = Array.from({ length: 12 }, (_, i) => `2024${String(i + 1).padStart(2, "0")}`);
console.log(codes.length, codes.slice(0,3));
for (let i = 0; i < 3; i++) await approvedSums(db, BENCH_PATH, months, codes);
const r = await approvedSums({ execute: (q: any) => db.execute(sql`explain (analyze, buffers) ${q}`) } as any, BENCH_PATH, months, codes);
if (0) console.log((r as any).map((x: any) => x["QUERY PLAN"]).join("\n"));
const list = (items: string[]) => sql.join(items.map((i) => sql`${i}`), sql`, `);
const alt = (pre: any) => db.execute(sql`${pre} select de.code as element, v.period, sum(v.value)::text as total
  from data_values v
  join org_units ou on ou.id = v.org_unit_id
  join data_elements de on de.id = v.data_element_id
  where ou.path like ${BENCH_PATH + "%"} and v.period in (${list(months)}) and de.code in (${list(codes)})
    and exists (select 1 from data_set_reports r join data_set_elements dse on dse.data_set_id = r.data_set_id
      where r.org_unit_id = v.org_unit_id and r.period = v.period and r.status = 'approved' and dse.data_element_id = v.data_element_id)
  group by de.code, v.period`);
for (const analyze of [false, true]) {
  if (analyze) await db.execute(sql`analyze`);
  for (let i = 0; i < 3; i++) { const s = performance.now(); await alt(sql``); console.log("alt", analyze, (performance.now() - s).toFixed(1)); }
  for (let i = 0; i < 3; i++) { const s = performance.now(); await approvedSums(db, BENCH_PATH, months, codes); console.log("cur", analyze, (performance.now() - s).toFixed(1)); }
  console.log(((await alt(sql`explain (analyze, buffers)`)) as any).rows.map((x: any) => x["QUERY PLAN"]).join("\n"));
}
console.log("tables", (await db.execute(sql`select relname, n_live_tup from pg_stat_user_tables where relname in ('data_values','data_set_reports','org_units','data_set_elements') `)).rows);
await handle.close();
