import { defineConfig } from "vitest/config";
import { domainAlias } from "./vite.config.js";

export default defineConfig({
  resolve: { alias: domainAlias },
  test: {
    // The web's own pure logic is tested here too, in Node: there is no DOM in these tests.
    include: ["src/**/*.test.ts", "web/src/**/*.test.ts"],
    environment: "node",
    // The demo loaded once per run and kind of database, copied by each test file (openPrepared).
    globalSetup: ["src/test-support/global-setup.ts"],
    // One module graph for every file of the worker: importing the app afresh per file cost ~3 s each,
    // a third of the run. Tests restore what they change (timers, globals); caches are per database.
    isolate: false,
    testTimeout: 30_000,
    // The first file to need the demo loads it for the whole run (openPrepared): on a busy machine, ~1 min.
    hookTimeout: 120_000,
  },
});
