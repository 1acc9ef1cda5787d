import { sql } from "drizzle-orm";
import type { Database, DatabaseHandle } from "../src/db/client.js";
import { loadDemo } from "../src/demo/load-demo.js";
import { spmDepok2017 } from "../src/demo/spm-depok-2017.js";
import { spmMonths } from "../src/domain/index.js";
import { computeEvaluation } from "../src/evaluation/compute.js";
import { buildApp } from "../src/server/app.js";
import { computeSpmAchievement } from "../src/spm/achievement.js";
import { testDatabases } from "../src/test-support/databases.js";
import { rows } from "./kota.js";
import { buildProvince, EVALUATION_YEAR, type Province, SPM_YEAR } from "./province-build.js";

/**
 * `npm run bench -- --scale province`: the quarterly evaluation and the SPM achievement of one kota and
 * of a whole province (27 kota × 40 puskesmas × 12 months, 200 elements, 100 indicators, the 13 SPM
 * elements) on PostgreSQL, each beside one hand-written SQL statement doing the least database work
 * the same answer needs, measured in the same run; heap growth per request, the process's RSS, and
 * `/api/health` while a province request runs (PostgreSQL and PGlite). Flags: `--kota N`,
 * `--puskesmas N` (per kota), `--elements N`, `--runs N`, `--curve` (35 → 100 → 300 → 1.080 puskesmas).
 */
const flag = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const RUNS = Math.max(5, flag("runs", 7));
const EVALUATION_MONTHS = Array.from(
  { length: 12 },
  (_, i) => `${EVALUATION_YEAR}${String(i + 1).padStart(2, "0")}`,
);
const SPM_MONTHS = [...new Set(["school_year", "year"].flatMap((t) => spmMonths(SPM_YEAR, t as "year")))]
  .map((p) => p.code)
  .sort();
const SPM_CODES = [
  ...new Set(
    spmDepok2017.services.flatMap((s) =>
      [...s.numerator.matchAll(/#\{([A-Z0-9_]+)/g)].map((m) => m[1] as string),
    ),
  ),
];

const list = (items: readonly string[]) =>
  sql.join(
    items.map((i) => sql`${i}`),
    sql`, `,
  );

/** The least work (approved triples in key order, then one index lookup each): approved sums per element and month over the subtree (what any evaluation reads). */
const rawEvaluation = (db: Database, path: string, codes: string[]) =>
  rows(
    db,
    sql`with approved as materialized (
      select distinct r.org_unit_id, r.period, dse.data_element_id
      from data_set_reports r join org_units ou on ou.id = r.org_unit_id
      join data_set_elements dse on dse.data_set_id = r.data_set_id
      where ou.path like ${`${path}%`} and r.status = 'approved' and r.period in (${list(EVALUATION_MONTHS)})
      order by 1, 2, 3)
    select de.code, a.period, sum(dv.value)::text as total
    from approved a cross join lateral (select value from data_values v where v.org_unit_id = a.org_unit_id
      and v.period = a.period and v.data_element_id = a.data_element_id limit 1) dv
    join data_elements de on de.id = a.data_element_id
    where de.code in (${list(codes)}) group by de.code, a.period`,
  );

/** The least work for the SPM: approved sums per facility, numerator element and month over the subtree. */
const rawSpm = (db: Database, path: string) =>
  rows(
    db,
    sql`with approved as materialized (
      select distinct r.org_unit_id, r.period, dse.data_element_id
      from data_set_reports r join org_units ou on ou.id = r.org_unit_id
      join data_set_elements dse on dse.data_set_id = r.data_set_id
      where ou.path like ${`${path}%`} and r.status = 'approved' and r.period in (${list(SPM_MONTHS)})
      order by 1, 2, 3)
    select a.org_unit_id, de.code, a.period, sum(dv.value)::text as total
    from approved a cross join lateral (select value from data_values v where v.org_unit_id = a.org_unit_id
      and v.period = a.period and v.data_element_id = a.data_element_id limit 1) dv
    join data_elements de on de.id = a.data_element_id
    where de.code in (${list(SPM_CODES)}) group by a.org_unit_id, de.code, a.period`,
  );

interface Timing {
  p50: number;
  p95: number;
  heapMb: number;
  runs: number;
}

/**
 * Warm-up, then `runs` timed runs: median, p95 and the largest heap growth of one run (the highest
 * heapUsed seen by a 5 ms sampler, which runs whenever the request awaits the database, minus before).
 */
async function timed(fn: () => Promise<unknown>, runs = RUNS): Promise<Timing> {
  await fn();
  const times: number[] = [];
  let heap = 0;
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }, 5);
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
    clearInterval(sampler);
    heap = Math.max(heap, Math.max(peak, process.memoryUsage().heapUsed) - before);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] ?? 0;
  return { p50: at(0.5), p95: at(0.95), heapMb: heap / 1e6, runs: times.length };
}

const fmt = (t: Timing) =>
  `p50 ${t.p50.toFixed(0)} ms, p95 ${t.p95.toFixed(0)} ms, heap +${t.heapMb.toFixed(0)} MB`;

function line(name: string, app: Timing, base: Timing) {
  return `  ${name.padEnd(34)} app ${fmt(app)} | SQL p50 ${base.p50.toFixed(0)} ms, p95 ${base.p95.toFixed(0)} ms | ${(app.p50 / base.p50).toFixed(2)}× (p50)`;
}

/**
 * `/api/health` latencies, one request after another, while `work` runs `times` times and then until
 * 100 probes were answered: a p99 of the seven probes three fast requests leave is their maximum.
 */
async function healthDuring(handle: DatabaseHandle, work: () => Promise<unknown>, times = 3) {
  const app = await buildApp({
    database: handle,
    logger: false,
    webRoot: "/nonexistent",
    auth: {
      secret: "province-bench",
      sessions: { idleMinutes: 60, maxHours: 8 },
      secureCookies: false,
      loginAttemptsPerMinute: 1000,
    },
    requestsPerMinute: 100_000_000,
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/api/health`;
  const latencies: number[] = [];
  let busy = true;
  const probe = (async () => {
    while (busy) {
      const start = performance.now();
      await (await fetch(url)).arrayBuffer();
      latencies.push(performance.now() - start);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  // The response is serialised too, as the route would.
  let requests = 0;
  for (; requests < times || latencies.length < 100; requests++) JSON.stringify(await work());
  busy = false;
  await probe;
  await app.close();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)] ?? 0;
  return `p50 ${at(0.5).toFixed(0)} ms, p99 ${at(0.99).toFixed(0)} ms, max ${at(1).toFixed(0)} ms (${latencies.length} probes, ${requests} requests)`;
}

async function measure(db: Database, p: Province, full: boolean) {
  const out: string[] = [];
  const spm = (unit: Province["unit"]) => () => computeSpmAchievement(db, unit, SPM_YEAR);
  const check = await computeSpmAchievement(db, p.unit, SPM_YEAR);
  const k4 = (await rawSpm(db, p.unit.path))
    .filter((r) => r.code === "BUMIL_K4" && String(r.period).startsWith(String(SPM_YEAR)))
    .reduce((n, r) => n + Number(r.total), 0);
  if (Number(check.services.find((s) => s.number === 1)?.numerator) !== k4) {
    throw new Error(`province K4 ${check.services[0]?.numerator} ≠ raw SQL ${k4}`);
  }
  if (full) {
    out.push(
      line(
        "SPM achievement, one kota",
        await timed(spm(p.firstKota)),
        await timed(() => rawSpm(db, p.firstKota.path)),
      ),
    );
  }
  out.push(
    line("SPM achievement, province", await timed(spm(p.unit)), await timed(() => rawSpm(db, p.unit.path))),
  );
  if (p.provincePlan && p.kotaPlan) {
    const { kotaPlan, provincePlan } = p;
    if (full) {
      out.push(
        line(
          "quarterly evaluation TW IV, one kota",
          await timed(() => computeEvaluation(db, kotaPlan, 4)),
          await timed(() => rawEvaluation(db, p.firstKota.path, p.elementCodes)),
        ),
      );
    }
    out.push(
      line(
        "quarterly evaluation TW IV, province",
        await timed(() => computeEvaluation(db, provincePlan, 4)),
        await timed(() => rawEvaluation(db, p.unit.path, p.elementCodes)),
      ),
    );
  }
  return out;
}

async function onDatabase<T>(kind: "pglite" | "postgres", body: (handle: DatabaseHandle) => Promise<T>) {
  const target = testDatabases().find((t) => t.name === kind);
  if (!target) throw new Error(`${kind}: set BENCH_DATABASE_URL or TEST_DATABASE_URL to a PostgreSQL server`);
  const handle = await target.open();
  try {
    await loadDemo(handle.db);
    return await body(handle);
  } finally {
    await handle.close();
  }
}

/** The process's resident memory and what the JavaScript heap and memory outside it (PGlite's) hold of it. */
function memory(label: string) {
  const m = process.memoryUsage();
  const mb = (n: number) => (n / 1e6).toFixed(0);
  return `${label}: ${mb(m.rss)} MB (JavaScript heap ${mb(m.heapUsed)} MB used of ${mb(m.heapTotal)}, external ${mb(m.external)} MB)`;
}

/** Prints each figure as it is measured: the full run takes a quarter of an hour on a busy machine. */
export async function benchProvince(): Promise<void> {
  const shape = { kota: flag("kota", 27), puskesmas: flag("puskesmas", 40), elements: flag("elements", 200) };
  const out = { push: (...lines: string[]) => console.log(lines.join("\n")) };
  const began = performance.now();
  await onDatabase("postgres", async (handle) => {
    const province = await buildProvince(handle.db, shape);
    const built = ((performance.now() - began) / 1000).toFixed(0);
    out.push(
      `province on PostgreSQL: ${shape.kota} kota × ${shape.puskesmas} puskesmas = ${province.puskesmas} puskesmas, ` +
        `${province.values.toLocaleString("id-ID")} approved values (${shape.elements} elements + 13 SPM), built and ANALYZEd in ${built} s; ` +
        `median of ${RUNS} runs after a warm-up, SQL measured in the same run`,
      ...(await measure(handle.db, province, true)),
    );
    out.push(
      `  /api/health during SPM province requests: ${await healthDuring(handle, () => computeSpmAchievement(handle.db, province.unit, SPM_YEAR))}`,
    );
    if (province.provincePlan) {
      const plan = province.provincePlan;
      out.push(
        `  /api/health during evaluation province requests: ${await healthDuring(handle, () => computeEvaluation(handle.db, plan, 4))}`,
      );
    }
    // What a server on PostgreSQL holds after these requests, before PGlite's memory joins it below.
    out.push(`  ${memory("RSS after the PostgreSQL requests")}`);
  });
  await onDatabase("pglite", async (handle) => {
    const province = await buildProvince(handle.db, { ...shape, elements: 0 });
    const spm = () => computeSpmAchievement(handle.db, province.unit, SPM_YEAR);
    const t = await timed(spm, 3);
    out.push(
      `PGlite, SPM only (${province.values.toLocaleString("id-ID")} values): SPM achievement, province ${fmt(t)}`,
    );
    out.push(`  /api/health during SPM province requests: ${await healthDuring(handle, spm)}`);
  });
  if (process.argv.includes("--curve")) {
    out.push("scaling curve, province requests on PostgreSQL (app vs SQL, p50):");
    for (const [kota, puskesmas] of [
      [1, 35],
      [4, 25],
      [10, 30],
      [27, 40],
    ] as const) {
      await onDatabase("postgres", async (handle) => {
        const p = await buildProvince(handle.db, { kota, puskesmas, elements: shape.elements });
        out.push(`  ${p.puskesmas} puskesmas, ${p.values.toLocaleString("id-ID")} values:`);
        out.push(...(await measure(handle.db, p, false)).map((l) => `  ${l}`));
      });
    }
  }
  out.push(`${memory("RSS at the end")}; 2 CPUs shared with other work`);
}
