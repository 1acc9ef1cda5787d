import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../src/db/client.js";
import { auditLog, dataValues } from "../src/db/schema/index.js";
import { createTarget, type RunningServer, startServer, targetNames } from "./support.js";

/** A browser-like session over fetch: keeps cookies, sends the CSRF token on writes. */
async function session(baseUrl: string, username: string) {
  const cookies = new Map<string, string>();
  let csrf = "";
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; "),
        ...(body === undefined ? {} : { "content-type": "application/json", "x-csrf-token": csrf }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const at = pair?.indexOf("=") ?? -1;
      if (pair && at > 0) cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return res;
  };
  csrf = (await (await call("GET", "/api/auth/csrf")).json()).csrfToken;
  const login = await call("POST", "/api/auth/login", { username, password: "demo-capaian-2024" });
  csrf = (await login.json()).csrfToken;
  return call;
}

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 1);
// Months the demo has no report of Yosomulyo's in (it holds May–September 2024, approved).
const periods = [2023, 2024]
  .flatMap((y) => Array.from({ length: 12 }, (_, m) => `${y}${String(m + 1).padStart(2, "0")}`))
  .filter((p) => p < "202405" || p > "202409");

/**
 * Kills the server with SIGKILL during a burst of form saves, restarts it on the same database, and
 * checks that every acknowledged save is there whole, no save is there in part, and each stored value
 * has its audit record.
 */
describe.each(targetNames())("crash safety on %s", (name) => {
  it(`keeps acknowledged saves whole through SIGKILL (${ROUNDS} round(s))`, {
    timeout: 600_000,
  }, async () => {
    const target = await createTarget(name);
    let server: RunningServer = await startServer(target.env);
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const call = await session(server.baseUrl, "operator.yosomulyo");
        const [set] = await (await call("GET", "/api/data-sets")).json();
        const key = { dataSetId: set.id as string, orgUnitId: set.orgUnits[0].id as string };
        const form = await (
          await call("GET", `/api/data-entry/form?${new URLSearchParams({ ...key, period: "202401" })}`)
        ).json();
        const elements = form.elements as Array<{ id: string; code: string }>;
        // Each save writes one period's whole form with one number; revisions follow what is stored.
        const stored = new Map<string, number>();
        const saves = new Map<string, { value: number; status: number | "failed" }>();
        const save = async (period: string, value: number) => {
          const current = await (
            await call("GET", `/api/data-entry/form?${new URLSearchParams({ ...key, period })}`)
          ).json();
          const revision = (id: string) =>
            (current.values as Array<{ dataElementId: string; revision: number }>).find(
              (v) => v.dataElementId === id,
            )?.revision ?? null;
          const body = {
            ...key,
            period,
            values: elements.map((e) => ({
              dataElementId: e.id,
              value: String(value),
              revision: revision(e.id),
            })),
          };
          const res = await call("PUT", "/api/data-entry/values", body).then(
            (r) => r.status,
            () => "failed" as const,
          );
          saves.set(`${period}#${value}`, { value, status: res });
          if (res === 200) stored.set(period, value);
        };
        // Four operators' tabs saving without pause, so saves are in flight whenever the kill comes.
        const alive = () => server.process.exitCode === null && !server.process.signalCode;
        const victim = server;
        const workers = [0, 1, 2, 3].map(async (w) => {
          for (let i = 0; victim === server && alive(); i++) {
            const mine = periods.filter((_, n) => n % 4 === w);
            await save(mine[i % mine.length] as string, round * 1000 + i * 4 + w + 1);
          }
        });
        const acknowledged = () => [...saves.values()].filter((x) => x.status === 200).length;
        await expect
          .poll(acknowledged, { timeout: 60_000, interval: 5 })
          .toBeGreaterThanOrEqual(6 + round * 3);
        server.process.kill("SIGKILL");
        await Promise.allSettled(workers);
        expect(acknowledged()).toBeGreaterThan(0);
        server = await startServer(target.env);
        await server.stop();

        const handle = await openDatabase(
          target.env.DATABASE_URL ? { url: target.env.DATABASE_URL } : { dataDir: target.env.DATA_DIR },
        );
        try {
          const rows = await handle.db
            .select()
            .from(dataValues)
            .where(
              and(
                eq(dataValues.orgUnitId, key.orgUnitId),
                inArray(dataValues.period, periods),
                inArray(
                  dataValues.dataElementId,
                  elements.map((e) => e.id),
                ),
              ),
            );
          const byPeriod = new Map<string, number[]>();
          for (const r of rows) byPeriod.set(r.period, [...(byPeriod.get(r.period) ?? []), Number(r.value)]);
          for (const [period, values] of byPeriod) {
            // All-or-nothing: one save's values, all of them.
            expect(values).toHaveLength(elements.length);
            expect(new Set(values).size, `period ${period}`).toBe(1);
          }
          for (const [period, value] of stored) {
            // Acknowledged: there, unless a later save of the same period (also whole) replaced it.
            const now = byPeriod.get(period)?.[0];
            expect(now, `period ${period}`).toBeGreaterThanOrEqual(value);
          }
          const audits = await handle.db.select().from(auditLog).where(eq(auditLog.action, "data.value_set"));
          const audited = new Set(
            audits.map((a) => `${a.entityId}=${Number((a.newValue as { value: string } | null)?.value)}`),
          );
          const codes = new Map(elements.map((e) => [e.id, e.code]));
          for (const r of rows)
            expect(
              audited.has(`${r.orgUnitId}/${r.period}/${codes.get(r.dataElementId)}=${Number(r.value)}`),
            ).toBe(true);
        } finally {
          await handle.close();
        }
        server = await startServer(target.env);
      }
    } finally {
      if (server.process.exitCode === null && !server.process.signalCode) await server.stop();
      await target.dispose();
    }
  });
});
