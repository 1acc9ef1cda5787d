import { and, eq, gte, inArray, lte, type SQL } from "drizzle-orm";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import type { Database } from "../../db/client.js";
import { dataElements, dataSetElements, periods } from "../../db/schema/index.js";
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

export interface ExportRow {
  /** Our id of the unit, whatever the scheme: ADX groups by it. */
  unitKey: string;
  orgUnit: string;
  period: string;
  dataElement: string;
  value: string;
  comment: string | null;
  /** ISO 8601 in UTC with milliseconds, as `Date.toISOString` writes it. */
  lastUpdated: string;
}

/** COPY takes no parameters: the few values are quoted here (standard_conforming_strings is on). */
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The data set's elements, id → the key the file names them by. */
async function elementKeys(db: Database, f: ExportFilter) {
  const key =
    f.scheme === "UID" ? dataElements.id : f.scheme === "CODE" ? dataElements.code : dataElements.name;
  const rows = await db
    .select({ id: dataElements.id, key })
    .from(dataSetElements)
    .innerJoin(dataElements, eq(dataElements.id, dataSetElements.dataElementId))
    .where(eq(dataSetElements.dataSetId, f.dataSetId));
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
 * The export as one statement, elements and periods already resolved to lists (small): the plan then
 * is, per unit of the subtree, one range of the data_values_key index (unit, period, element) and
 * no lookup per value, even before the planner has statistics. Only ADX needs an order (a group per
 * unit and period): JSON and CSV take the rows as the index yields them, sparing a sort.
 */
export function exportSql(f: ExportFilter, elementIds: string[], codes: string[], ordered: boolean) {
  const unit = f.scheme === "UID" ? "id" : f.scheme === "CODE" ? "code" : "name";
  const subtree = f.children ? `u.path like ${literal(`${f.unitPath}%`)}` : `u.path = ${literal(f.unitPath)}`;
  // trim_scale: "5.0000" comes out "5", the fast path of `canonical`.
  return `select v.org_unit_id, u.${unit}, v.period, v.data_element_id, trim_scale(v.value), v.comment,
      to_char(v.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    from org_units u join data_values v on v.org_unit_id = u.id
    where ${subtree} and v.period in (${codes.map(literal).join(", ")})
      and v.data_element_id in (${elementIds.map(literal).join(", ")})
    ${ordered ? "order by v.org_unit_id, v.period, v.data_element_id" : ""}`;
}

const ESCAPES: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v" };
/** A field of COPY's text format: `\N` is null, a backslash escapes the next character. */
const field = (text: string) =>
  text.includes("\\") ? text.replace(/\\(.)/g, (_, c: string) => ESCAPES[c] ?? c) : text;

const rowOf =
  (elements: Map<string, string>) =>
  (line: string): ExportRow => {
    const [
      unitKey = "",
      orgUnit = "",
      period = "",
      dataElement = "",
      value = "",
      comment = "",
      lastUpdated = "",
    ] = line.split("\t");
    return {
      unitKey,
      orgUnit: field(orgUnit),
      period,
      dataElement: elements.get(dataElement) ?? dataElement,
      value,
      comment: comment === "\\N" ? null : field(comment),
      lastUpdated,
    };
  };

/** COPY's output, a chunk at a time, as the rows of each chunk (one await per chunk, not per row). */
async function* rowsOf(chunks: AsyncIterable<Uint8Array>, elements: Map<string, string>) {
  const row = rowOf(elements);
  const decoder = new TextDecoder();
  let rest = "";
  for await (const chunk of chunks) {
    const lines = (rest + decoder.decode(chunk, { stream: true })).split("\n");
    rest = lines.pop() ?? "";
    if (lines.length > 0) yield lines.map(row);
  }
  rest += decoder.decode();
  if (rest) yield [row(rest)];
}

/** The blob 64 KB at a time, so the rows are worked a batch at a time as on PostgreSQL. */
async function* slices(blob: Blob) {
  for (let at = 0; at < blob.size; at += 1 << 16)
    yield new Uint8Array(await blob.slice(at, at + (1 << 16)).arrayBuffer());
}

interface Pglite {
  query(text: string): Promise<{ blob?: Blob }>;
}

/**
 * The values of one data set under a unit (`ordered`: by unit, period, element), from one COPY: on
 * PostgreSQL streamed from the server at the pace the reader takes them (constant memory); PGlite hands
 * the whole COPY over as a blob.
 */
export async function* exportRows(
  db: Database,
  filter: ExportFilter,
  ordered: boolean,
): AsyncGenerator<ExportRow[]> {
  const elements = await elementKeys(db, filter);
  const codes = await periodCodes(db, filter);
  if (elements.size === 0 || codes.length === 0) return;
  const client = (db as unknown as { $client: pg.Pool | Pglite }).$client;
  const query = `copy (${exportSql(filter, [...elements.keys()], codes, ordered)}) to`;
  if (!(client instanceof pg.Pool)) {
    const { blob } = await client.query(`${query} '/dev/blob'`);
    if (blob) yield* rowsOf(slices(blob), elements);
    return;
  }
  const connection = await client.connect();
  const stream = connection.query(copyTo(`${query} stdout`));
  let finished = false;
  try {
    yield* rowsOf(stream, elements);
    finished = true;
  } finally {
    // Left mid-COPY (client gone, error): the connection is in no state to serve another query.
    if (!finished) stream.destroy();
    connection.release(!finished);
  }
}
