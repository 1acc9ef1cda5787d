import { gunzipSync, gzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import type { Database } from "../db/client.js";

/**
 * The dump that needs no client tools: every row of every table in the public schema as JSON lines,
 * read in one repeatable-read snapshot, plus the sequences' positions. Works on PGlite and PostgreSQL.
 */
type Runner = Pick<Database, "execute">;

async function rows<T>(db: Runner, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The public schema's tables; a partitioned table counts once, its partitions' rows are its own. */
export const publicTables = (db: Runner) =>
  rows<{ name: string }>(
    db,
    sql`select c.relname::text as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by c.relname`,
  ).then((list) => list.map((t) => t.name));

export async function logicalDump(db: Database): Promise<Buffer> {
  const lines: string[] = [];
  await db.transaction(
    async (tx) => {
      for (const table of await publicTables(tx)) {
        const found = await rows<{ j: string }>(
          tx,
          sql.raw(`select row_to_json(t)::text as j from ${ident(table)} t`),
        );
        for (const row of found) lines.push(`${JSON.stringify(table)}\t${row.j}`);
      }
      const sequences = await rows<{ name: string; value: string | null }>(
        tx,
        sql`select sequencename as name, last_value::text as value from pg_sequences where schemaname = 'public'`,
      );
      for (const s of sequences) lines.push(`${JSON.stringify({ sequence: s.name })}\t${s.value ?? "null"}`);
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  return gzipSync(`${lines.join("\n")}\n`);
}

/** Loads a logical dump into a migrated database whose tables are emptied first, in one transaction. */
export async function logicalRestore(db: Database, payload: Buffer): Promise<void> {
  const byTable = new Map<string, string[]>();
  const sequences: Array<{ name: string; value: string }> = [];
  for (const line of gunzipSync(payload).toString("utf8").split("\n")) {
    if (!line) continue;
    const tab = line.indexOf("\t");
    const key = JSON.parse(line.slice(0, tab)) as string | { sequence: string };
    const rest = line.slice(tab + 1);
    if (typeof key === "string") byTable.set(key, [...(byTable.get(key) ?? []), rest]);
    else if (rest !== "null") sequences.push({ name: key.sequence, value: rest });
  }
  await db.transaction(async (tx) => {
    // Rows go in table by table, so foreign keys and the audit log's append-only triggers are off
    // for this transaction only (superuser or owner); the data was consistent when dumped.
    await tx.execute(sql`set local session_replication_role = replica`);
    const tables = await publicTables(tx);
    if (tables.length) await tx.execute(sql.raw(`truncate ${tables.map(ident).join(", ")}`));
    for (const [table, list] of byTable) {
      for (let i = 0; i < list.length; i += 500) {
        const json = `[${list.slice(i, i + 500).join(",")}]`;
        await tx.execute(
          sql`insert into ${sql.raw(ident(table))} overriding system value
              select * from json_populate_recordset(null::${sql.raw(ident(table))}, ${json}::json)`,
        );
      }
    }
    for (const s of sequences)
      await tx.execute(sql`select setval(${`public.${ident(s.name)}`}::regclass, ${s.value}::bigint)`);
    // The trigger on periods that opens a year's partitions was off: rows of years this database had
    // no partition for went to the default partitions; they move into their years' now.
    // Years first: a statement still reading audit_log could not make its partitions.
    const years = await rows<{ y: number }>(
      tx,
      sql`select left(code, 4)::int as y from periods where code ~ '^[0-9]{4}'
        union select extract(year from at at time zone 'UTC')::int from audit_log order by 1`,
    );
    for (const { y } of years) await tx.execute(sql`select create_year_partitions(${y})`);
  });
}
