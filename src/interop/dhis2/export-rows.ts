import { and, eq, gte, inArray, like, lte, type SQL } from "drizzle-orm";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import type { Database } from "../../db/client.js";
import { dataElements, dataSetElements, orgUnits, periods } from "../../db/schema/index.js";
import { chunks } from "../../lib/chunks.js";
import type { IdScheme } from "./schemas.js";

export interface ExportFilter {
  dataSetId: string;
  /** The unit's path; with `children`, its whole subtree. */
  unitPath: string;
  children: boolean;
  /** Which identifier the file names units and elements by. */
  scheme: IdScheme;
  periodCodes?: string[];
  startDate?: string;
  endDate?: string;
}

/** Our ids of the units and elements exported, each with the key the file names it by. */
export interface ExportKeys {
  units: ReadonlyMap<string, string>;
  elements: ReadonlyMap<string, string>;
}

/**
 * Rows as COPY wrote them, whole lines only: unit id, period code, element id, value (trim_scale), comment
 * (`\N` for none), last update (the UTC timestamp as PostgreSQL writes it). `eachRow` reads them.
 */
export interface ExportChunk {
  text: string;
  keys: ExportKeys;
}

/** COPY takes no parameters: the few values are quoted here (standard_conforming_strings is on). */
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

const keyColumn = (scheme: IdScheme, table: typeof orgUnits | typeof dataElements) =>
  scheme === "UID" ? table.id : scheme === "CODE" ? table.code : table.name;

/** The data set's elements, id → the key the file names them by. */
async function elementKeys(db: Database, f: ExportFilter) {
  const rows = await db
    .select({ id: dataElements.id, key: keyColumn(f.scheme, dataElements) })
    .from(dataSetElements)
    .innerJoin(dataElements, eq(dataElements.id, dataSetElements.dataElementId))
    .where(eq(dataSetElements.dataSetId, f.dataSetId));
  return new Map(rows.map((r) => [r.id, r.key]));
}

/** The unit or its subtree, id → key, in the order of their ids (ADX's groups follow it). */
async function unitKeys(db: Database, f: ExportFilter) {
  const rows = await db
    .select({ id: orgUnits.id, key: keyColumn(f.scheme, orgUnits) })
    .from(orgUnits)
    .where(f.children ? like(orgUnits.path, `${f.unitPath}%`) : eq(orgUnits.path, f.unitPath))
    .orderBy(orgUnits.id);
  return new Map(rows.map((r) => [r.id, r.key]));
}

/** The period codes asked for, or lying between the two dates. */
async function periodCodes(db: Database, f: ExportFilter) {
  const where: SQL[] = [];
  if (f.periodCodes) where.push(inArray(periods.code, f.periodCodes));
  if (f.startDate) where.push(gte(periods.startDate, f.startDate));
  if (f.endDate) where.push(lte(periods.endDate, f.endDate));
  const rows = await db
    .select({ code: periods.code })
    .from(periods)
    .where(and(...where));
  return rows.map((r) => r.code);
}

/**
 * One statement over data_values alone, units, periods and elements given as lists (a join let the
 * planner, before it had statistics of a freshly imported table, walk the key index once per value:
 * 4 million buffer reads for a million values). Only ADX needs an order (a group per unit and period);
 * JSON and CSV take the rows as they come. The time stays a plain timestamp: to_char took a third of
 * the statement's time.
 */
export function exportSql(unitIds: string[], elementIds: string[], codes: string[], ordered: boolean) {
  const list = (values: string[]) => values.map(literal).join(", ");
  // trim_scale: "5.0000" comes out "5", the fast path of `canonical`.
  return `select org_unit_id, period, data_element_id, trim_scale(value), comment, updated_at at time zone 'UTC'
    from data_values
    where org_unit_id in (${list(unitIds)}) and period in (${list(codes)})
      and data_element_id in (${list(elementIds)})
    ${ordered ? "order by org_unit_id, period, data_element_id" : ""}`;
}

/** Units per statement on PostgreSQL: a statement of a few hundred kilobytes at most. */
const UNITS_PER_COPY = 5_000;
/**
 * Values per statement on PGlite, whose COPY answers a whole blob: ~30 MB of text at most, other requests
 * running between the slices. Slices are few because each may read the periods' values of every unit
 * again (a million values loaded in bulk lie in no unit order): in slices of 50.000 the export of a
 * million took twice as long as in one blob, in slices of 250.000 a little less than in one.
 */
const VALUES_PER_BLOB = 250_000;

/** COPY's output, a chunk at a time, cut after its last whole line. */
async function* lines(chunks: AsyncIterable<Uint8Array>) {
  const decoder = new TextDecoder();
  let rest = "";
  for await (const chunk of chunks) {
    const text = rest + decoder.decode(chunk, { stream: true });
    const end = text.lastIndexOf("\n") + 1;
    rest = text.slice(end);
    if (end > 0) yield text.slice(0, end);
  }
  rest += decoder.decode();
  if (rest) yield rest;
}

/** The blob 64 KB at a time, so the rows are worked a chunk at a time as on PostgreSQL. */
async function* slices(blob: Blob) {
  for (let at = 0; at < blob.size; at += 1 << 16)
    yield new Uint8Array(await blob.slice(at, at + (1 << 16)).arrayBuffer());
}

interface Pglite {
  query(text: string): Promise<{ blob?: Blob }>;
}

/**
 * The values of one data set under a unit (`ordered`: by unit, period, element), as COPY's text. On
 * PostgreSQL streamed from the server at the pace the reader takes them; PGlite answers each COPY as a
 * blob, so there the units go in slices of about VALUES_PER_BLOB values. Memory does not grow with the
 * number of values either way.
 */
export async function* exportRows(
  db: Database,
  filter: ExportFilter,
  ordered: boolean,
): AsyncGenerator<ExportChunk> {
  const elements = await elementKeys(db, filter);
  const codes = await periodCodes(db, filter);
  const units = await unitKeys(db, filter);
  if (elements.size === 0 || codes.length === 0 || units.size === 0) return;
  const keys: ExportKeys = { units, elements };
  const elementIds = [...elements.keys()];
  const client = (db as unknown as { $client: pg.Pool | Pglite }).$client;
  const copy = (unitIds: string[]) => `copy (${exportSql(unitIds, elementIds, codes, ordered)}) to`;
  if (!(client instanceof pg.Pool)) {
    const perSlice = Math.max(1, Math.floor(VALUES_PER_BLOB / (codes.length * elements.size)));
    for (const part of chunks([...units.keys()], perSlice)) {
      const { blob } = await client.query(`${copy(part)} '/dev/blob'`);
      if (blob) for await (const text of lines(slices(blob))) yield { text, keys };
    }
    return;
  }
  const connection = await client.connect();
  let stream: ReturnType<typeof copyTo> | undefined;
  let finished = false;
  try {
    for (const part of chunks([...units.keys()], UNITS_PER_COPY)) {
      stream = connection.query(copyTo(`${copy(part)} stdout`));
      for await (const text of lines(stream)) yield { text, keys };
    }
    finished = true;
  } finally {
    // Left mid-COPY (client gone, error): the connection is in no state to serve another query.
    if (!finished) stream?.destroy();
    connection.release(!finished);
  }
}

const ESCAPES: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v" };
/** A field of COPY's text format: a backslash escapes the next character. */
const unescaped = (text: string) =>
  text.includes("\\") ? text.replace(/\\(.)/g, (_, c: string) => ESCAPES[c] ?? c) : text;

/** A timestamp as PostgreSQL writes it in the ISO DateStyle (node-postgres reads dates in no other). */
const ISO_STYLE = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?$/;

/** "2024-03-05 06:07:08.1234" as `Date.toISOString` writes it: milliseconds cut, not rounded (as to_char's MS). */
function isoTime(text: string) {
  const [, date, time, fraction = ""] = ISO_STYLE.exec(text) ?? [];
  if (!date) throw new Error(`unexpected timestamp from the database: ${text}`);
  return `${date}T${time}.${fraction.slice(0, 3).padEnd(3, "0")}Z`;
}

type Row = (
  unit: string,
  period: string,
  element: string,
  value: string,
  comment: string | null,
  updated: string,
) => void;

/**
 * Reads the lines of COPY's chunks, calling `row` with the fields as strings (the comment null when there
 * is none, the time in ISO 8601): no object per row. A unit, period or time equal to the row before's
 * (rows come by unit, a file has few times) is that same string again, compared in place: its hash is
 * already known to the lookups that follow, and no copy is made.
 */
export class RowReader {
  #unit = "";
  #period = "";
  #time = "";
  #updated = "";
  readonly #times = new Map<string, string>();

  each(text: string, row: Row) {
    let at = 0;
    while (at < text.length) {
      const a = text.indexOf("\t", at);
      const b = text.indexOf("\t", a + 1);
      const c = text.indexOf("\t", b + 1);
      const d = text.indexOf("\t", c + 1);
      const e = text.indexOf("\t", d + 1);
      let end = text.indexOf("\n", e + 1);
      if (end === -1) end = text.length;
      if (a - at !== this.#unit.length || !text.startsWith(this.#unit, at)) this.#unit = text.slice(at, a);
      if (b - a - 1 !== this.#period.length || !text.startsWith(this.#period, a + 1))
        this.#period = text.slice(a + 1, b);
      if (end - e - 1 !== this.#time.length || !text.startsWith(this.#time, e + 1)) {
        this.#time = text.slice(e + 1, end);
        this.#updated = this.#iso(this.#time);
      }
      const comment = text.slice(d + 1, e);
      row(
        this.#unit,
        this.#period,
        text.slice(b + 1, c),
        text.slice(c + 1, d),
        comment === "\\N" ? null : unescaped(comment),
        this.#updated,
      );
      at = end + 1;
    }
  }

  /** The few distinct times of a file are worked out once each. */
  #iso(time: string) {
    let iso = this.#times.get(time);
    if (iso === undefined) {
      if (this.#times.size >= 10_000) this.#times.clear();
      iso = isoTime(time);
      this.#times.set(time, iso);
    }
    return iso;
  }
}
