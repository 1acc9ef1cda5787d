/**
 * A PostgreSQL array literal (`{"a","b",NULL}`) of text, sent as ONE bind parameter and cast in SQL
 * (`$1::uuid[]`): a set-based statement then carries any number of rows, on node-postgres and PGlite
 * alike, without the 65 535-parameter limit or a statement per thousand rows.
 */
export function pgArray(values: ReadonlyArray<string | null>): string {
  const items = values.map((v) =>
    v === null ? "NULL" : `"${v.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`,
  );
  return `{${items.join(",")}}`;
}
