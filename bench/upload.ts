import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { checkUpload } from "../src/data-entry/import-check.js";
import { commitImport } from "../src/data-entry/import-commit.js";
import type { Database, DatabaseHandle } from "../src/db/client.js";
import { copyInto } from "./copy.js";
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
 * locks) against the floor: exceljs' plain read of the same file plus COPY of the same values into
 * data_values.
 */
export async function benchUpload(handle: DatabaseHandle): Promise<string[]> {
  const db = handle.db;
  const { dataSet, file, roles } = await setUp(db);
  const preview = await timed(() => checkUpload(db, dataSet, file, "bench.xlsx", roles));
  const commit = await timed(async () =>
    commitImport(db, dataSet, await checkUpload(db, dataSet, file, "bench.xlsx", roles), actor),
  );
  // The floor: exceljs' plain read, then COPY of the same values into the same table, resolved to
  // ids as the commit resolves them (the committed values are deleted first, outside the timing).
  const ids = (await db.execute(
    sql`select u.code, u.id, u.district_id from org_units u where u.code like 'UPL.P%'`,
  )) as unknown as {
    rows: Array<{ code: string; id: string; district_id: string | null }>;
  };
  const units = new Map(ids.rows.map((r) => [r.code, r]));
  const elements = new Map(
    (
      (await db.execute(
        sql`select e.code, e.id from data_elements e where e.code like 'UPL_%'`,
      )) as unknown as { rows: Array<{ code: string; id: string }> }
    ).rows.map((r) => [r.code, r.id]),
  );
  await db.execute(
    sql`delete from data_values where org_unit_id in (select id from org_units where code like 'UPL.P%')`,
  );
  const floor = await timed(async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file) as never);
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const lines: string[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const cells = row.values as unknown[];
      const unit = units.get(String(cells[1]));
      for (let c = 4; c < cells.length; c++)
        lines.push(
          `${unit?.id}\t${unit?.district_id ?? unit?.id}\t${String(cells[3])}\t${elements.get(header[c] ?? "")}\t${String(cells[c])}\n`,
        );
    });
    await copyInto(
      handle,
      "data_values (org_unit_id, district_id, period, data_element_id, value)",
      lines.join(""),
    );
    return lines.length;
  });
  const total = preview.ms + commit.ms;
  const lines = [
    `Upload of ${commit.value.values.toLocaleString("en")} values from xlsx (${(file.length / 2 ** 20).toFixed(1)} MB, ${handle.kind})`,
    `  preview ${(preview.ms / 1000).toFixed(1)} s (peak RSS ${preview.peakMb.toFixed(0)} MB); commit incl. re-check ${(commit.ms / 1000).toFixed(1)} s (peak RSS ${commit.peakMb.toFixed(0)} MB)`,
    `  floor: exceljs plain read + COPY of ${floor.value.toLocaleString("en")} values ${(floor.ms / 1000).toFixed(1)} s (peak RSS ${floor.peakMb.toFixed(0)} MB)`,
    `  ratio ${(total / floor.ms).toFixed(1)}× the floor (preview + commit)`,
  ];
  return [lines.join("\n")];
}
