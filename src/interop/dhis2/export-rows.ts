import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import type { Database } from "../../db/client.js";
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

const COLUMN: Record<IdScheme, string> = { UID: "id::text", CODE: "code", NAME: "name" };

/** The export as one statement: index range scans on data_values per unit of the subtree. */
export function exportSql(f: ExportFilter): string {
  const where = [f.children ? `u.path like ${literal(`${f.unitPath}%`)}` : `u.path = ${literal(f.unitPath)}`];
  if (f.periodCodes) where.push(`v.period in (${f.periodCodes.map(literal).join(", ")})`);
  if (f.startDate) where.push(`p.start_date >= ${literal(f.startDate)}`);
  if (f.endDate) where.push(`p.end_date <= ${literal(f.endDate)}`);
  return `select v.org_unit_id, u.${COLUMN[f.scheme]}, v.period, e.${COLUMN[f.scheme]}, v.value, v.comment,
      to_char(v.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    from data_values v
    join data_set_elements s on s.data_element_id = v.data_element_id and s.data_set_id = ${literal(f.dataSetId)}
    join data_elements e on e.id = v.data_element_id
    join org_units u on u.id = v.org_unit_id
    join periods p on p.code = v.period
    where ${where.join(" and ")}
    order by v.org_unit_id, v.period, v.data_element_id`;
}

const ESCAPES: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v" };
/** A field of COPY's text format: `\N` is null, a backslash escapes the next character. */
const field = (text: string) =>
  text.includes("\\") ? text.replace(/\\(.)/g, (_, c: string) => ESCAPES[c] ?? c) : text;

function row(line: string): ExportRow {
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
    dataElement: field(dataElement),
    value,
    comment: comment === "\\N" ? null : field(comment),
    lastUpdated,
  };
}

/** COPY's output, a chunk at a time, as the rows of each chunk (one await per chunk, not per row). */
async function* rowsOf(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<ExportRow[]> {
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
 * The values of one data set under a unit in key order, from one COPY: on PostgreSQL streamed from the
 * server at the pace the reader takes them (constant memory); PGlite hands the whole COPY over as a blob.
 */
export async function* exportRows(db: Database, filter: ExportFilter): AsyncGenerator<ExportRow[]> {
  const client = (db as unknown as { $client: pg.Pool | Pglite }).$client;
  const query = `copy (${exportSql(filter)}) to`;
  if (!(client instanceof pg.Pool)) {
    const { blob } = await client.query(`${query} '/dev/blob'`);
    if (blob) yield* rowsOf(slices(blob));
    return;
  }
  const connection = await client.connect();
  const stream = connection.query(copyTo(`${query} stdout`));
  let finished = false;
  try {
    yield* rowsOf(stream);
    finished = true;
  } finally {
    // Left mid-COPY (client gone, error): the connection is in no state to serve another query.
    if (!finished) stream.destroy();
    connection.release(!finished);
  }
}
