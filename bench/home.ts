import { sql } from "drizzle-orm";
import type { Database, DatabaseHandle } from "../src/db/client.js";
import { home } from "../src/home/home-queries.js";
import { ms, timed, touchAudit } from "./harness.js";
import { BENCH_PATH, buildKota, rows } from "./kota.js";

/**
 * The home page of a kepala dinas who is also admin and auditor (every overview section at once) over a
 * kota of 60 puskesmas × 30 ratio indicators (60 data elements) × 12 months, with December's reports
 * partly submitted and verified, against one hand-written SQL statement reading the same raw figures:
 * the approved sums per element and month the evaluation computes from, the reports waiting per status,
 * December's completeness and timeliness, and the audit count.
 */
const PUSKESMAS = 60;
const ELEMENTS = 60;
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const TODAY = "2025-01-05";
const MONTHS = Array.from({ length: 12 }, (_, i) => `2024${String(i + 1).padStart(2, "0")}`);
const list = (items: string[]) =>
  sql.join(
    items.map((i) => sql`${i}`),
    sql`, `,
  );

function rawHome(db: Database) {
  return rows(
    db,
    sql`with approved as materialized (
        select distinct r.org_unit_id, r.period, dse.data_element_id, de.code
        from data_set_reports r
        join org_units ou on ou.id = r.org_unit_id
        join data_set_elements dse on dse.data_set_id = r.data_set_id
        join data_elements de on de.id = dse.data_element_id
        where ou.path like ${`${BENCH_PATH}%`} and r.status = 'approved' and r.period in (${list(MONTHS)})),
      sums as (
        select a.code, a.period, sum(dv.value) as total
        from approved a
        join data_values dv on dv.org_unit_id = a.org_unit_id and dv.period = a.period
          and dv.data_element_id = a.data_element_id
        group by a.code, a.period),
      waiting as (
        select r.status, count(*) as n from data_set_reports r join org_units ou on ou.id = r.org_unit_id
        where ou.path like ${`${BENCH_PATH}%`} and r.status in ('submitted', 'verified') group by r.status),
      month as (
        select count(*) as expected, count(r.submitted_at) as received, count(*) filter (where r.on_time) as on_time
        from data_set_org_units dso join org_units ou on ou.id = dso.org_unit_id
        left join data_set_reports r on r.data_set_id = dso.data_set_id and r.org_unit_id = dso.org_unit_id
          and r.period = '202412'
        where ou.path like ${`${BENCH_PATH}%`}),
      audit as (
        select count(*) as n from audit_log a join org_units ou on ou.id = a.org_unit_id
        where ou.path like ${`${BENCH_PATH}%`} and a.at > now() - interval '30 days')
      select (select count(*) from sums)::text as groups, (select json_agg(waiting) from waiting)::text as waiting,
        (select row_to_json(month) from month)::text as month, (select n from audit)::text as audit`,
  );
}

export async function benchHome(handle: DatabaseHandle): Promise<string[]> {
  const db = handle.db;
  await buildKota(db, PUSKESMAS, ELEMENTS);
  // December in the workflow: a third submitted, a third verified, the rest approved.
  await db.execute(sql`update data_set_reports r set
      status = case when right(ou.code, 1) in ('1', '2', '3') then 'submitted'
                    when right(ou.code, 1) in ('4', '5', '6') then 'verified' else 'approved' end,
      submitted_at = '2025-01-03T02:00:00Z', on_time = true
    from org_units ou where ou.id = r.org_unit_id and ou.path like ${`${BENCH_PATH}%`} and r.period = '202412'`);
  const scopes = {
    overview: [BENCH_PATH],
    approve: [BENCH_PATH],
    sign: [BENCH_PATH],
    verify: [BENCH_PATH],
    enter: [],
    audit: [BENCH_PATH],
    indicators: null,
  };
  // The figures mean nothing if the home is wrong: December waits as the raw SQL counts it.
  const page = await home(db, scopes, 2024, TODAY);
  const [raw] = await rawHome(db);
  const waiting = JSON.parse(raw?.waiting ?? "[]") as Array<{ status: string; n: number }>;
  const verified = waiting.find((w) => w.status === "verified")?.n ?? 0;
  const submitted = waiting.find((w) => w.status === "submitted")?.n ?? 0;
  if (page.overview?.toApprove.count !== verified || page.verification?.count !== submitted) {
    throw new Error(
      `home waiting ${page.overview?.toApprove.count}/${page.verification?.count} ≠ raw ${verified}/${submitted}`,
    );
  }
  const open = () => home(db, scopes, 2024, TODAY);
  const app = await timed(RUNS, open);
  const cold = await timed(RUNS, open, () => touchAudit(db));
  const base = await timed(RUNS, () => rawHome(db));
  return [
    `home of a kepala dinas + admin + auditor, ${PUSKESMAS} puskesmas × ${ELEMENTS / 2} ratio indicators × 12 months ` +
      `(${handle.kind}): ratio ${(app.p50 / base.p50).toFixed(2)}× (p50), ${(app.p95 / base.p95).toFixed(2)}× (p95); ` +
      `after a change ${(cold.p50 / base.p50).toFixed(2)}× / ${(cold.p95 / base.p95).toFixed(2)}×\n` +
      `  home(), read again with no change since: ${ms(app)}${app.p95 < 100 ? "" : "  (over the 100 ms budget)"}\n` +
      `  home() right after an audited change (computed afresh): ${ms(cold)}\n` +
      `  raw SQL, approved sums + waiting + completeness + audit in one statement: ${ms(base)}\n` +
      `  check: ${verified} to approve and ${submitted} to verify, as the raw SQL counts them`,
  ];
}
