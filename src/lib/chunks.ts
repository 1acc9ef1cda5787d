/**
 * A long list in slices, for statements that would otherwise carry one bind parameter per value:
 * PostgreSQL takes at most 65 535 per statement, so 1 000 rows of a dozen columns stay well below.
 */
export function chunks<T>(list: readonly T[], size = 1_000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * `list.map(fn)` that lets the event loop run between slices of `size` items, so a long computation
 * (a province's thousand puskesmas) does not hold other requests back.
 */
export async function mapYielding<T, U>(list: readonly T[], fn: (item: T) => U, size = 100): Promise<U[]> {
  const out: U[] = [];
  for (const slice of chunks(list, size)) {
    if (out.length > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const item of slice) out.push(fn(item));
  }
  return out;
}
