import type { DatabaseHandle } from "../db/client.js";
import { type DemoOptions, loadDemo } from "../demo/load-demo.js";
import { type App, type AppOptions, buildApp } from "../server/app.js";
import type { TestDatabase } from "./databases.js";

export interface TestApp {
  app: App;
  database: DatabaseHandle;
  close(): Promise<void>;
}

/**
 * The API over a fresh database with the demo loaded, without the built web app. Without Metro's 2024
 * monitoring unless asked: most tests enter Metro's months themselves and count on finding them empty.
 */
export async function openTestApp(
  target: TestDatabase,
  loginAttemptsPerMinute = 10_000,
  {
    demo = { monitoring: false },
    ...extra
  }: Pick<AppOptions, "metrics" | "reminders" | "importMaxBytes" | "importJobThresholdBytes"> & {
    demo?: DemoOptions;
  } = {},
): Promise<TestApp> {
  const database = await target.openPrepared(`demo_${demo.monitoring ?? true}`, async (handle) => {
    await loadDemo(handle.db, demo);
  });
  const app = await buildApp({
    database,
    webRoot: "/nonexistent",
    auth: {
      secret: "test-secret",
      sessions: { idleMinutes: 60, maxHours: 8 },
      secureCookies: false,
      loginAttemptsPerMinute,
    },
    // The authorization matrix and the fuzz test call every route many times a minute from one address.
    requestsPerMinute: 100_000,
    ...extra,
  });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
