import type { Reader } from "./client.js";

/**
 * A query prepared once per database and kept with it, for the statements every request runs: Drizzle
 * builds the SQL once, and PostgreSQL parses and plans a named statement once per connection.
 */
export function preparedPerDatabase<Q>(prepare: (db: Reader) => Q): (db: Reader) => Q {
  // A transaction gets its own (Drizzle binds a prepared query to its session); on the pool's
  // connection the named statement is still parsed once.
  const kept = new WeakMap<Reader, Q>();
  return (db) => {
    let query = kept.get(db);
    if (query === undefined) {
      query = prepare(db);
      kept.set(db, query);
    }
    return query;
  };
}
