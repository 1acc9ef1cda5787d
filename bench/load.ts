import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import autocannon, { type Request } from "autocannon";

/**
 * `npm run bench -- --load`: autocannon on loopback against the server in a process of its own, for the
 * RAK read, the SPM achievement, the home page's reads and audited form saves, on each database, next
 * to a trivial Fastify route in the same run. Bounded: LOAD_SECONDS (5) per row, LOAD_CONNECTIONS (10).
 */
const SECONDS = Number(process.env.LOAD_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 10);

interface Row {
  database: string;
  what: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  /** The server's CPU time per answered request (user + system), from /proc: less noisy than req/s on a busy machine. */
  cpuMs: number | null;
}

/** CPU milliseconds the server process has used so far (Linux), or null elsewhere. */
function cpuOf(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    // utime and stime, fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

async function startServer(database: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/load-server.ts"], {
    env: { ...process.env, LOAD_DATABASE: database },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  for await (const chunk of child.stdout ?? []) {
    out += chunk;
    const line = out.split("\n").find((l) => l.startsWith("{"));
    if (line) return { url: `http://127.0.0.1:${JSON.parse(line).port}`, child };
  }
  throw new Error(`load server (${database}) exited before listening`);
}

async function stopServer(child: ChildProcess) {
  child.kill("SIGTERM");
  await once(child, "exit");
}

/** Logs in over HTTP as a browser would: the session cookie and the CSRF token for writes. */
async function login(url: string, username: string) {
  const first = await fetch(`${url}/api/auth/csrf`);
  const cookies = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair = ""] = c.split(";");
      const at = pair.indexOf("=");
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  keep(first);
  const cookie = () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const res = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: {
      cookie: cookie(),
      "content-type": "application/json",
      "x-csrf-token": (await first.json()).csrfToken,
    },
    body: JSON.stringify({ username, password: "demo-capaian-2024" }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  keep(res);
  const headers = { cookie: cookie(), "x-csrf-token": (await res.json()).csrfToken as string };
  const get = async <T>(path: string): Promise<T> => {
    const answer = await fetch(`${url}${path}`, { headers });
    if (!answer.ok) throw new Error(`GET ${path}: ${answer.status}`);
    return (await answer.json()) as T;
  };
  return { headers, get };
}

async function load(
  database: string,
  what: string,
  url: string,
  pid: number | undefined,
  options: Partial<Parameters<typeof autocannon>[0]>,
) {
  const cpuBefore = cpuOf(pid);
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, ...options });
  // Requests still queued in the server when the run ends would slow the next row: wait them out.
  await fetch(`${new URL(url).origin}/api/health`).catch(() => {});
  const cpuAfter = cpuOf(pid);
  return {
    database,
    what,
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    cpuMs:
      cpuBefore === null || cpuAfter === null
        ? null
        : (cpuAfter - cpuBefore) / Math.max(1, result.requests.total),
  } satisfies Row;
}

/**
 * Form saves of operator.yosomulyo, three values a save. autocannon resets a connection's context after
 * every request of a one-request list, so the months and the revisions are kept here: each save takes the
 * next of 120 past months in turn (10 connections never hold the same month at once) and sends the
 * revisions the last answer for that month gave.
 */
function formSaves(dataSetId: string, orgUnitId: string, elements: string[]): Request {
  const months = Array.from(
    { length: 120 },
    (_, n) => `${2010 + Math.floor(n / 12)}${String((n % 12) + 1).padStart(2, "0")}`,
  );
  const revisions = new Map<string, number>();
  let next = 0;
  return {
    method: "PUT",
    path: "/api/data-entry/values",
    setupRequest: (request) => {
      const n = next++;
      const period = months[n % months.length] as string;
      const body = {
        dataSetId,
        orgUnitId,
        period,
        values: elements.map((id) => ({
          dataElementId: id,
          value: String(n),
          revision: revisions.get(`${period}/${id}`) ?? null,
        })),
      };
      return { ...request, body: JSON.stringify(body) };
    },
    onResponse: (status, body) => {
      if (status !== 200) return;
      const form = JSON.parse(body) as {
        period: { code: string };
        values: Array<{ dataElementId: string; revision: number }>;
      };
      for (const v of form.values) revisions.set(`${form.period.code}/${v.dataElementId}`, v.revision);
    },
  };
}

async function benchDatabase(database: string): Promise<Row[]> {
  const { url, child } = await startServer(database);
  try {
    const metro = await login(url, "admin.metro");
    const depok = await login(url, "admin.depok");
    const operator = await login(url, "operator.yosomulyo");
    const plans = await metro.get<Array<{ id: string; kind: string }>>("/api/plans");
    const rak = plans.find((p) => p.kind === "rak");
    if (!rak) throw new Error("no RAK in the demo");
    const units = await depok.get<Array<{ id: string; code: string }>>("/api/org-units");
    const kotaDepok = units.find((u) => u.code === "32.76");
    const [set] =
      await operator.get<Array<{ id: string; orgUnits: Array<{ id: string }> }>>("/api/data-sets");
    const unit = set?.orgUnits[0]?.id;
    if (!kotaDepok || !set || !unit) throw new Error("demo data missing");
    const form = await operator.get<{ elements: Array<{ id: string }> }>(
      `/api/data-entry/form?dataSetId=${set.id}&orgUnitId=${unit}&period=202401`,
    );
    const home = ["/api/auth/me", "/api/plans", "/api/data-sets", "/api/spm/versions", "/api/org-units"];
    return [
      await load(database, "RAK read (GET /api/plans/:id)", `${url}/api/plans/${rak.id}`, child.pid, {
        headers: metro.headers,
      }),
      await load(
        database,
        "SPM achievement (Kota Depok 2019)",
        `${url}/api/spm/achievement?orgUnitId=${kotaDepok.id}&year=2019`,
        child.pid,
        {
          headers: depok.headers,
        },
      ),
      await load(database, "home page (its 5 API reads, in turn)", url, child.pid, {
        headers: metro.headers,
        requests: home.map((path) => ({ method: "GET", path })),
      }),
      await load(database, "form save (PUT /api/data-entry/values, 3 values, audited)", url, child.pid, {
        headers: { ...operator.headers, "content-type": "application/json" },
        requests: [
          formSaves(
            set.id,
            unit,
            form.elements.slice(0, 3).map((e) => e.id),
          ),
        ],
      }),
    ];
  } finally {
    await stopServer(child);
  }
}

export async function benchLoad(): Promise<string[]> {
  const rows: Row[] = [];
  const bare = await startServer("bare");
  try {
    rows.push(await load("—", "trivial Fastify route (baseline)", `${bare.url}/hello`, bare.child.pid, {}));
  } finally {
    await stopServer(bare.child);
  }
  const databases = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
  for (const database of databases) rows.push(...(await benchDatabase(database)));
  const header =
    "| database | what | req/s | p50 ms | p99 ms | errors | server CPU ms/req |\n|---|---|---:|---:|---:|---:|---:|";
  const lines = rows.map(
    (r) =>
      `| ${r.database} | ${r.what} | ${Math.round(r.reqPerSec)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.cpuMs?.toFixed(2) ?? "—"} |`,
  );
  // Other work on the machine changes these figures the most: say how busy it was.
  const busy = loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ");
  return [
    `Load on loopback: ${CONNECTIONS} connections, ${SECONDS} s a row, load average after the run ${busy}\n${header}\n${lines.join("\n")}`,
  ];
}
