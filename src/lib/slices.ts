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

/**
 * The rest of an async generator whose first result was asked for early (beside other reads), as one
 * loop; the generator is closed when the loop leaves early, so a statement it sent ahead is not left
 * to fail unheard.
 */
export async function* continuing<T>(
  first: IteratorResult<T, unknown>,
  rest: AsyncGenerator<T, unknown>,
): AsyncGenerator<T> {
  try {
    for (let next = first; !next.done; next = await rest.next()) yield next.value;
  } finally {
    await rest.return(undefined);
  }
}
