/**
 * The year a screen opens on: the latest year with data that has begun (this year when it has data),
 * else, when only coming years have data (a plan drafted ahead), the nearest of them; with no data at
 * all, this year. A screen opened on an empty current year while last year is full tells a reader nothing.
 */
export function defaultYear(yearsWithData: readonly number[], today: Date = new Date()): number {
  const thisYear = today.getFullYear();
  const begun = yearsWithData.filter((y) => y <= thisYear);
  if (begun.length > 0) return Math.max(...begun);
  if (yearsWithData.length > 0) return Math.min(...yearsWithData);
  return thisYear;
}
