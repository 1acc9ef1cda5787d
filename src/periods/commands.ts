import type { Database } from "../db/client.js";
import { periods } from "../db/schema/index.js";
import { endDate, type Period, type PeriodType, periodsInYear, startDate } from "../domain/index.js";

type Inserter = Pick<Database, "insert">;

const rowOf = (p: Period) => ({ code: p.code, type: p.type, startDate: startDate(p), endDate: endDate(p) });

/**
 * Stores the periods a write is about, inside the writer's transaction. Periods are never prepared
 * ahead of time: January 2027 exists the moment someone saves a value for it.
 */
export async function ensurePeriods(db: Inserter, list: readonly Period[]) {
  const unique = [...new Map(list.map((p) => [p.code, p])).values()];
  if (unique.length === 0) return;
  await db.insert(periods).values(unique.map(rowOf)).onConflictDoNothing();
}

const types: PeriodType[] = ["year", "semester", "quarter", "month", "school_year"];

/** Every period of the given years (years, semesters, quarters, months, school years), for the demo. */
export async function ensurePeriodsOfYears(db: Inserter, fromYear: number, toYear: number) {
  const list: Period[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    for (const type of types) list.push(...periodsInYear(year, type));
  }
  await ensurePeriods(db, list);
}
