#!/usr/bin/env node
import { Command } from "commander";
import { openDatabase } from "../db/client.js";
import { migrate } from "../db/migrate.js";
import { loadDemo } from "../demo/load-demo.js";
import { readConfig } from "../server/config.js";
import { APP_VERSION } from "../server/version.js";

const program = new Command()
  .name("capaian")
  .description("capaian: perencanaan dan pemantauan kinerja Dinas Kesehatan")
  .version(APP_VERSION)
  .option("--database-url <url>", "PostgreSQL URL (default: $DATABASE_URL, else the embedded database)")
  .option("--data-dir <dir>", "folder of the embedded database (default: $DATA_DIR or ./data)");

function databaseOptions() {
  const opts = program.opts<{ databaseUrl?: string; dataDir?: string }>();
  const env = { ...process.env };
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  if (opts.dataDir) env.DATA_DIR = opts.dataDir;
  return readConfig(env).database;
}

program
  .command("migrate")
  .description("terapkan migrasi basis data / apply database migrations")
  .action(async () => {
    const handle = await openDatabase(databaseOptions());
    try {
      await migrate(handle);
      console.log(`Migrasi selesai / migrations applied (${handle.kind}).`);
    } finally {
      await handle.close();
    }
  });

program
  .command("seed")
  .description("muat data demo (RAK Kota Metro 2024, SPM Kota Depok) / load the demo data")
  .action(async () => {
    const handle = await openDatabase(databaseOptions());
    try {
      await migrate(handle);
      const loaded = await loadDemo(handle.db);
      console.log(
        loaded
          ? "Data demo dimuat / demo data loaded."
          : "Data demo sudah ada, tidak dimuat ulang / demo data already present, not loaded again.",
      );
    } finally {
      await handle.close();
    }
  });

program.parseAsync().catch((error: unknown) => {
  const e = error as { messageId?: string; message?: string };
  console.error(
    e.messageId ? `${e.messageId}\n${e.message}` : `Gagal / failed: ${e.message ?? String(error)}`,
  );
  process.exit(1);
});
