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
      // PGlite answers { rows }; that is the driver this test opens.
      const result = (await db.execute(
        sql`select unnest(${pgArray(awkward)}::text[]) as item`,
      )) as unknown as {
        rows: Array<{ item: string | null }>;
      };
      const rows = result.rows;
      expect(rows.map((r) => r.item)).toEqual(awkward);
    } finally {
      await handle.close();
    }
  });
});
