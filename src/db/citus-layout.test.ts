import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packagePath } from "../lib/package-root.js";
import { testDatabases } from "../test-support/databases.js";
import type { DatabaseHandle } from "./client.js";

/**
 * The Citus layout (src/db/sql/citus-distribution.sql, docs/SCALING.md) against the migrated schema.
 * Citus is not installable here, so its two functions are stood in for by ones that check what Citus
 * checks: the distribution column exists, every primary or unique key includes it, a distributed
 * table's foreign key to another distributed table goes through it, and no reference table points
 * at a distributed one. Every table must be placed, and nothing may be refused: a new fact table or key
 * without district_id fails here.
 */
const STAND_IN = `
  create schema citus_check;
  create table citus_check.placed (tbl regclass primary key, kind text, col text);
  create function citus_check.create_reference_table(t regclass) returns void language sql as
    $$ insert into citus_check.placed values (t, 'reference', null) $$;
  create function citus_check.create_distributed_table(t regclass, col text, colocate_with text default 'default')
    returns void language sql as $$ insert into citus_check.placed values (t, 'distributed', col) $$;`;

const REFUSALS = sql`
  select format('%s has no column %s', p.tbl, p.col) as problem from citus_check.placed p
  where p.kind = 'distributed'
    and not exists (select 1 from pg_attribute a where a.attrelid = p.tbl and a.attname = p.col and not a.attisdropped)
  union all
  select format('%s: key %s lacks %s', p.tbl, c.conname, p.col) from citus_check.placed p
  join pg_constraint c on c.conrelid = p.tbl and c.contype in ('p', 'u')
  where p.kind = 'distributed' and not exists (
    select 1 from unnest(c.conkey) k join pg_attribute a on a.attrelid = p.tbl and a.attnum = k where a.attname = p.col)
  union all
  select format('%s: foreign key %s to %s not through %s', p.tbl, c.conname, q.tbl, p.col) from citus_check.placed p
  join pg_constraint c on c.conrelid = p.tbl and c.contype = 'f'
  join citus_check.placed q on q.tbl = c.confrelid and q.kind = 'distributed' and q.tbl <> p.tbl
  where p.kind = 'distributed' and not exists (
    select 1 from unnest(c.conkey) k join pg_attribute a on a.attrelid = p.tbl and a.attnum = k where a.attname = p.col)
  union all
  select format('reference table %s points at distributed %s', p.tbl, q.tbl) from citus_check.placed p
  join pg_constraint c on c.conrelid = p.tbl and c.contype = 'f'
  join citus_check.placed q on q.tbl = c.confrelid and q.kind = 'distributed'
  where p.kind = 'reference'
  order by 1`;

const postgres = testDatabases().filter((t) => t.name === "postgres");

describe.runIf(postgres.length > 0)("the Citus layout on PostgreSQL", () => {
  let handle: DatabaseHandle;
  type Rows = { rows: Array<Record<string, string>> };
  const rows = async (query: ReturnType<typeof sql>) =>
    ((await handle.db.execute(query)) as unknown as Rows).rows;

  beforeAll(async () => {
    handle = await (postgres[0] as (typeof postgres)[number]).open();
    await handle.db.execute(sql.raw(STAND_IN));
    const ddl = readFileSync(packagePath("src", "db", "sql", "citus-distribution.sql"), "utf8");
    await handle.db.execute(sql.raw(ddl.replace(/select create_/g, "select citus_check.create_")));
  });
  afterAll(() => handle.close());

  it("places every table of the schema", async () => {
    const unplaced =
      await rows(sql`select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
        and c.oid not in (select tbl::oid from citus_check.placed) order by 1`);
    expect(unplaced.map((r) => r.relname)).toEqual([]);
  });

  it("leaves Citus nothing to refuse: every key of a distributed table holds district_id", async () => {
    expect((await rows(REFUSALS)).map((r) => r.problem)).toEqual([]);
  });
});
