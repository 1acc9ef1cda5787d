import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where this run keeps the demo databases its suites copy (see demoTarget in support.ts). */
    e2eRun: { dir: string; id: string };
  }
}

/** One scratch place per run; the demo templates made in it are removed when the run ends. */
export default function setup(project: TestProject) {
  const run = { dir: mkdtempSync(join(tmpdir(), "capaian-e2e-run-")), id: randomBytes(5).toString("hex") };
  project.provide("e2eRun", run);
  return async () => {
    rmSync(run.dir, { recursive: true, force: true });
    const base = process.env.TEST_DATABASE_URL;
    if (!base) return;
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    await client
      .query(`drop database if exists capaian_e2e_demo_${run.id} with (force)`)
      .finally(() => client.end());
  };
}
