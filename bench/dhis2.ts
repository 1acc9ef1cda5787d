import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { sql } from "drizzle-orm";
import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import type { DatabaseHandle } from "../src/db/client.js";
import { writeValues } from "../src/interop/dhis2/export.js";
import { exportRows } from "../src/interop/dhis2/export-rows.js";
import { readAndImport } from "../src/interop/dhis2/import-file.js";
import type { Format } from "../src/interop/dhis2/read-values.js";
import { copyInto } from "./copy.js";
import { buildForm } from "./kota.js";

// 1 100 puskesmas × 12 months × 76 elements ≈ 1 000 000 values; `--small` runs a twentieth of it.
const SMALL = process.argv.includes("--small");
const PUSKESMAS = SMALL ? 55 : 1_100;
const ELEMENTS = 76;
const MONTHS = Array.from({ length: 12 }, (_, i) => `2024${String(i + 1).padStart(2, "0")}`);
const actor = { userId: null, username: "bench", requestId: null };

function* valueRows() {
  for (let p = 1; p <= PUSKESMAS; p++)
    for (const month of MONTHS)
      for (let e = 1; e <= ELEMENTS; e++)
        yield [`DHS_${String(e).padStart(3, "0")}`, month, `DHS.P${p}`, String((p * 31 + e) % 100)] as const;
}

function file(format: Format): Buffer {
  const parts: string[] = [];
  if (format === "csv") {
    parts.push("dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value\n");
    for (const [de, pe, ou, v] of valueRows()) parts.push(`${de},${pe},${ou},,,${v}\n`);
  } else {
    parts.push('{"dataSet":"DHS","dataValues":[');
    let first = true;
    for (const [de, pe, ou, v] of valueRows()) {
      parts.push(
        `${first ? "" : ","}{"dataElement":"${de}","period":"${pe}","orgUnit":"${ou}","value":"${v}"}`,
      );
      first = false;
    }
    parts.push("]}");
  }
  return Buffer.from(parts.join(""));
}

/** The body as a request delivers it, 64 KB at a time: one 75 MB chunk made the parsers buffer every value. */
function* socketChunks(body: Buffer) {
  for (let at = 0; at < body.length; at += 1 << 16) yield body.subarray(at, at + (1 << 16));
}

async function timed<T>(fn: () => Promise<T>) {
  const rss = process.memoryUsage().rss;
  let peak = rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const start = performance.now();
  try {
    const value = await fn();
    return { value, ms: performance.now() - start, growthMb: (peak - rss) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

type Pglite = { query(q: string, p?: unknown[], o?: { blob?: Blob }): Promise<{ blob?: Blob }> };

/**
 * The DHIS2 import of ~1 000 000 values (CSV and JSON: parse, the upload's checks, staged COPY, merge,
 * audit) against the floor: COPY of the same rows into data_values, in the same run; and the export of
 * the same values against COPY … TO.
 */
export async function benchDhis2(handle: DatabaseHandle): Promise<string[]> {
  const db = handle.db;
  const { dataSet, kota, path } = await buildForm(db, "DHS", "DHIS2", PUSKESMAS, ELEMENTS);
  const roles = [{ role: "operator_fasyankes" as const, orgUnitId: kota, orgUnitPath: path }];
  const clear = () => db.execute(sql`delete from data_values where district_id = ${kota}`);
  const lines: string[] = [];
  const rates: Record<string, number> = {};
  for (const format of ["csv", "json"] as const) {
    const body = file(format);
    await clear();
    // As a request or a job imports: the body read as a stream, staged as it is read.
    const phases = new Map<string, number>();
    const run = await timed(async () =>
      readAndImport(
        db,
        {
          stream: Readable.from(socketChunks(body)),
          format,
          file: () => ({ sha256: "", bytes: body.length }),
        },
        {
          dryRun: false,
          strategy: "CREATE_AND_UPDATE",
          atomic: true,
          elementScheme: "CODE",
          unitScheme: "CODE",
          dataSetScheme: "CODE",
          dataSet: "DHS",
          databaseKind: handle.kind,
        },
        roles,
        actor,
        (progress) => {
          if (!phases.has(progress.phase)) phases.set(progress.phase, performance.now());
        },
      ),
    );
    // Where the time went: each phase until the next one (the last until the end).
    const starts = [...phases.values(), (phases.get("reading") ?? 0) + run.ms];
    const split = [...phases.keys()]
      .map((phase, i) => `${phase} ${(((starts[i + 1] ?? 0) - (starts[i] ?? 0)) / 1000).toFixed(1)}`)
      .join(", ");
    if (run.value.status !== "SUCCESS") throw new Error(JSON.stringify(run.value).slice(0, 500));
    rates[format] = run.value.importCount.imported / run.ms;
    lines.push(
      `  import ${format} (${(body.length / 2 ** 20).toFixed(0)} MB): ${run.value.importCount.imported.toLocaleString("en")} values in ${(run.ms / 1000).toFixed(1)} s (${split}), RSS growth ${run.growthMb.toFixed(0)} MB`,
    );
  }
  // The floor: the same rows, already resolved to ids, copied straight into the same table.
  const resolved = (
    (await db.execute(sql`select string_agg(concat_ws(E'\t', u.id, coalesce(u.district_id, u.id), p.code, e.id,
        (substr(u.code, 6)::int * 31 + substr(e.code, 5)::int) % 100), E'\n') as t
      from org_units u
      cross join (select to_char(make_date(2024, g, 1), 'YYYYMM') code from generate_series(1, 12) g) p
      cross join data_set_elements d join data_elements e on e.id = d.data_element_id
      where u.code like 'DHS.P%' and d.data_set_id = ${dataSet}`)) as unknown as {
      rows: Array<{ t: string }>;
    }
  ).rows;
  const text = `${resolved[0]?.t ?? ""}\n`;
  await clear();
  const columns = "data_values (org_unit_id, district_id, period, data_element_id, value)";
  const copy = await timed(() => copyInto(handle, columns, text));
  const copied = text.split("\n").length - 1;
  const copyRate = copied / copy.ms;
  lines.push(
    `  floor: COPY of the same ${copied.toLocaleString("en")} rows ${(copy.ms / 1000).toFixed(1)} s`,
  );
  for (const [format, rate] of Object.entries(rates))
    lines.push(`  ratio ${format}: import at ${(rate / copyRate).toFixed(2)}× the COPY rate (target ≥ 0.5×)`);

  const exported = await timed(async () => {
    let bytes = 0;
    const rows = exportRows(
      db,
      {
        dataSetId: dataSet,
        unitPath: path,
        children: true,
        scheme: "CODE",
        periodCodes: MONTHS,
      },
      false,
    );
    await pipeline(
      Readable.from(writeValues("csv", rows, "DHS")),
      new Writable({
        write(chunk, _e, done) {
          bytes += chunk.length;
          done();
        },
      }),
    );
    return bytes;
  });
  const copyOut = await timed(async () => {
    const query = `copy (select * from data_values where district_id = '${kota}') to`;
    if (handle.kind === "postgres") {
      const client = (await (db as unknown as { $client: pg.Pool }).$client.connect()) as pg.PoolClient;
      try {
        await pipeline(
          client.query(copyTo(`${query} stdout`)),
          new Writable({ write: (_c, _e, done) => done() }),
        );
      } finally {
        client.release();
      }
    } else await (db as unknown as { $client: Pglite }).$client.query(`${query} '/dev/blob'`);
  });
  lines.push(
    `  export csv ${(exported.ms / 1000).toFixed(2)} s (RSS growth ${exported.growthMb.toFixed(0)} MB) vs COPY … TO ${(copyOut.ms / 1000).toFixed(2)} s: ${(copyOut.ms / exported.ms).toFixed(2)}× the COPY rate`,
  );
  return [
    `DHIS2 dataValueSets, ${PUSKESMAS} puskesmas × 12 months × ${ELEMENTS} elements (${handle.kind}${SMALL ? ", --small" : ""})\n${lines.join("\n")}`,
  ];
}
