import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Database } from "./client.js";

const dialect = new PgDialect();

/**
 * Runs hand-written SQL as a named statement: PostgreSQL parses and plans it once per connection, not
 * at every call, also inside a transaction (where a query prepared on the pool cannot run). For the
 * statements of the busiest writes; the text must be the same at every call (values only as parameters).
 */
export async function executeNamed<T>(db: Pick<Database, "_">, name: string, query: SQL): Promise<T[]> {
  const result = await db._.session.prepareQuery(dialect.sqlToQuery(query), undefined, name, false).execute();
  return (result as { rows: T[] }).rows;
}
