import { sql } from "drizzle-orm";
import type { Database } from "./client.js";

/**
 * Makes the year partitions of data_values and audit_log (migration 0021) that are missing for the
 * years that have periods, this year and the next, moving their rows out of the DEFAULT partitions.
 * Outside any user's write: at every start and by the daily upkeep. Returns the years it made.
 */
export async function ensureYearPartitions(db: Pick<Database, "transaction">): Promise<number[]> {
  return db.transaction(async (tx) => {
    // At run time users are writing: give up after a short wait rather than hold their saves up.
    await tx.execute(sql`set local lock_timeout = '5s'`);
    const result = await tx.execute(sql`select y from (
        select distinct left(code, 4)::int as y from periods where code ~ '^[0-9]{4}'
        union select extract(year from now() at time zone 'UTC')::int + g from generate_series(0, 1) g) years
      where y between 1000 and 9998
        and (to_regclass('data_values_' || y) is null or to_regclass('audit_log_' || y) is null)
      order by y`);
    const years = (result as unknown as { rows: { y: number }[] }).rows.map((r) => Number(r.y));
    for (const y of years) await tx.execute(sql`select create_year_partitions(${y})`);
    return years;
  });
}
