import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    globalSetup: ["e2e/global-setup.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Two files at a time, each with its own server and Chromium: most of a flow is waiting on the other
    // processes, so two keep a 2-core machine busy where one left it half idle.
    maxWorkers: 2,
    // A page on a busy machine may take seconds to show what a poll waits for: patience, not vitest's 1 s.
    expect: { poll: { timeout: 10_000 } },
  },
});
