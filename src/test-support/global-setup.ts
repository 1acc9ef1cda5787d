import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where this run keeps the prepared databases its tests copy (openPrepared in databases.ts). */
    testRun: { dir: string; id: string };
  }
}

/** One scratch place per run; the prepared databases made in it are removed when the run ends. */
export default function setup(project: TestProject) {
  const run = { dir: mkdtempSync(join(tmpdir(), "capaian-test-run-")), id: randomBytes(5).toString("hex") };
  project.provide("testRun", run);
  return async () => {
    rmSync(run.dir, { recursive: true, force: true });
    const base = process.env.TEST_DATABASE_URL;
    if (!base) return;
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>(
        "select datname from pg_database where datname like $1",
        [`capaian_prepared_${run.id}_%`],
      );
      for (const { datname } of rows) await client.query(`drop database if exists ${datname} with (force)`);
    } finally {
      await client.end();
    }
  };
}
