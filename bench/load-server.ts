import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify from "fastify";
import type { DatabaseHandle } from "../src/db/client.js";
import { loadDemo } from "../src/demo/load-demo.js";
import { buildApp } from "../src/server/app.js";
import { prepareDatabase } from "../src/server/bootstrap.js";
import { testDatabases } from "../src/test-support/databases.js";

/**
 * The server under load, in its own process so the load generator does not share its event loop:
 * LOAD_DATABASE=pglite (a data folder, as `npm start`), postgres (a throwaway database on
 * TEST_DATABASE_URL) or bare (a trivial Fastify route, the baseline). Prints {"port"} when listening.
 */
const which = process.env.LOAD_DATABASE ?? "pglite";
let stop: () => Promise<void>;
let port: number;

if (which === "bare") {
  const bare = Fastify({ logger: false });
  bare.get("/hello", async () => ({ hello: "dunia" }));
  await bare.listen({ port: 0, host: "127.0.0.1" });
  port = (bare.server.address() as { port: number }).port;
  stop = () => bare.close();
} else {
  let handle: DatabaseHandle;
  let dir: string | undefined;
  if (which === "postgres") {
    const target = testDatabases().find((t) => t.name === "postgres");
    if (!target) throw new Error("TEST_DATABASE_URL is not set");
    handle = await target.open();
    await loadDemo(handle.db);
  } else {
    dir = mkdtempSync(join(tmpdir(), "capaian-load-"));
    handle = (await prepareDatabase({ dataDir: dir }, true)).handle;
  }
  const app = await buildApp({
    database: handle,
    logger: false,
    webRoot: "/nonexistent",
    auth: {
      secret: "load-bench",
      sessions: { idleMinutes: 60, maxHours: 8 },
      secureCookies: false,
      loginAttemptsPerMinute: 1000,
    },
    // The load comes from one address; the per-address limit is not what is measured.
    requestsPerMinute: 100_000_000,
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  port = (app.server.address() as { port: number }).port;
  stop = async () => {
    await app.close();
    await handle.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}

process.on("SIGTERM", () => void stop().then(() => process.exit(0)));
console.log(JSON.stringify({ port }));
