/**
 * A long list in slices, for statements that would otherwise carry one bind parameter per value:
 * PostgreSQL takes at most 65 535 per statement, so 1 000 rows of a dozen columns stay well below.
 */
export function chunks<T>(list: readonly T[], size = 1_000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
