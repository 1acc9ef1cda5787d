import { defineConfig } from "vitest/config";
import { domainAlias } from "./vite.config.js";

export default defineConfig({
  resolve: { alias: domainAlias },
  test: {
    // The web's own pure logic is tested here too, in Node: there is no DOM in these tests.
    include: ["src/**/*.test.ts", "web/src/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
