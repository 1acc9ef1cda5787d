import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../db/client.js";
import { pgArray } from "./pg-array.js";

describe("pgArray", () => {
  const awkward = ['a "quoted" word', "back\\slash", "", "NULL", "{braces},comma", null];

  it("quotes every item, escapes quotes and backslashes, and leaves NULL bare", () => {
    expect(pgArray(["x", null])).toBe('{"x",NULL}');
    expect(pgArray(['"\\'])).toBe('{"\\"\\\\"}');
  });

  it("comes back from PostgreSQL as the same list", async () => {
    const handle = await openDatabase({});
    try {
      const { db } = handle;
      const result = await db.execute(sql`select unnest(${pgArray(awkward)}::text[]) as item`);
      const rows = ("rows" in result ? result.rows : result) as Array<{ item: string | null }>;
      expect(rows.map((r) => r.item)).toEqual(awkward);
    } finally {
      await handle.close();
    }
  });
});
