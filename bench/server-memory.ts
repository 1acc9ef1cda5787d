import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";

/**
 * `npm run bench -- server-memory`: the server as `npm start` runs it (scripts/start.mjs, dist/ built
 * first) on a fresh DATA_DIR with the demo, or on a throwaway PostgreSQL database: the resident memory
 * (RSS, from /proc) after the first start, after a restart, and after SERVER_MEMORY_MINUTES (2) of the
 * e2e flows over the API, with the first-start and restart times; on PGlite also an empty install's
 * (DEMO=false) first start. MEMORY_NODE_FLAGS replaces the Node flags of `npm start`.
 */
const root = resolve(import.meta.dirname, "..");
const MINUTES = Number(process.env.SERVER_MEMORY_MINUTES ?? 2);
const IDLE_MS = 5_000;
const PASSWORD = "demo-capaian-2024";

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const took = (s: { ms: number; cpu: number }) => `${seconds(s.ms)} (CPU ${s.cpu.toFixed(1)} s)`;

/** Resident and peak resident memory of a process, in MB (Linux). */
function memoryOf(pid: number | undefined): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(status.match(new RegExp(`${field}:\\s+(\\d+)`))?.[1] ?? Number.NaN);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}
const mb = (m: { rss: number; peak: number }) => `${m.rss.toFixed(0)} MB (peak ${m.peak.toFixed(0)} MB)`;

/** CPU seconds a process and its finished children have used (Linux): steadier than wall time on a busy machine. */
function cpuOf(pid: number | undefined): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  // utime, stime, cutime, cstime: fields 14 to 17 of stat, in clock ticks (100 a second on Linux).
  return fields.slice(11, 15).reduce((sum, ticks) => sum + Number(ticks), 0) / 100;
}

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/** The Node flags `npm start` gives the server (package.json), so the figures are those of `npm start`. */
function startFlags(): string[] {
  const script: string = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts.start;
  return script.split(" ").filter((word) => word.startsWith("--"));
}

const FLAGS = process.env.MEMORY_NODE_FLAGS?.split(" ").filter(Boolean) ?? startFlags();

interface Started {
  url: string;
  child: ChildProcess;
  ms: number;
  cpu: number;
}

/** `node scripts/start.mjs` on its own port; resolves when /api/health answers. */
async function start(env: Record<string, string>): Promise<Started> {
  const port = await freePort();
  const began = performance.now();
  const child = spawn(process.execPath, [...FLAGS, join(root, "scripts", "start.mjs")], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      // Every login comes from one address here; the per-address limit is not what is measured.
      LOGIN_ATTEMPTS_PER_MINUTE: "1000",
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (
      await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (performance.now() - began > 180_000) {
      child.kill("SIGKILL");
      throw new Error("server did not start in 180 s");
    }
    await pause(50);
  }
  return { url, child, ms: performance.now() - began, cpu: cpuOf(child.pid) };
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  await exited;
}

/** A logged-in demo user over fetch: session cookie and CSRF token, as the browser keeps them. */
async function login(url: string, username: string) {
  const cookies = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair = ""] = c.split(";");
      const at = pair.indexOf("=");
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const first = await fetch(`${url}/api/auth/csrf`);
  keep(first);
  let csrf = (await first.json()).csrfToken as string;
  const headers = () => ({
    cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; "),
    "x-csrf-token": csrf,
  });
  const send = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: body === undefined ? headers() : { ...headers(), "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    keep(res);
    if (!res.ok) throw new Error(`${method} ${path} as ${username}: ${res.status} ${await res.text()}`);
    return res;
  };
  const answer = await send("POST", "/api/auth/login", { username, password: PASSWORD });
  csrf = (await answer.json()).csrfToken;
  return {
    get: async <T>(path: string) => (await (await send("GET", path)).json()) as T,
    download: async (path: string) => (await (await send("GET", path)).arrayBuffer()).byteLength,
    put: async <T>(path: string, body: unknown) => (await (await send("PUT", path, body)).json()) as T,
  };
}

type Form = { elements: Array<{ id: string }>; values: Array<{ dataElementId: string; revision: number }> };

/** One round of the e2e flows over the API: every role logs in and opens home; RAK, evaluation, scorecard, SPM and their exports; the form loaded and saved. */
export async function burst(url: string, round: number) {
  const users = ["program.metro", "kadis.metro", "auditor.metro", "operator.beji"];
  for (const username of users) {
    const user = await login(url, username);
    await user.get("/api/auth/me");
    await user.get("/api/home");
  }
  const metro = await login(url, "admin.metro");
  await metro.get("/api/home");
  const plans = await metro.get<Array<{ id: string; kind: string }>>("/api/plans");
  const rak = plans.find((p) => p.kind === "rak");
  if (!rak) throw new Error("no RAK in the demo");
  await metro.get(`/api/plans/${rak.id}`);
  await metro.download(`/api/plans/${rak.id}/export.xlsx`);
  await metro.download(`/api/plans/${rak.id}/export.pdf`);
  for (const quarter of [1, 2, 3]) await metro.get(`/api/plans/${rak.id}/evaluation?quarter=${quarter}`);
  await metro.download(`/api/plans/${rak.id}/evaluation.pdf?quarter=3`);
  await metro.download(`/api/plans/${rak.id}/evaluation.xlsx?quarter=3`);

  const [root] = (await metro.get<Array<{ id: string; level: number }>>("/api/org-units")).sort(
    (a, b) => a.level - b.level,
  );
  const options = await metro.get<{ indicators: Array<{ key: string }> }>("/api/scorecard/options");
  const columns = options.indicators.slice(0, 12).map((i) => i.key);
  if (!root || columns.length === 0) throw new Error("no scorecard in the demo");
  const card = `parentId=${root.id}&rows=puskesmas&columns=${columns.join(",")}&periods=2024Q1,2024Q2,2024Q3`;
  await metro.get(`/api/scorecard?${card}`);
  await metro.download(`/api/scorecard.xlsx?${card}`);

  const depok = await login(url, "admin.depok");
  const units = await depok.get<Array<{ id: string; code: string }>>("/api/org-units");
  const kota = units.find((u) => u.code === "32.76");
  if (!kota) throw new Error("no Kota Depok in the demo");
  for (const year of [2017, 2018, 2019, 2020, 2021])
    await depok.get(`/api/spm/achievement?orgUnitId=${kota.id}&year=${year}`);
  await depok.get(`/api/spm/report?orgUnitId=${kota.id}&year=2019`);
  await depok.download(`/api/spm/report.pdf?orgUnitId=${kota.id}&year=2019`);
  await depok.download(`/api/spm/report.xlsx?orgUnitId=${kota.id}&year=2019`);

  const operator = await login(url, "operator.yosomulyo");
  await operator.get("/api/home");
  const [set] = await operator.get<Array<{ id: string; orgUnits: Array<{ id: string }> }>>("/api/data-sets");
  const orgUnitId = set?.orgUnits[0]?.id;
  if (!set || !orgUnitId) throw new Error("no form for the operator in the demo");
  for (let month = 1; month <= 12; month++) {
    const period = `2024${String(month).padStart(2, "0")}`;
    await operator.get(`/api/data-entry/form?dataSetId=${set.id}&orgUnitId=${orgUnitId}&period=${period}`);
  }
  // Saves in past months the demo has no report in, a different month each round.
  for (let n = 0; n < 3; n++) {
    const index = (round * 3 + n) % 96;
    const period = `${2012 + Math.floor(index / 12)}${String((index % 12) + 1).padStart(2, "0")}`;
    const query = `dataSetId=${set.id}&orgUnitId=${orgUnitId}&period=${period}`;
    const form = await operator.get<Form>(`/api/data-entry/form?${query}`);
    const revision = (id: string) => form.values.find((v) => v.dataElementId === id)?.revision ?? null;
    await operator.put("/api/data-entry/values", {
      dataSetId: set.id,
      orgUnitId,
      period,
      values: form.elements.slice(0, 10).map((e, i) => ({
        dataElementId: e.id,
        value: String(round + i),
        revision: revision(e.id),
      })),
    });
  }
}

/** A fresh database for the server: a data folder, or a PostgreSQL database dropped afterwards. */
async function freshDatabase(
  kind: "pglite" | "postgres",
): Promise<{ env: Record<string, string>; dispose: () => Promise<void> }> {
  if (kind === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "capaian-memory-"));
    return { env: { DATA_DIR: dir }, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("BENCH_DATABASE_URL is not set");
  const name = `capaian_memory_${randomBytes(5).toString("hex")}`;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    await client.query(text).finally(() => client.end());
  };
  await admin(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    dispose: () => admin(`drop database if exists ${name} with (force)`),
  };
}

export async function benchServerMemory(kind: "pglite" | "postgres"): Promise<string[]> {
  const built = performance.now();
  const build = spawnSync(process.execPath, [join(root, "scripts", "build.mjs")], {
    cwd: root,
    stdio: "inherit",
  });
  if (build.status !== 0) throw new Error("the build failed");
  const buildMs = performance.now() - built;
  const empty = kind === "pglite" ? await emptyInstall() : [];
  const database = await freshDatabase(kind);
  try {
    const first = await start(database.env);
    await pause(IDLE_MS);
    const afterFirst = memoryOf(first.child.pid);
    await stop(first.child);
    const again = await start(database.env);
    try {
      await pause(IDLE_MS);
      const afterRestart = memoryOf(again.child.pid);
      const began = performance.now();
      const cpuBefore = cpuOf(again.child.pid);
      const rss: number[] = [];
      // At least one round; then rounds until the minutes are over.
      do {
        await burst(again.url, rss.length);
        rss.push(memoryOf(again.child.pid).rss);
      } while (performance.now() - began < MINUTES * 60_000);
      const burstMs = performance.now() - began;
      const cpuPerRound = (cpuOf(again.child.pid) - cpuBefore) / rss.length;
      const afterBurst = memoryOf(again.child.pid);
      await pause(IDLE_MS);
      const afterIdle = memoryOf(again.child.pid);
      const half = rss.slice(Math.floor(rss.length / 2));
      const lines = [
        `Embedded server memory on ${kind} (node ${FLAGS.join(" ")} scripts/start.mjs on a fresh ${kind === "pglite" ? "DATA_DIR" : "database"}, demo loaded)`,
        `  build check before the starts (scripts/build.mjs): ${seconds(buildMs)}`,
        ...empty,
        `  first start (migrations + demo) until /api/health: ${took(first)}; RSS ${IDLE_MS / 1000} s later ${mb(afterFirst)}`,
        `  restart until /api/health: ${took(again)}; RSS ${IDLE_MS / 1000} s later ${mb(afterRestart)}`,
        `  e2e flows over the API for ${(burstMs / 60_000).toFixed(1)} min (SERVER_MEMORY_MINUTES=${MINUTES}): ${rss.length} rounds of 7 logins + home, RAK + xlsx/pdf, evaluation + xlsx/pdf, scorecard + xlsx, SPM + xlsx/pdf, 15 forms, 3 saves (${seconds(burstMs / rss.length)} a round, server CPU ${cpuPerRound.toFixed(1)} s)`,
        `    RSS after the first round ${rss[0]?.toFixed(0)} MB, over the second half ${Math.min(...half).toFixed(0)}–${Math.max(...half).toFixed(0)} MB; at the end ${mb(afterBurst)}; ${IDLE_MS / 1000} s idle later ${mb(afterIdle)}`,
      ];
      return [lines.join("\n")];
    } finally {
      await stop(again.child);
    }
  } finally {
    await database.dispose();
  }
}

/** An empty install (DEMO=false) on a fresh data folder: its first start and RSS. */
async function emptyInstall(): Promise<string[]> {
  const database = await freshDatabase("pglite");
  try {
    const first = await start({ ...database.env, DEMO: "false" });
    await pause(IDLE_MS);
    const after = memoryOf(first.child.pid);
    await stop(first.child);
    return [
      `  empty install (DEMO=false), first start until /api/health: ${took(first)}; RSS ${IDLE_MS / 1000} s later ${mb(after)}`,
    ];
  } finally {
    await database.dispose();
  }
}
