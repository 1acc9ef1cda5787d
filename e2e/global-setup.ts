import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { launchServer } from "./server.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where this run keeps the demo databases its suites copy (see demoTarget in support.ts). */
    e2eRun: { dir: string; id: string };
  }
}

/** The demo loaded once per run: a PGlite data folder and a PostgreSQL database, copied by every suite. */
export const demoTemplates = (run: { dir: string; id: string }) => ({
  pglite: join(run.dir, "demo-pglite"),
  postgres: `capaian_e2e_demo_${run.id}`,
});

async function admin(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(text).finally(() => client.end());
}

const databaseUrl = (base: string, db: string) => {
  const url = new URL(base);
  url.pathname = `/${db}`;
  return url.toString();
};

/** Starts the server once on an empty database, which loads the demo, and stops it cleanly. */
async function loadDemo(env: Record<string, string>) {
  // Loading the demo is a start's heaviest part: more patience than a plain start.
  const server = await launchServer(env, 150_000);
  const code = await server.stop();
  if (code !== 0) throw new Error(`the demo server stopped with ${code}:\n${server.output()}`);
}

/**
 * One scratch place per run, with the demo loaded into it on both kinds of database at once before the
 * first file runs (so files running side by side never load it twice); removed when the run ends.
 */
export default async function setup(project: TestProject) {
  const run = { dir: mkdtempSync(join(tmpdir(), "capaian-e2e-run-")), id: randomBytes(5).toString("hex") };
  const templates = demoTemplates(run);
  const base = process.env.TEST_DATABASE_URL;
  const teardown = async () => {
    rmSync(run.dir, { recursive: true, force: true });
    if (base) await admin(base, `drop database if exists ${templates.postgres} with (force)`);
  };
  try {
    await Promise.all([
      loadDemo({ DATA_DIR: templates.pglite }),
      base &&
        admin(base, `create database ${templates.postgres}`).then(() =>
          loadDemo({ DATABASE_URL: databaseUrl(base, templates.postgres) }),
        ),
    ]);
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide("e2eRun", run);
  return teardown;
}
