import { scheduleBackups } from "../backup/schedule.js";
import { buildApp } from "./app.js";
import { prepareDatabase } from "./bootstrap.js";
import { readConfig } from "./config.js";
import { installationSecret } from "./secret.js";

const config = readConfig();
const started = performance.now();
const { handle, demoLoaded } = await prepareDatabase(config.database, config.demo);
const secret = config.secret ?? (await installationSecret(handle.db));
const app = await buildApp({
  database: handle,
  logger: { level: config.logLevel },
  trustProxy: config.trustProxy,
  auth: {
    secret,
    sessions: config.sessions,
    secureCookies: config.secureCookies,
    loginAttemptsPerMinute: config.loginAttemptsPerMinute,
  },
});

const stopBackups = config.backup ? scheduleBackups(handle, config.backup, app.log) : () => {};

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, "shutting down");
  stopBackups();
  await app.close();
  await handle.close();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

await app.listen({ port: config.port, host: config.host });
app.log.info(
  {
    database: handle.kind,
    demoLoaded,
    startupMs: Math.round(performance.now() - started),
  },
  `capaian siap / ready at http://localhost:${config.port}`,
);
