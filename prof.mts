import { loadDemo } from "./src/demo/load-demo.js";
import { testDatabases } from "./src/test-support/databases.js";
import { buildKota, BENCH_PATH } from "./bench/kota.js";
import { home } from "./src/home/home-queries.js";
import { computeEvaluation } from "./src/evaluation/queries.js";
import { computeSpmAchievement } from "./src/spm/queries.js";
import { listPlans } from "./src/plans/queries.js";
import { sql } from "drizzle-orm";
process.env.TEST_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/test";
const target = testDatabases().find((t) => t.name === (process.argv[2] ?? "postgres"))!;
const handle = await target.open();
const db = handle.db;
await loadDemo(db);
await buildKota(db, 60, 60);
const t = async (name: string, fn: () => Promise<unknown>) => {
  await fn(); const xs: number[] = [];
  for (let i = 0; i < 10; i++) { const s = performance.now(); await fn(); xs.push(performance.now() - s); }
  xs.sort((a, b) => a - b); console.log(name, "p50", xs[5]!.toFixed(1), "max", xs[9]!.toFixed(1));
};
const scopes = { overview: [BENCH_PATH], approve: [BENCH_PATH], sign: [BENCH_PATH], verify: [BENCH_PATH], enter: [], audit: [BENCH_PATH] };
const [root] = (await db.execute(sql`select id, name, code, type, path from org_units where path = ${BENCH_PATH}`)).rows as any[];
const plan = (await listPlans(db, { scope: [BENCH_PATH], year: 2024, kind: "rak" }))[0]!;
(globalThis as any).LAPS = []; await computeEvaluation(db, plan.id, 4); await computeEvaluation(db, plan.id, 4); console.log((globalThis as any).LAPS.slice(-5)); (globalThis as any).LAPS = undefined;
await t("home", () => home(db, scopes as any, 2024, "2025-01-05"));
await t("evaluation q4", () => computeEvaluation(db, plan.id, 4));
await t("spm", () => computeSpmAchievement(db, root, 2024).catch(() => null));
await t("version", () => db.execute(sql`select max(id), pg_current_snapshot()::text from audit_log`));
await handle.close();
