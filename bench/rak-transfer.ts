import { eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { Database } from "../src/db/client.js";
import { openDatabase } from "../src/db/client.js";
import { migrate } from "../src/db/migrate.js";
import { orgUnits, plans } from "../src/db/schema/index.js";
import { loadDemo } from "../src/demo/load-demo.js";
import { rakMetro2024 } from "../src/demo/rak-metro-2024.js";
import { parseRakFile } from "../src/interop/rak-import/index.js";
import { importRak } from "../src/plans/import-version.js";
import type { RakDocument, RakIndicatorRow } from "../src/plans/rak-document.js";
import { rakPdf, rakXlsx } from "../src/reports/rak/index.js";
import { renderPdf } from "../src/reports/shared/render-pdf.js";
import { measure, report } from "./harness.js";

/** The seed RAK repeated `times` times (sasaran renamed so every node stays distinct). */
function enlarged(times: number): RakDocument {
  const copies = Array.from({ length: times }, (_, i) =>
    rakMetro2024.sasaran.map((s) => ({ ...structuredClone(s), name: `${s.name} (${i + 1})` })),
  );
  return { ...rakMetro2024, sasaran: copies.flat() };
}

function indicatorRows(doc: RakDocument): RakIndicatorRow[] {
  return doc.sasaran.flatMap((s) => [
    ...s.indicators,
    ...s.programs.flatMap((p) => [...p.indicators, ...p.kegiatan.flatMap((k) => k.indicators)]),
  ]);
}

const nodeCount = (doc: RakDocument) =>
  doc.sasaran.reduce((n, s) => n + 1 + s.programs.reduce((m, p) => m + 1 + p.kegiatan.length, 0), 0);

/** Baseline: exceljs reading every cell of the same file, with no interpretation. */
async function rawRead(file: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(file as unknown as ArrayBuffer);
  let cells = 0;
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell(() => cells++)));
  return cells;
}

/** Baseline: exceljs writing the same indicator rows as plain values, no layout. */
async function rawXlsx(doc: RakDocument) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("RAK");
  for (const r of indicatorRows(doc)) sheet.addRow([r.name, r.unit, r.target, ...r.quarters]);
  return book.xlsx.writeBuffer();
}

/** Baseline: pdfmake printing the same cells as a plain table, no spans or styling. */
async function rawPdf(doc: RakDocument) {
  const body = indicatorRows(doc).map((r) => [r.name, r.unit, r.target, ...r.quarters]);
  return renderPdf({
    pageOrientation: "landscape",
    defaultStyle: { fontSize: 7.5 },
    content: [{ table: { body } }],
  });
}

/** Baseline: one multi-row INSERT of as many plan nodes and plan indicators as the document has. */
async function rawInsert(db: Database, planId: string, indicatorId: string, doc: RakDocument) {
  const nodes = nodeCount(doc);
  const rows = indicatorRows(doc).length;
  await db.transaction(async (tx) => {
    const inserted = await tx.execute(sql`
      insert into plan_nodes (plan_id, level, name, position)
      select ${planId}, 'kegiatan', 'bench ' || g, g from generate_series(1, ${nodes}) g returning id`);
    const first = (inserted as unknown as { rows: Array<{ id: string }> }).rows[0]?.id;
    await tx.execute(sql`
      insert into plan_indicators (plan_node_id, indicator_id, position, unit, target_year)
      select ${first}, ${indicatorId}, g, '%', '100' from generate_series(1, ${rows}) g`);
  });
}

export async function benchRakTransfer(): Promise<string[]> {
  const lines: string[] = [];
  const handle = await openDatabase({});
  await migrate(handle);
  await loadDemo(handle.db);
  const db = handle.db;
  const [metro] = await db.select().from(orgUnits).where(eq(orgUnits.code, "18.72"));
  const [plan] = await db.select().from(plans);
  const [indicator] = (
    (await db.execute(sql`select id from indicators limit 1`)) as unknown as { rows: Array<{ id: string }> }
  ).rows;
  const orgUnitId = metro?.id as string;
  let version = 100;
  const actor = { userId: null, username: "bench", requestId: null };
  for (const [label, doc, runs] of [
    ["seed RAK (43 indicators)", rakMetro2024, 10],
    ["20× RAK (860 indicators)", enlarged(20), 3],
  ] as const) {
    const file = await rakXlsx(doc);
    const parsed = await parseRakFile(new Uint8Array(file), "rak.xlsx");
    lines.push(
      report(
        `import: read and check the xlsx, ${label}`,
        await measure("parseRakFile", runs, () => parseRakFile(new Uint8Array(file), "rak.xlsx")),
        await measure("raw exceljs read of every cell", runs, () => rawRead(file)),
      ),
      report(
        `import: save in one transaction (PGlite, audited), ${label}`,
        await measure("importRak", runs, () =>
          // Each run a different title: an unchanged workbook makes no version.
          importRak(db, { orgUnitId, doc: { ...parsed.document, title: `RAK ${version++}` } }, actor),
        ),
        await measure("raw multi-row INSERT of as many rows", runs, () =>
          rawInsert(db, plan?.id as string, indicator?.id as string, doc),
        ),
      ),
      report(
        `export xlsx, ${label}`,
        await measure("rakXlsx", runs, () => rakXlsx(doc)),
        await measure("raw exceljs write of the same cells", runs, () => rawXlsx(doc)),
      ),
      report(
        `export pdf, ${label}`,
        await measure("rakPdf", runs, () => rakPdf(doc)),
        await measure("raw pdfmake table of the same cells", runs, () => rawPdf(doc)),
      ),
    );
  }
  await handle.close();
  return lines;
}
