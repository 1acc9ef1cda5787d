import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    globalSetup: ["e2e/global-setup.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    // A page on a busy machine may take seconds to show what a poll waits for: patience, not vitest's 1 s.
    expect: { poll: { timeout: 10_000 } },
  },
});
