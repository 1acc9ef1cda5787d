#!/usr/bin/env node
import { Command } from "commander";
import type { Database, DatabaseKind } from "../db/client.js";
import { openDatabase } from "../db/client.js";
import { migrate } from "../db/migrate.js";
import { ROLES } from "../db/schema/index.js";
import { loadDemo } from "../demo/load-demo.js";
import { formatRupiah } from "../domain/index.js";
import type { ImportProgress } from "../interop/dhis2/import-file.js";
import { APP_VERSION } from "../lib/version.js";
import { readConfig } from "../server/config.js";
import { ensureSpmCatalogue } from "../spm/catalogue.js";
import { backupToFile, restoreFromFile } from "./backup-commands.js";
import { exportRakFile, importRakFile } from "./rak-commands.js";
import { runRemindersOnce } from "./reminder-commands.js";
import { exportLkjipReport, exportSpmReport } from "./report-commands.js";
import { createUserFromCli } from "./user-create.js";
import { exportValuesFile, importValuesFile } from "./values-commands.js";

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
      await ensureSpmCatalogue(handle.db);
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

const user = program.command("user").description("kelola pengguna / manage users");
user
  .command("create")
  .description("buat pengguna, misalnya admin pertama / create a user, e.g. the first admin")
  .requiredOption("--username <name>", "nama pengguna / username")
  .requiredOption("--full-name <name>", "nama lengkap / full name")
  .option("--admin", "peran Admin Dinas / give the admin_dinas role")
  .option("--role <role>", `peran / role: ${ROLES.join(", ")}`)
  .option(
    "--org <code>",
    "kode unit organisasi (default: akar pohon) / org unit code (default: the tree's root)",
  )
  .option("--org-name <name>", "buat unit --org bila belum ada / create the --org unit when missing")
  .option("--org-type <type>", "jenis unit yang dibuat / type of the created unit", "kabupaten_kota")
  .option("--password-stdin", "baca kata sandi dari stdin / read the password from standard input")
  .action(async (o) => {
    const role = o.admin ? "admin_dinas" : o.role;
    if (!role) throw new Error("--admin atau --role wajib / --admin or --role is required");
    const password = o.passwordStdin ? (await readStdin()).trim() : undefined;
    const handle = await openDatabase(databaseOptions());
    try {
      await migrate(handle);
      const created = await createUserFromCli(handle.db, {
        username: o.username,
        fullName: o.fullName,
        role,
        orgCode: o.org,
        orgName: o.orgName,
        orgType: o.orgType,
        password,
      });
      console.log(`Pengguna ${created.username} dibuat / user created.`);
      if (created.temporaryPassword) {
        console.log(`Kata sandi sementara / temporary password: ${created.temporaryPassword}`);
        console.log("Wajib diganti saat pertama masuk / must be changed at first login.");
      }
    } finally {
      await handle.close();
    }
  });

/** Opens the database, migrates, runs the action and closes, whatever happens. */
async function withDatabase<T>(action: (db: Database, kind: DatabaseKind) => Promise<T>): Promise<T> {
  const handle = await openDatabase(databaseOptions());
  try {
    await migrate(handle);
    return await action(handle.db, handle.kind);
  } finally {
    await handle.close();
  }
}

const year = (text: string) => {
  const n = Number.parseInt(text, 10);
  if (!Number.isInteger(n) || n < 2000 || n > 2100)
    throw new Error(`tahun tidak valid / invalid year: ${text}`);
  return n;
};

const importCommand = program.command("import").description("impor dokumen / import a document");

importCommand
  .command("rak <file>")
  .description("impor RAK dari .xlsx/.csv / import a RAK from .xlsx or .csv")
  .requiredOption("--org <org>", "nama atau kode unit organisasi / org unit name or code")
  .requiredOption("--year <year>", "tahun / year", year)
  .option("--dry-run", "hanya periksa, jangan simpan / check only, save nothing", false)
  .option("--json", "ringkasan sebagai JSON / print the summary as JSON", false)
  .action(async (file: string, o: { org: string; year: number; dryRun: boolean; json: boolean }) => {
    const summary = await withDatabase((db) => importRakFile(db, file, o));
    if (o.json) {
      const { planId: _, version: __, ...report } = summary;
      console.log(JSON.stringify(report, null, 2));
      return;
    }
    console.log(
      `${summary.sasaran} sasaran, ${summary.program} program, ${summary.kegiatan} kegiatan, ${summary.indicators} indikator, ${formatRupiah(summary.budgetTotal)}`,
    );
    for (const w of summary.warnings) console.log(`  baris ${w.row ?? "-"}: [${w.code}] ${w.message}`);
    console.log(
      summary.version
        ? `Disimpan sebagai versi ${summary.version} / saved as version ${summary.version}.`
        : "Tidak disimpan (--dry-run) / not saved.",
    );
  });

const exportCommand = program.command("export").description("ekspor dokumen / export a document");

exportCommand
  .command("rak")
  .description("ekspor RAK terbaru sebagai xlsx atau pdf / export the latest RAK as xlsx or pdf")
  .requiredOption("--org <org>", "nama atau kode unit organisasi / org unit name or code")
  .requiredOption("--year <year>", "tahun / year", year)
  .option("--format <format>", "xlsx | pdf", "xlsx")
  .option("--paper <paper>", "A4 | F4", "A4")
  .requiredOption("-o, --output <file>", "berkas keluaran / output file")
  .action(async (o: { org: string; year: number; format: string; paper: string; output: string }) => {
    if (o.format !== "xlsx" && o.format !== "pdf") throw new Error("--format xlsx | pdf");
    if (o.paper !== "A4" && o.paper !== "F4") throw new Error("--paper A4 | F4");
    const { format, paper } = o;
    const { version } = await withDatabase((db) => exportRakFile(db, { ...o, format, paper }));
    console.log(`RAK versi ${version} ditulis ke / written to ${o.output}`);
  });

const scheme = (text: string) => {
  const s = text.toUpperCase();
  if (s !== "UID" && s !== "CODE" && s !== "NAME") throw new Error("--id-scheme uid | code | name");
  return s;
};

importCommand
  .command("values <file>")
  .description("impor nilai DHIS2 dataValueSets (JSON, CSV) atau ADX / import DHIS2 dataValueSets or ADX")
  .option("--format <format>", "json | csv | adx (default: dari ekstensi / from the extension)")
  .option("--dry-run", "hanya periksa, jangan simpan / check only, save nothing", false)
  .option("--atomic <mode>", "all | none: none menyimpan nilai yang sah / none saves the valid values", "all")
  .option("--data-set <dataSet>", "formulir data (bila berkas tidak menyebutnya) / the data set")
  .option("--id-scheme <scheme>", "uid | code | name", scheme, "CODE")
  .option("--strategy <strategy>", "CREATE | UPDATE | CREATE_AND_UPDATE | DELETE", "CREATE_AND_UPDATE")
  .option("--json", "ringkasan sebagai JSON / print the summary as JSON", false)
  .action(async (file: string, o) => {
    if (!["CREATE", "UPDATE", "CREATE_AND_UPDATE", "DELETE"].includes(o.strategy))
      throw new Error("--strategy CREATE | UPDATE | CREATE_AND_UPDATE | DELETE");
    const phases = { checking: "memeriksa / checking", writing: "menyimpan / writing" };
    const progress = (p: ImportProgress) => {
      if (!process.stderr.isTTY) return;
      const read = `${p.read.toLocaleString("id-ID")} nilai dibaca / values read`;
      process.stderr.write(`\r${p.phase === "reading" ? read : `${read}; ${phases[p.phase]}…`}\x1b[K`);
    };
    const summary = await withDatabase((db, kind) =>
      importValuesFile(db, file, { ...o, kind, onProgress: progress }),
    );
    if (process.stderr.isTTY) process.stderr.write("\n");
    if (o.json) {
      console.log(JSON.stringify(summary, null, 2));
    } else {
      console.log(`${summary.status}: ${summary.description}\n${summary.descriptionEn}`);
      for (const c of summary.conflicts)
        console.log(
          `  [${c.errorCode}] ${c.object}: ${c.value} (indeks / indexes ${c.indexes.slice(0, 10).join(", ")})`,
        );
    }
    if (summary.status === "ERROR") process.exitCode = 1;
  });

exportCommand
  .command("values")
  .description("ekspor nilai sebagai DHIS2 dataValueSets (JSON, CSV) atau ADX / export values")
  .requiredOption("--data-set <dataSet>", "formulir data / data set")
  .requiredOption("--org-unit <orgUnit>", "unit organisasi / org unit")
  .option("--children", "termasuk semua unit di bawahnya / with every unit below it", false)
  .option("--period <period>", "periode DHIS2 / DHIS2 period (202401, 2024Q1, 2024)")
  .option("--start-date <date>", "YYYY-MM-DD")
  .option("--end-date <date>", "YYYY-MM-DD")
  .option("--format <format>", "json | csv | adx (default: dari ekstensi / from the extension)")
  .option("--id-scheme <scheme>", "uid | code | name", scheme, "CODE")
  .requiredOption("-o, --output <file>", "berkas keluaran / output file")
  .action(async (o) => {
    await withDatabase((db) => exportValuesFile(db, o));
    console.log(`Nilai ditulis ke / values written to ${o.output}`);
  });

const reportCommand = program.command("report").description("buat laporan / produce a report");

reportCommand
  .command("spm")
  .description("laporan tahunan penerapan SPM (Pasal 9) / the annual SPM report")
  .requiredOption("--org <org>", "nama atau kode wilayah / region name or code")
  .requiredOption("--year <year>", "tahun / year", year)
  .option("--format <format>", "xlsx | pdf | json", "xlsx")
  .option("--paper <paper>", "A4 | F4", "A4")
  .requiredOption("-o, --output <file>", "berkas keluaran / output file")
  .action(async (o: { org: string; year: number; format: string; paper: string; output: string }) => {
    if (o.format !== "xlsx" && o.format !== "pdf" && o.format !== "json")
      throw new Error("--format xlsx | pdf | json");
    if (o.paper !== "A4" && o.paper !== "F4") throw new Error("--paper A4 | F4");
    const { format, paper } = o;
    const summary = await withDatabase((db) => exportSpmReport(db, { ...o, format, paper }));
    console.log(
      `Laporan SPM ${o.year}: ${summary.computed} dari ${summary.services} jenis pelayanan terhitung, ditulis ke / written to ${o.output}`,
    );
  });

reportCommand
  .command("lkjip")
  .description(
    "LKjIP satu tahun terhadap Renstra yang berlaku / the LKjIP of a year against the Renstra in force",
  )
  .requiredOption("--org <org>", "nama atau kode unit organisasi / org unit name or code")
  .requiredOption("--year <year>", "tahun / year", year)
  .option("--format <format>", "docx | pdf | json", "docx")
  .option("--paper <paper>", "A4 | F4", "A4")
  .requiredOption("-o, --output <file>", "berkas keluaran / output file")
  .action(async (o: { org: string; year: number; format: string; paper: string; output: string }) => {
    if (o.format !== "docx" && o.format !== "pdf" && o.format !== "json")
      throw new Error("--format docx | pdf | json");
    if (o.paper !== "A4" && o.paper !== "F4") throw new Error("--paper A4 | F4");
    const { format, paper } = o;
    const summary = await withDatabase((db) => exportLkjipReport(db, { ...o, format, paper }));
    console.log(
      `LKjIP ${o.year}: ${summary.sasaran} sasaran strategis, ${summary.indicators} IKU, ditulis ke / written to ${o.output}`,
    );
  });

program
  .command("backup")
  .description("buat cadangan basis data ke satu berkas / back the database up into one file")
  .requiredOption("-o, --output <file>", "berkas cadangan / backup file")
  .option("--logical", "cadangan logis tanpa pg_dump / logical dump without pg_dump", false)
  .action(async (o: { output: string; logical: boolean }) => {
    const made = await backupToFile(databaseOptions(), o.output, o.logical);
    console.log(
      `Cadangan ${made.database} (${made.payload}, ${made.migrations} migrasi, ${made.payloadBytes} bita) ditulis ke / written to ${made.file}`,
    );
  });

program
  .command("restore <file>")
  .description("pulihkan cadangan ke basis data kosong / restore a backup into an empty database")
  .option("--force", "timpa data yang ada / replace the data already there", false)
  .action(async (file: string, o: { force: boolean }) => {
    const { manifest, migrations } = await restoreFromFile(databaseOptions(), file, o.force);
    console.log(
      `Cadangan ${manifest.createdAt} (capaian ${manifest.appVersion}) dipulihkan, ${migrations} migrasi terpasang / restored, migrations applied.`,
    );
  });

program
  .command("reminders")
  .description("pengingat tenggat / deadline reminders")
  .command("run")
  .description("kirim sekali pengingat yang jatuh tempo / send the reminders due, once")
  .option("--today <date>", "tanggal hari ini, YYYY-MM-DD (uji) / today's date (tests)")
  .action(async (o: { today?: string }) => {
    const result = await withDatabase((db) => runRemindersOnce(db, o.today));
    console.log(
      `Pengingat ${result.today}: ${result.notices} pemberitahuan, ${result.emails} e-mail / notices, e-mails sent.`,
    );
  });

async function readStdin(): Promise<string> {
  let text = "";
  for await (const chunk of process.stdin) text += chunk;
  return text;
}

program.parseAsync().catch((error: unknown) => {
  const e = error as { messageId?: string; message?: string };
  console.error(
    e.messageId ? `${e.messageId}\n${e.message}` : `Gagal / failed: ${e.message ?? String(error)}`,
  );
  process.exit(1);
});
