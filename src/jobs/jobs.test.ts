import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/client.js";
import { jobs, orgUnits } from "../db/schema/index.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import { fingerprint } from "../test-support/fingerprint.js";
import { createTestUser } from "../test-support/users.js";
import { failInterruptedJobs, INTERRUPTED, progressWriter, purgeFinishedJobs } from "./commands.js";
import type { JobView } from "./schemas.js";

const THRESHOLD = 2 * 1024;
const HEADER = "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value\n";
const CSV = "application/csv";

describe("a job's progress", () => {
  it("is written at most every half second, and at once when the phase changes", async () => {
    const writes: Array<{ phase: string; read: number }> = [];
    const db = {
      update: () => ({
        set: (row: { phase: string; read: number }) => ({
          where: async () => {
            writes.push(row);
          },
        }),
      }),
    } as unknown as Database;
    const progress = progressWriter(db, "job");
    for (let read = 1_000; read <= 100_000; read += 1_000) progress.report({ phase: "reading", read });
    progress.report({ phase: "checking", read: 100_000, total: 100_000 });
    progress.report({ phase: "writing", read: 100_000, total: 100_000 });
    await progress.settled();
    expect(writes.map((w) => [w.phase, w.read])).toEqual([
      ["reading", 1_000],
      ["checking", 100_000],
      ["writing", 100_000],
    ]);
  });
});

describe.each(testDatabases())("DHIS2 imports run as jobs on $name", (target) => {
  let t: TestApp;
  let operator: TestClient;
  let operatorId: string;
  /** Metro's units and the form's elements: a CSV of values for 2024 nobody entered yet. */
  let csv: string;
  let lines: string[];
  const send = (body: string | Readable, query = "") =>
    operator.request("POST", `/api/dataValueSets?idScheme=CODE&dataSet=LB-PUSKESMAS${query}`, body, {
      "content-type": CSV,
    });
  const follow = async (client: TestClient, id: string): Promise<JobView> => {
    for (let i = 0; i < 600; i++) {
      const res = await client.get(`/api/jobs/${id}`);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const job = res.json() as JobView;
      if (job.status === "done" || job.status === "failed") return job;
      await new Promise((done) => setTimeout(done, 100));
    }
    throw new Error(`job ${id} did not end`);
  };
  const started = (res: { statusCode: number; json(): unknown; body: string }) => {
    expect(res.statusCode, res.body.slice(0, 300)).toBe(202);
    const { job } = res.json() as { job: { id: string; status: string } };
    expect(job.status).toBe("queued");
    return job.id;
  };

  beforeAll(async () => {
    t = await openTestApp(target, 10_000, { importJobThresholdBytes: THRESHOLD });
    const db = t.database.db;
    operatorId = await createTestUser(db, "operator.kota", "operator_fasyankes", "18.72");
    await createTestUser(db, "operator.lain", "operator_fasyankes", "18.72");
    operator = await TestClient.loggedIn(t.app, "operator.kota");
    const units = (await db.execute(sql`select distinct u.code from data_set_org_units a
      join data_sets d on d.id = a.data_set_id join org_units u on u.id = a.org_unit_id
      where d.code = 'LB-PUSKESMAS' and u.path like '%/18.72/%' order by u.code limit 3`)) as unknown as {
      rows: Array<{ code: string }>;
    };
    const elements = (await db.execute(sql`select e.code from data_set_elements s
      join data_sets d on d.id = s.data_set_id join data_elements e on e.id = s.data_element_id
      where d.code = 'LB-PUSKESMAS' and e.value_type in ('integer', 'number') order by e.code limit 4`)) as unknown as {
      rows: Array<{ code: string }>;
    };
    lines = units.rows.flatMap((u, i) =>
      ["01", "02", "03", "04", "05", "06"].flatMap((month) =>
        elements.rows.map((e, j) => `${e.code},2024${month},${u.code},,,${i + j + Number(month)}`),
      ),
    );
    csv = `${HEADER}${lines.join("\n")}\n`;
    expect(Buffer.byteLength(csv)).toBeGreaterThan(THRESHOLD);
  });
  afterAll(() => t.close());

  it("imports a file above the threshold as a job: 202, progress, then the summary the request would give", async () => {
    // Streamed without a Content-Length, the same file is imported within the request.
    const direct = await send(Readable.from([csv]), "&dryRun=true");
    expect(direct.statusCode, direct.body.slice(0, 300)).toBe(200);
    const before = await fingerprint(t.database.db);

    const dry = await follow(operator, started(await send(csv, "&dryRun=true")));
    expect(dry).toMatchObject({ status: "done", error: null, progress: { read: lines.length } });
    expect(dry.summary).toEqual(direct.json());
    expect(await fingerprint(t.database.db)).toBe(before);

    const job = await follow(operator, started(await send(csv)));
    expect(job.status).toBe("done");
    expect(job.progress).toEqual({ read: lines.length, total: lines.length });
    expect(job.summary).toMatchObject({
      status: "SUCCESS",
      dryRun: false,
      importCount: { ...direct.json().importCount, imported: lines.length },
    });
    expect(job.counts).toEqual(job.summary?.importCount);
    expect(job.finishedAt).not.toBeNull();
    const [row] = await t.database.db.select().from(jobs).where(eq(jobs.id, job.id));
    expect(row?.filePath).toBeNull();

    const back = await operator.get(
      "/api/dataValueSets?idScheme=CODE&dataSet=LB-PUSKESMAS&orgUnit=18.72&children=true&startDate=2024-01-01&endDate=2024-06-30&format=json",
    );
    const values = (back.json().dataValues as Array<Record<string, string>>)
      .map((v) => `${v.dataElement},${v.period},${v.orgUnit},,,${v.value}`)
      .sort();
    expect(values).toEqual([...lines].sort());

    const mine = (await operator.get("/api/jobs")).json().items as JobView[];
    expect(mine.map((j) => j.id).slice(0, 2)).toEqual([job.id, dry.id]);
  });

  it("ends an atomic file with conflicts done with an ERROR summary, and an unreadable one failed", async () => {
    const before = await fingerprint(t.database.db);
    const refused = await follow(
      operator,
      started(await send(`${HEADER}${lines.map((l) => l.replace(",18.72.", ",99.99.")).join("\n")}\n`)),
    );
    expect(refused.status).toBe("done");
    expect(refused.summary).toMatchObject({ status: "ERROR", importCount: { imported: 0 } });
    expect(refused.summary?.conflicts[0]?.errorCode).toBe("E7612");

    const broken = await follow(operator, started(await send(`element,period\n${"x,y\n".repeat(2000)}`)));
    expect(broken).toMatchObject({ status: "failed", summary: null, error: { code: "CSV_HEADER_INVALID" } });
    expect(broken.error?.messageEn).toMatch(/first row/);
    expect(await fingerprint(t.database.db)).toBe(before);
  });

  it("runs a small file as a job when asked, and shows a job to its owner and Metro's admin only", async () => {
    const id = started(
      await send(`${HEADER}${lines[0]?.replace(",202401,", ",202407,")}\n`, "&async=true&dryRun=true"),
    );
    expect((await follow(operator, id)).summary?.importCount.imported).toBe(1);
    const other = await TestClient.loggedIn(t.app, "operator.lain");
    const refused = await other.get(`/api/jobs/${id}`);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe("NOT_FOUND");
    expect((await other.get("/api/jobs")).json().items).toEqual([]);
    const admin = await TestClient.loggedIn(t.app, "admin.metro");
    expect((await admin.get(`/api/jobs/${id}`)).statusCode).toBe(200);
    const depok = await TestClient.loggedIn(t.app, "admin.depok");
    expect((await depok.get(`/api/jobs/${id}`)).statusCode).toBe(404);
  });

  it("answers a poll promptly while a large import runs, with the values read so far", async () => {
    // 108 000 values (the fixture's 72 repeated): long enough to be polled while it reads and checks.
    const big = `${HEADER}${`${lines.join("\n")}\n`.repeat(1_500)}`;
    const id = started(await send(big, "&dryRun=true"));
    const polls: Array<{ ms: number; status: string; read: number }> = [];
    for (;;) {
      const start = performance.now();
      const job = (await operator.get(`/api/jobs/${id}`)).json() as JobView;
      polls.push({ ms: performance.now() - start, status: job.status, read: job.progress.read });
      if (job.status === "done" || job.status === "failed") break;
      await new Promise((done) => setTimeout(done, 50));
    }
    const during = polls.filter((p) => p.status === "running");
    expect(during.some((p) => p.read > 0 && p.read < lines.length * 1_500)).toBe(true);
    // PGlite: the staging and the checks leave the one connection free between their statements.
    expect(Math.max(...during.map((p) => p.ms))).toBeLessThan(1_500);
    expect(polls.at(-1)?.status).toBe("done");
  });

  it("deletes at the daily upkeep the jobs finished over a month ago, and their files", async () => {
    const db = t.database.db;
    const [unit] = await db.select().from(orgUnits).where(eq(orgUnits.code, "18.72"));
    const dir = join(tmpdir(), "capaian-jobs");
    await mkdir(dir, { recursive: true });
    const file = join(dir, `${crypto.randomUUID()}.csv`);
    await writeFile(file, csv);
    const day = 86_400_000;
    const job = { kind: "dhis2.import", createdBy: operatorId, orgUnitId: unit?.id as string };
    const rows = await db
      .insert(jobs)
      .values([
        { ...job, status: "done", finishedAt: new Date(Date.now() - 40 * day), filePath: file },
        { ...job, status: "failed", finishedAt: new Date(Date.now() - 29 * day) },
        { ...job, status: "running", createdAt: new Date(Date.now() - 40 * day) },
      ])
      .returning({ id: jobs.id });
    expect(await purgeFinishedJobs(db)).toBe(1);
    const left = await db.select({ id: jobs.id }).from(jobs);
    const ids = new Set(left.map((j) => j.id));
    expect(rows.map((r) => ids.has(r.id))).toEqual([false, true, true]);
    expect(existsSync(file)).toBe(false);
    // The running one is the next test's business: a stopped server's job.
    await db.delete(jobs).where(eq(jobs.id, rows[2]?.id as string));
  });

  it("fails at start the jobs a stopped server left running, and removes their files", async () => {
    const db = t.database.db;
    const dir = join(tmpdir(), "capaian-jobs");
    await mkdir(dir, { recursive: true });
    const file = join(dir, `${crypto.randomUUID()}.csv`);
    await writeFile(file, csv);
    const [unit] = await db.select().from(orgUnits).where(eq(orgUnits.code, "18.72"));
    const [left] = await db
      .insert(jobs)
      .values({
        kind: "dhis2.import",
        status: "running",
        createdBy: operatorId,
        orgUnitId: unit?.id as string,
        filePath: file,
        read: 120,
      })
      .returning();
    expect(await failInterruptedJobs(db)).toBe(1);
    const job = await follow(operator, left?.id as string);
    expect(job).toMatchObject({
      status: "failed",
      error: { code: INTERRUPTED.code, message: INTERRUPTED.id, messageEn: INTERRUPTED.en },
    });
    expect(job.error?.messageEn).toMatch(/server restart; nothing was saved/);
    expect(existsSync(file)).toBe(false);
  });
});
