import { sql } from "drizzle-orm";
import type { Database, DatabaseHandle } from "../src/db/client.js";
import { div, INDICATOR_FRACTION_DIGITS } from "../src/domain/index.js";
import { computeEvaluation } from "../src/evaluation/compute.js";
import { BENCH_PATH, buildKota, rows } from "./kota.js";

/**
 * The quarterly evaluation (TW IV, so the whole year) of a kota of 60 puskesmas × 12 months × 200 data
 * elements (144 000 approved values) and a RAK of 100 indicators each a ratio of two of those elements,
 * against one hand-written SQL statement doing the least database work any implementation needs: the
 * approved sums per data element and month.
 */
const PUSKESMAS = 60;
const ELEMENTS = 200;
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
/** Fewer runs (at least 3) when a measurement passes this, so the case stays within a few minutes. */
const BUDGET_MS = 20_000;
const CODES = Array.from({ length: ELEMENTS }, (_, i) => `BENCH_${String(i + 1).padStart(3, "0")}`);
const MONTHS = Array.from({ length: 12 }, (_, i) => `2024${String(i + 1).padStart(2, "0")}`);

/**
 * The approved (facility, month, element) triples first, then each value looked up by the unique key
 * of data_values: a plan that stays the same with or without planner statistics (PGlite has none).
 */
function rawApprovedSums(db: Database) {
  return rows(
    db,
    sql`with approved as materialized (
        select distinct r.org_unit_id, r.period, dse.data_element_id, de.code
        from data_set_reports r
        join org_units ou on ou.id = r.org_unit_id
        join data_set_elements dse on dse.data_set_id = r.data_set_id
        join data_elements de on de.id = dse.data_element_id
        where ou.path like ${`${BENCH_PATH}%`} and r.status = 'approved'
          and r.period in (${sql.join(
            MONTHS.map((m) => sql`${m}`),
            sql`, `,
          )}) and de.code in (${sql.join(
            CODES.map((c) => sql`${c}`),
            sql`, `,
          )}))
      select a.code, a.period, sum(dv.value)::text as total
      from approved a
      join data_values dv on dv.org_unit_id = a.org_unit_id and dv.period = a.period
        and dv.data_element_id = a.data_element_id
      group by a.code, a.period`,
  );
}

interface Timing {
  p50: number;
  p95: number;
  heapMb: number;
  runs: number;
}

/** Warm-up, then up to RUNS timed runs: median, 95th percentile and the largest heap growth of one run. */
async function timed(fn: () => Promise<unknown>): Promise<Timing> {
  await fn();
  const times: number[] = [];
  let heap = 0;
  const began = performance.now();
  for (let i = 0; i < RUNS && (i < 3 || performance.now() - began < BUDGET_MS); i++) {
    const before = process.memoryUsage().heapUsed;
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
    heap = Math.max(heap, process.memoryUsage().heapUsed - before);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] ?? 0;
  return { p50: at(0.5), p95: at(0.95), heapMb: heap / 1e6, runs: times.length };
}

const ms = (t: Timing) =>
  `p50 ${t.p50.toFixed(1)} ms / p95 ${t.p95.toFixed(1)} ms, heap +${t.heapMb.toFixed(1)} MB (${t.runs} runs)`;

export async function benchEvaluation(handle: DatabaseHandle): Promise<string[]> {
  const db = handle.db;
  const { planId } = await buildKota(db, PUSKESMAS, ELEMENTS);
  // The figures mean nothing if the evaluation is wrong: indicator 1 is BENCH_001 / BENCH_101 × 100.
  const raw = await rawApprovedSums(db);
  const yearOf = (code: string) =>
    raw.filter((r) => r.code === code).reduce((s, r) => s + Number(r.total), 0);
  const expected = div(`${yearOf("BENCH_001") * 100}`, `${yearOf("BENCH_101")}`, INDICATOR_FRACTION_DIGITS);
  const first = (await computeEvaluation(db, planId, 4)).indicators.find(
    (i) => i.indicator === "Cakupan bench 1",
  );
  if (first?.realisasiToDate !== expected) {
    throw new Error(`indicator 1: ${first?.realisasiToDate} ≠ ${expected} from the raw SQL sums`);
  }
  const app = await timed(() => computeEvaluation(db, planId, 4));
  const base = await timed(() => rawApprovedSums(db));
  return [
    `quarterly evaluation, TW IV, ${PUSKESMAS} puskesmas × 12 months × ${ELEMENTS} data elements, ` +
      `${ELEMENTS / 2} ratio indicators (${handle.kind}): ratio ${(app.p50 / base.p50).toFixed(2)}× (p50), ` +
      `${(app.p95 / base.p95).toFixed(2)}× (p95)\n` +
      `  computeEvaluation: ${ms(app)}\n` +
      `  raw SQL, approved sums per element and month (${raw.length} groups): ${ms(base)}\n` +
      `  after a warm-up each; check: indicator 1 realisasi ${expected} = raw SQL sums`,
  ];
}
