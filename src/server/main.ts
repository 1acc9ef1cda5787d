import { newBackupStatus, scheduleBackups } from "../backup/schedule.js";
import { ensureYearPartitions } from "../db/partitions.js";
import { failInterruptedJobs, purgeFinishedJobs } from "../jobs/commands.js";
import { smtpMailer } from "../reminders/mailer.js";
import { scheduleReminders } from "../reminders/schedule.js";
import { buildApp } from "./app.js";
import { prepareDatabase } from "./bootstrap.js";
import { readConfig } from "./config.js";
import { initialiseNewDataDir } from "./first-run.js";
import { installationSecret } from "./secret.js";

const config = readConfig();
const started = performance.now();
const firstRun = await initialiseNewDataDir(config.database);
const prepared = await prepareDatabase(config.database, config.demo);
const { handle } = prepared;
const demoLoaded = firstRun?.demoLoaded ?? prepared.demoLoaded;
// Jobs of a server that stopped: each was one transaction, so nothing of them was saved.
const interruptedJobs = await failInterruptedJobs(handle.db);
const secret = config.secret ?? (await installationSecret(handle.db));
const backupStatus = newBackupStatus();
const mailer = config.reminders.smtp ? smtpMailer(config.reminders.smtp) : null;
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
  metrics: config.metrics && { token: config.metrics.token, backup: config.backup && backupStatus },
  reminders: { mailer, testClock: config.reminders.testClock },
  importJobThresholdBytes: config.jobThresholdBytes,
});
if (interruptedJobs > 0)
  app.log.warn(
    { jobs: interruptedJobs },
    "pekerjaan yang terhenti ditandai gagal / interrupted jobs marked failed",
  );

const stopBackups = config.backup ? scheduleBackups(handle, config.backup, app.log, backupStatus) : () => {};
const stopReminders =
  config.reminders.intervalMs > 0
    ? scheduleReminders(handle, { intervalMs: config.reminders.intervalMs, mailer }, app.log)
    : () => {};

// A server running over New Year gets the new year's partitions (and an imported past year's) daily;
// finished jobs older than a month go then too.
const partitionUpkeep = setInterval(
  () => {
    ensureYearPartitions(handle.db).then(
      (years) => years.length > 0 && app.log.info({ years }, "partisi tahun dibuat / year partitions made"),
      (error) => app.log.warn({ err: error }, "partisi tahun belum dibuat / year partitions not made yet"),
    );
    purgeFinishedJobs(handle.db).then(
      (jobs) => jobs > 0 && app.log.info({ jobs }, "pekerjaan lama dihapus / old jobs deleted"),
      (error) => app.log.warn({ err: error }, "pekerjaan lama belum dihapus / old jobs not deleted yet"),
    );
  },
  24 * 60 * 60_000,
);
partitionUpkeep.unref();

/**
 * Stops accepting connections, lets running requests finish (up to SHUTDOWN_TIMEOUT_MS, then cuts the
 * rest), and closes the database last: PGlite writes its files out and releases the folder lock.
 */
let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal, timeoutMs: config.shutdownTimeoutMs }, "berhenti / shutting down");
  stopBackups();
  stopReminders();
  clearInterval(partitionUpkeep);
  mailer?.close();
  const cut = setTimeout(() => {
    app.log.warn("permintaan yang masih berjalan diputus / cutting the requests still running");
    app.server.closeAllConnections();
  }, config.shutdownTimeoutMs);
  try {
    await app.close();
  } finally {
    clearTimeout(cut);
    await handle.close();
  }
  app.log.info("berhenti dengan bersih / stopped cleanly");
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
