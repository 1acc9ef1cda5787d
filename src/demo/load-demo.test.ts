import { count } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client.js";
import {
  indicators,
  orgUnits,
  planIndicators,
  planNodes,
  plans,
  spmServices,
  spmTargets,
} from "../db/schema/index.js";
import { testDatabases } from "../test-support/databases.js";
import { isDemoLoaded, loadDemo } from "./load-demo.js";
import { metroDefinitions } from "./metro-2024-definitions.js";

describe.each(testDatabases())("demo data on $name", (target) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(() => handle.close());

  const countOf = async (table: PgTable) => {
    const [row] = await handle.db.select({ n: count() }).from(table);
    return row?.n;
  };

  it("loads both seeds into an empty database", async () => {
    expect(await isDemoLoaded(handle.db)).toBe(false);
    expect(await loadDemo(handle.db)).toBe(true);
    // Metro's RAK 2024, the Renstra 2025–2029 (contoh) and the PK 2025 (contoh) that serves it, and
    // Depok's Renja 2020 (contoh: a program, a kegiatan, a sub kegiatan per SPM service).
    expect(await countOf(plans)).toBe(4);
    expect(await countOf(planIndicators)).toBe(43 + 13 + 8);
    expect(await countOf(planNodes)).toBe(1 + 5 + 20 + (1 + 2 + 5) + (1 + 1) + (1 + 1 + 12));
    expect(await countOf(spmServices)).toBe(24);
    expect(await countOf(spmTargets)).toBe(12 * 5);
    // The RAK's 43, the two SPM catalogues' 12 each and the definitions that compute the RAK's from the
    // monthly report; the Renstra and the PK reuse the RAK's catalogue entries, adding none.
    expect(await countOf(indicators)).toBe(43 + 24 + metroDefinitions.length);
  });

  it("does not load the demo twice", async () => {
    const unitsBefore = await countOf(orgUnits);
    expect(await loadDemo(handle.db)).toBe(false);
    expect(await countOf(orgUnits)).toBe(unitsBefore);
    expect(await countOf(plans)).toBe(4);
  });
});
