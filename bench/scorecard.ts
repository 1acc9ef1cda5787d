import { eq, sql } from "drizzle-orm";
import type { Database, DatabaseHandle } from "../src/db/client.js";
import { orgUnits } from "../src/db/schema/index.js";
import { buildScorecard } from "../src/scorecard/build.js";
import { ms, timed, touchAudit } from "./harness.js";
import { buildForm, rows } from "./kota.js";

/**
 * The scorecard of a kota of 60 puskesmas × 30 ratio indicators over the 12 months of 2024, shown as its
 * four quarters (60 × 30 × 12 months would be 21 600 cells, over the 10 000-cell cap), against one
 * hand-written SQL statement computing the same figures: the approved sums per puskesmas, element and
 * quarter, each indicator's numerator and denominator paired and divided.
 */
const PUSKESMAS = 60;
const INDICATORS = 30;
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const QUARTERS = ["2024Q1", "2024Q2", "2024Q3", "2024Q4"];
const code = (n: number) => `SKOR_${String(n).padStart(3, "0")}`;

async function buildScoreKota(db: Database) {
  const { kota, dataSet, path } = await buildForm(db, "SKOR", "Skor", PUSKESMAS, INDICATORS * 2);
  await db.execute(sql`insert into data_values (district_id, org_unit_id, period, data_element_id, value)
    select ${kota}, ou.id, p.code, de.id, 50 + (abs(hashtext(ou.code || p.code || de.code)) % 50)
    from org_units ou, periods p, data_elements de
    where ou.code like 'SKOR.P%' and p.type = 'month' and p.code like '2024%' and de.code like 'SKOR_%'`);
  await db.execute(sql`insert into data_set_reports (data_set_id, org_unit_id, district_id, period, status)
    select ${dataSet}, ou.id, ${kota}, p.code, 'approved' from org_units ou, periods p
    where ou.code like 'SKOR.P%' and p.type = 'month' and p.code like '2024%'`);
  await db.execute(sql`insert into indicators (code, name, unit, kind, factor, polarity, numerator, denominator, owner_org_unit_id)
    select 'SKOR.' || g, 'Cakupan skor ' || lpad(g::text, 2, '0'), '%', 'ratio', 100, 'higher',
      '#{SKOR_' || lpad(g::text, 3, '0') || '}', '#{SKOR_' || lpad((g + ${INDICATORS})::text, 3, '0') || '}', ${kota}
    from generate_series(1, ${INDICATORS}) g`);
  // Production tables have statistics (autovacuum); a freshly filled bench table needs them asked for.
  await db.execute(sql`analyze`);
  const ids = await rows(db, sql`select id from indicators where code like 'SKOR.%' order by name`);
  return { kota, path, columns: ids.map((r) => `i:${r.id}`) };
}

const MONTHS = Array.from({ length: 12 }, (_, i) => `2024${String(i + 1).padStart(2, "0")}`);
/** Each indicator's numerator and denominator element, as a VALUES list. */
const pairs = () =>
  sql.join(
    Array.from({ length: INDICATORS }, (_, i) => sql`(${code(i + 1)}, ${code(i + 1 + INDICATORS)})`),
    sql`, `,
  );

/** The same figures in one statement: sums per puskesmas, element and quarter; pairs divided. */
function rawScorecard(db: Database, path: string) {
  const list = (items: string[]) =>
    sql.join(
      items.map((i) => sql`${i}`),
      sql`, `,
    );
  return rows(
    db,
    sql`with approved as materialized (
        select distinct r.org_unit_id, r.period, dse.data_element_id, de.code
        from data_set_reports r
        join org_units ou on ou.id = r.org_unit_id
        join data_set_elements dse on dse.data_set_id = r.data_set_id
        join data_elements de on de.id = dse.data_element_id
        where ou.path like ${`${path}%`} and r.status = 'approved' and r.period in (${list(MONTHS)})),
      sums as (
        select a.org_unit_id, p.num, substr(a.period, 1, 4) || 'Q' || ((substr(a.period, 5, 2)::int + 2) / 3) as quarter,
          sum(dv.value) filter (where a.code = p.num) as numerator,
          sum(dv.value) filter (where a.code = p.den) as denominator
        from approved a
        join (values ${pairs()}) as p(num, den) on a.code in (p.num, p.den)
        join data_values dv on dv.org_unit_id = a.org_unit_id and dv.period = a.period
          and dv.data_element_id = a.data_element_id
        group by 1, 2, 3)
      select org_unit_id, num, quarter, numerator::text, denominator::text,
        round(numerator * 100 / nullif(denominator, 0), 4)::text as value
      from sums`,
  );
}

/**
 * The same figures from the sums the database keeps per unit, element and month (approved_totals, the
 * app's own source): the floor under any reading of them.
 */
function keptScorecard(db: Database, kota: string) {
  return rows(
    db,
    sql`with sums as materialized (
        select t.org_unit_id, de.code, substr(t.period, 1, 4) || 'Q' || ((substr(t.period, 5, 2)::int + 2) / 3) as quarter,
          sum(t.total) as total
        from approved_totals t
        join org_units ou on ou.id = t.org_unit_id
        join data_elements de on de.id = t.data_element_id
        where ou.parent_id = ${kota} and not t.own and de.code like 'SKOR%'
          and t.period in (${sql.join(
            MONTHS.map((m) => sql`${m}`),
            sql`, `,
          )})
        group by 1, 2, 3)
      select n.org_unit_id, p.num, n.quarter, n.total::text as numerator, d.total::text as denominator,
        round(n.total * 100 / nullif(d.total, 0), 4)::text as value
      from (values ${pairs()}) as p(num, den)
      join sums n on n.code = p.num
      join sums d on d.code = p.den and d.org_unit_id = n.org_unit_id and d.quarter = n.quarter`,
  );
}

export async function benchScorecard(handle: DatabaseHandle): Promise<string[]> {
  const db = handle.db;
  const { kota, path, columns } = await buildScoreKota(db);
  const [parent] = await db.select().from(orgUnits).where(eq(orgUnits.id, kota));
  if (!parent) throw new Error("no bench kota");
  const query = { parentId: kota, columns, periods: QUARTERS, rows: "children" as const };
  const card = () => buildScorecard(db, parent, query, ["/"]);
  // The figures mean nothing if they differ: the first puskesmas's first indicator in TW I.
  const raw = await rawScorecard(db, path);
  const first = (await card()).rows.find((r) => r.name === "Puskesmas Skor 1");
  const expected = raw.find(
    (r) => r.org_unit_id === first?.id && r.num === code(1) && r.quarter === "2024Q1",
  );
  if (!first || first.cells[0]?.value !== expected?.value?.replace(/\.?0+$/, "")) {
    throw new Error(`cell ${first?.cells[0]?.value} ≠ raw SQL ${expected?.value}`);
  }
  const app = await timed(RUNS, card);
  const cold = await timed(RUNS, card, () => touchAudit(db));
  const base = await timed(RUNS, () => rawScorecard(db, path));
  const kept = await timed(RUNS, () => keptScorecard(db, kota));
  const keptCells = (await keptScorecard(db, kota)).length;
  const cells = PUSKESMAS * INDICATORS * QUARTERS.length;
  return [
    `scorecard, ${PUSKESMAS} puskesmas × ${INDICATORS} ratio indicators × 4 quarters of 12 months (${cells} cells, ` +
      `with the previous quarter for the arrows, ranks and the kota total) (${handle.kind}): ` +
      `ratio ${(app.p50 / base.p50).toFixed(2)}× (p50), ${(app.p95 / base.p95).toFixed(2)}× (p95); ` +
      `after a change ${(cold.p50 / base.p50).toFixed(2)}× / ${(cold.p95 / base.p95).toFixed(2)}×\n` +
      `  buildScorecard, read again with no change since: ${ms(app)}\n` +
      `  buildScorecard right after an audited change (computed afresh): ${ms(cold)}\n` +
      `  raw SQL, sums per puskesmas, element and quarter, paired and divided (${raw.length} cells): ${ms(base)}\n` +
      `  the same from the kept monthly sums (approved_totals, ${keptCells} cells): ${ms(kept)}; after a change ` +
      `${(cold.p50 / kept.p50).toFixed(2)}× / ${(cold.p95 / kept.p95).toFixed(2)}× of it\n` +
      `  after a warm-up each; check: Puskesmas Skor 1, indicator 1, TW I ${expected?.value} = raw SQL`,
  ];
}
