import { count } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, DatabaseHandle } from "../db/client.js";
import {
  indicators,
  orgUnits,
  plans,
  spmAdoptions,
  spmServices,
  spmTargets,
  spmVersions,
  users,
} from "../db/schema/index.js";
import { loadDemo } from "../demo/load-demo.js";
import { prepareDatabase } from "../server/bootstrap.js";
import { testDatabases } from "../test-support/databases.js";
import { ensureSpmCatalogue } from "./catalogue.js";

const countOf = async (db: Database, table: PgTable) => {
  const [row] = await db.select({ n: count() }).from(table);
  return row?.n;
};

describe("an empty install started with DEMO=false", () => {
  it("has the SPM catalogue and nothing of the demo", async () => {
    const { handle, demoLoaded } = await prepareDatabase({}, false);
    try {
      expect(demoLoaded).toBe(false);
      const db = handle.db;
      // Perwal Depok 57/2017 with its yearly targets; Permenkes 4/2019 sets none.
      expect(await countOf(db, spmVersions)).toBe(2);
      expect(await countOf(db, spmServices)).toBe(24);
      expect(await countOf(db, spmTargets)).toBe(12 * 5);
      expect(await countOf(db, indicators)).toBe(24);
      for (const table of [orgUnits, users, plans, spmAdoptions]) expect(await countOf(db, table)).toBe(0);
    } finally {
      await handle.close();
    }
  });
});

describe.each(testDatabases())("the SPM catalogue on $name", (target) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(() => handle.close());

  it("loads once however often the server starts", async () => {
    expect(await ensureSpmCatalogue(handle.db)).toEqual(["PERWAL-DEPOK-57-2017", "PERMENKES-4-2019"]);
    expect(await ensureSpmCatalogue(handle.db)).toEqual([]);
    expect(await countOf(handle.db, spmServices)).toBe(24);
  });

  it("lets the demo load on top of it with Depok's adoptions, without a second copy", async () => {
    expect(await loadDemo(handle.db)).toBe(true);
    expect(await countOf(handle.db, spmVersions)).toBe(2);
    expect(await countOf(handle.db, spmServices)).toBe(24);
    expect(await countOf(handle.db, spmAdoptions)).toBe(5);
  });
});
