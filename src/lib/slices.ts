/** Resolves on a later turn of the event loop, after pending timers and I/O have had their go. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Maps a long list (the rows of a 100 000-row upload) in slices of at most `budgetMs` of work,
 * yielding between slices, so that other requests (and /api/health) keep their latency.
 */
export async function mapInSlices<T, U>(
  list: readonly T[],
  fn: (item: T, index: number) => U,
  budgetMs = 20,
): Promise<U[]> {
  const out: U[] = [];
  let sliceStart = performance.now();
  for (let i = 0; i < list.length; i++) {
    out.push(fn(list[i] as T, i));
    if (performance.now() - sliceStart > budgetMs) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
  return out;
}
