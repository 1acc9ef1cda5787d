import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { checkUpload } from "../src/data-entry/import-check.js";
import { commitImport } from "../src/data-entry/import-commit.js";
import type { Database, DatabaseHandle } from "../src/db/client.js";
import { chunks } from "../src/lib/chunks.js";
import { buildForm } from "./kota.js";

const PUSKESMAS = 20;
const ELEMENTS = 420;
const MONTHS = Array.from({ length: 12 }, (_, i) => `2024${String(i + 1).padStart(2, "0")}`);
const actor = { userId: null, username: "bench", requestId: null };

/** 20 puskesmas × 12 months × 420 data elements: 100 800 values in one xlsx of 240 rows. */
async function setUp(db: Database) {
  const { kota, dataSet, path } = await buildForm(db, "UPL", "Unggah", PUSKESMAS, ELEMENTS);
  const codes = Array.from({ length: ELEMENTS }, (_, i) => `UPL_${String(i + 1).padStart(3, "0")}`);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Isian");
  sheet.addRow(["Kode Unit", "Nama Unit", "Periode", ...codes]);
  for (const month of MONTHS)
    for (let p = 1; p <= PUSKESMAS; p++)
      sheet.addRow([`UPL.P${p}`, null, month, ...codes.map((_, i) => (p * 31 + i) % 100)]);
  const file = new Uint8Array(await book.xlsx.writeBuffer());
  return {
    dataSet,
    kota,
    file,
    roles: [{ role: "operator_fasyankes" as const, orgUnitId: kota, orgUnitPath: path }],
  };
}

/** Peak resident memory while `fn` runs, sampled every 20 ms. */
async function timed<T>(fn: () => Promise<T>) {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const start = performance.now();
  try {
    const value = await fn();
    return {
      value,
      ms: performance.now() - start,
      peakMb: Math.max(peak, process.memoryUsage().rss) / 2 ** 20,
    };
  } finally {
    clearInterval(timer);
  }
}

/**
 * The data-entry upload of 100 800 values from xlsx (preview, then commit with its re-check, audit and
 * locks) against the floor: exceljs' plain read of the same file plus one bulk load of the same values
 * (unnest arrays into a scratch table; COPY would need a driver extension on each database).
 */
export async function benchUpload(handle: DatabaseHandle): Promise<string[]> {
  const db = handle.db;
  const { dataSet, file, roles } = await setUp(db);
  const preview = await timed(() => checkUpload(db, dataSet, file, "bench.xlsx", roles));
  const commit = await timed(async () =>
    commitImport(db, dataSet, await checkUpload(db, dataSet, file, "bench.xlsx", roles), actor),
  );
  await db.execute(sql`create table bench_values (org_unit text, period text, code text, value numeric)`);
  const floor = await timed(async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file) as never);
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const values: [string, string, string, string][] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const cells = row.values as unknown[];
      for (let c = 4; c < cells.length; c++)
        values.push([String(cells[1]), String(cells[3]), header[c] ?? "", String(cells[c])]);
    });
    for (const part of chunks(values, 50_000)) {
      const col = (i: number) => `{${part.map((v) => `"${v[i]}"`).join(",")}}`;
      await db.execute(
        sql`insert into bench_values select * from unnest(${col(0)}::text[], ${col(1)}::text[], ${col(2)}::text[], ${col(3)}::numeric[])`,
      );
    }
    return values.length;
  });
  const total = preview.ms + commit.ms;
  const lines = [
    `Upload of ${commit.value.values.toLocaleString("en")} values from xlsx (${(file.length / 2 ** 20).toFixed(1)} MB, ${handle.kind})`,
    `  preview ${(preview.ms / 1000).toFixed(1)} s (peak RSS ${preview.peakMb.toFixed(0)} MB); commit incl. re-check ${(commit.ms / 1000).toFixed(1)} s (peak RSS ${commit.peakMb.toFixed(0)} MB)`,
    `  floor: exceljs plain read + one bulk insert of ${floor.value.toLocaleString("en")} values ${(floor.ms / 1000).toFixed(1)} s (peak RSS ${floor.peakMb.toFixed(0)} MB)`,
    `  ratio ${(total / floor.ms).toFixed(1)}× the floor (preview + commit)`,
  ];
  return [lines.join("\n")];
}
