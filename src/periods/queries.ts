import type { Database } from "../db/client.js";
import { periods } from "../db/schema/index.js";
import { endDate, type PeriodType, periodsInYear, startDate } from "../domain/index.js";

const types: PeriodType[] = ["year", "semester", "quarter", "month", "school_year"];

/** Makes sure every period of the given years exists (years, semesters, quarters, months, school years). */
export async function ensurePeriods(db: Pick<Database, "insert">, fromYear: number, toYear: number) {
  const rows = [];
  for (let year = fromYear; year <= toYear; year++) {
    for (const type of types) {
      for (const p of periodsInYear(year, type)) {
        rows.push({ code: p.code, type: p.type, startDate: startDate(p), endDate: endDate(p) });
      }
    }
  }
  await db.insert(periods).values(rows).onConflictDoNothing();
}
