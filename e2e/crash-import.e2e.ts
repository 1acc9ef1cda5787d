import { spawn } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { and, between, eq } from "drizzle-orm";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../src/db/client.js";
import { auditLog, dataValues } from "../src/db/schema/index.js";
import { createTarget, type DatabaseTarget, root, startServer, targetNames } from "./support.js";

/** Logs in over fetch as a browser would; returns a caller that keeps the cookies and CSRF token. */
async function session(baseUrl: string, username: string) {
  const cookies = new Map<string, string>();
  let csrf = "";
  const call = async (method: string, path: string, body?: string | object, type = "application/json") =>
    fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; "),
        ...(body === undefined ? {} : { "content-type": type, "x-csrf-token": csrf }),
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    }).then((res) => {
      for (const c of res.headers.getSetCookie()) {
        const [pair = ""] = c.split(";");
        const at = pair.indexOf("=");
        if (at > 0) cookies.set(pair.slice(0, at), pair.slice(at + 1));
      }
      return res;
    });
  csrf = (await (await call("GET", "/api/auth/csrf")).json()).csrfToken;
  csrf = (await (await call("POST", "/api/auth/login", { username, password: "demo-capaian-2024" })).json())
    .csrfToken;
  return call;
}

const openTarget = (target: DatabaseTarget) =>
  openDatabase(target.env.DATABASE_URL ? { url: target.env.DATABASE_URL } : { dataDir: target.env.DATA_DIR });

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** PGlite: waits until its write-ahead log is written again (the import's writes reach the files). */
async function untilWalWritten(dataDir: string, done: () => boolean): Promise<void> {
  const wal = join(dataDir, "pg_wal");
  const newest = () => Math.max(...readdirSync(wal).map((f) => statSync(join(wal, f)).mtimeMs));
  const before = newest();
  while (!done() && newest() === before) await pause(5);
}

/** PostgreSQL: waits until a transaction of the app has been open a while (the import's writes). */
async function untilLongTransaction(url: string, done: () => boolean): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    while (!done()) {
      const { rows } = await client.query(
        `select count(*)::int as n from pg_stat_activity where datname = current_database()
         and pid <> pg_backend_pid() and xact_start < now() - interval '200 milliseconds'`,
      );
      if (rows[0].n > 0) return;
      await pause(10);
    }
  } finally {
    await client.end();
  }
}

describe.each(targetNames())("crash safety of a big import on %s", (name) => {
  it("keeps an upload of thousands of values all-or-nothing, with its audit, through SIGKILL", {
    timeout: 600_000,
  }, async () => {
    const target = await createTarget(name);
    let server = await startServer(target.env);
    try {
      const call = await session(server.baseUrl, "operator.yosomulyo");
      const [set] = await (await call("GET", "/api/data-sets")).json();
      const unit = set.orgUnits[0] as { id: string; name: string };
      const form = await (
        await call("GET", `/api/data-entry/form?dataSetId=${set.id}&orgUnitId=${unit.id}&period=202401`)
      ).json();
      const codes = (form.elements as Array<{ code: string }>).map((e) => e.code);
      const [code] = await (await call("GET", "/api/org-units"))
        .json()
        .then((units: Array<{ id: string; code: string }>) =>
          units.filter((u) => u.id === unit.id).map((u) => u.code),
        );
      // Every month of 2001–2020 for the operator's puskesmas: 240 rows × the form's elements.
      const periods = Array.from(
        { length: 240 },
        (_, n) => `${2001 + Math.floor(n / 12)}${String((n % 12) + 1).padStart(2, "0")}`,
      );
      const csv = [
        ["Kode Unit", "Nama Unit", "Periode", ...codes].join(";"),
        ...periods.map((p, n) =>
          [code, unit.name, p, ...codes.map((_, k) => String(((n + k) % 90) + 1))].join(";"),
        ),
      ].join("\n");
      const query = `dataSetId=${set.id}&fileName=besar.csv`;
      const started = Date.now();
      const preview = await (
        await call("POST", `/api/data-entry/import/preview?${query}`, csv, "text/csv")
      ).json();
      const previewMs = Date.now() - started;
      const errors = (preview.rows as Array<{ errors: string[] }>).flatMap((r) => r.errors);
      expect(errors).toEqual([]);

      // The commit re-reads the file as the preview did, then writes in one transaction: kill in it.
      let acknowledged = false;
      const commit = call("POST", `/api/data-entry/import?${query}`, csv, "text/csv").then(
        (r) => {
          acknowledged = r.status === 200;
        },
        () => {},
      );
      if (target.env.DATABASE_URL) await untilLongTransaction(target.env.DATABASE_URL, () => acknowledged);
      else await untilWalWritten(target.env.DATA_DIR as string, () => acknowledged);
      const killedAfterMs = Date.now() - started - previewMs;
      server.process.kill("SIGKILL");
      await commit;
      server = await startServer(target.env);
      await server.stop();

      const handle = await openTarget(target);
      try {
        const rows = await handle.db
          .select()
          .from(dataValues)
          .where(and(eq(dataValues.orgUnitId, unit.id), between(dataValues.period, "200101", "202012")));
        const expected = periods.length * codes.length;
        // All or nothing: either the whole upload is there or none of it.
        expect([0, expected]).toContain(rows.length);
        if (acknowledged) expect(rows.length).toBe(expected);
        const audits = await handle.db.select().from(auditLog).where(eq(auditLog.action, "data.value_set"));
        const audited = new Set(
          audits.map((a) => `${a.entityId}=${Number((a.newValue as { value: string } | null)?.value)}`),
        );
        const byId = new Map(
          (form.elements as Array<{ id: string; code: string }>).map((e) => [e.id, e.code]),
        );
        const missing = rows.filter(
          (r) => !audited.has(`${r.orgUnitId}/${r.period}/${byId.get(r.dataElementId)}=${Number(r.value)}`),
        );
        expect(missing).toEqual([]);
        console.log(
          `${name}: ${expected} values, preview ${previewMs} ms, killed ${killedAfterMs} ms into the commit: ` +
            `${acknowledged ? "acknowledged" : "not acknowledged"}, ${rows.length} stored`,
        );
      } finally {
        await handle.close();
      }
    } finally {
      if (server.process.exitCode === null && !server.process.signalCode) await server.stop();
      await target.dispose();
    }
  });

  it("opens after the very first start was killed while it prepared the data folder", {
    timeout: 600_000,
  }, async () => {
    // A first start takes ~6 s (the child unpacks the build's demo cluster and analyses it, then the server opens it).
    for (const killAfterMs of [1500, 3500]) {
      const target = await createTarget(name);
      try {
        const first = spawn(process.execPath, [join(root, "dist", "server", "server", "main.js")], {
          cwd: root,
          env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "warn", ...target.env },
          stdio: "ignore",
        });
        const exited = new Promise((done) => first.on("exit", done));
        await pause(killAfterMs);
        first.kill("SIGKILL");
        await exited;
        const server = await startServer(target.env);
        try {
          const call = await session(server.baseUrl, "admin.metro");
          const plans = await (await call("GET", "/api/plans")).json();
          expect(plans.length, `killed after ${killAfterMs} ms`).toBeGreaterThan(0);
          expect((await call("GET", "/api/ready")).status).toBe(200);
        } finally {
          expect(await server.stop()).toBe(0);
        }
      } finally {
        await target.dispose();
      }
    }
  });
});
