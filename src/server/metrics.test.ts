import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newBackupStatus } from "../backup/schedule.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { testDatabases } from "../test-support/databases.js";
import { type App, buildApp } from "./app.js";

const testAuth = {
  secret: "test-secret",
  sessions: { idleMinutes: 60, maxHours: 8 },
  secureCookies: false,
  loginAttemptsPerMinute: 100,
};

describe.each(testDatabases())("Prometheus metrics on $name", (target) => {
  let t: TestApp;
  let off: App;
  const backup = { ...newBackupStatus(), successes: 3, lastSuccessAt: 1_800_000_000 };
  beforeAll(async () => {
    t = await openTestApp(target, 10_000, { metrics: { token: "rahasia-metrik", backup } });
    // The same database without the metrics option: no second demo load.
    off = await buildApp({ database: t.database, webRoot: "/nonexistent", auth: testAuth });
  });
  afterAll(async () => {
    await off.close();
    await t.close();
  });
  const scrape = (app = t.app, token = "rahasia-metrik") =>
    app.inject({ method: "GET", url: "/metrics", headers: { authorization: `Bearer ${token}` } });

  it("is not served unless switched on", async () => {
    const res = await scrape(off);
    expect(res.statusCode).toBe(404);
  });

  it("refuses a scrape without the right token, in both languages", async () => {
    for (const res of [
      await t.app.inject({ method: "GET", url: "/metrics" }),
      await scrape(t.app, "salah-tebak-metrik"),
    ]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toMatchObject({ message: expect.any(String), messageEn: expect.any(String) });
    }
  });

  it("counts requests per route pattern and status class, never per raw URL", async () => {
    for (const id of ["00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002"])
      await t.app.inject({ method: "GET", url: `/api/plans/${id}` });
    await t.app.inject({ method: "GET", url: "/api/health" });
    const res = await scrape();
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/plain; version=0.0.4");
    const text = res.body;
    expect(text).toContain(
      'capaian_http_requests_total{method="GET",route="/api/plans/:id",status_class="4xx"} 2',
    );
    expect(text).toContain(
      'capaian_http_requests_total{method="GET",route="/api/health",status_class="2xx"} 1',
    );
    expect(text).not.toContain("00000000-0000-4000-8000-000000000001");
    expect(text).toContain(
      'capaian_http_request_duration_seconds_count{method="GET",route="/api/plans/:id"} 2',
    );
    expect(text).toMatch(
      /capaian_http_request_duration_seconds_bucket\{method="GET",route="\/api\/plans\/:id",le="\+Inf"\} 2/,
    );
    expect(text).toMatch(/capaian_event_loop_lag_seconds\{quantile="0.99"\} \d/);
    // Only the scrape itself is being answered.
    expect(text).toContain("capaian_http_requests_in_flight 1\n");
  });

  it("shows the database pool or queue and the backup job", async () => {
    const text = (await scrape()).body;
    if (target.name === "postgres") {
      expect(text).toMatch(/capaian_db_pool_connections\{database="postgres",state="total"\} \d+/);
      expect(text).toMatch(/capaian_db_pool_waiting\{database="postgres"\} 0/);
    } else {
      expect(text).toMatch(/capaian_db_queue_depth\{database="pglite"\} 0/);
    }
    expect(text).toContain('capaian_backup_runs_total{outcome="success"} 3');
    expect(text).toContain("capaian_backup_last_success_timestamp_seconds 1800000000");
    expect(text).toContain("capaian_backup_running 0");
  });

  it("writes only well-formed lines of the text format", async () => {
    const lines = (await scrape()).body.trimEnd().split("\n");
    for (const line of lines)
      expect(line).toMatch(/^(# (HELP|TYPE) [a-z_]+ .+|[a-z_]+(\{[^}]*\})? -?[0-9.e+-]+)$/);
  });
});
