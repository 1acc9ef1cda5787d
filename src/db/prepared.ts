import type { Database } from "./client.js";

/**
 * A query prepared once per database and kept with it, for the statements every request runs: Drizzle
 * builds the SQL once, and PostgreSQL parses and plans a named statement once per connection.
 */
export function preparedPerDatabase<Q>(prepare: (db: Database) => Q): (db: Database) => Q {
  const kept = new WeakMap<Database, Q>();
  return (db) => {
    let query = kept.get(db);
    if (query === undefined) {
      query = prepare(db);
      kept.set(db, query);
    }
    return query;
  };
}
