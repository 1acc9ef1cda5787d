import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client.js";
import { auditLog, indicators, orgUnits, plans } from "../db/schema/index.js";
import { loadDemo } from "../demo/load-demo.js";
import { rakMetro2024 } from "../demo/rak-metro-2024.js";
import { testDatabases } from "../test-support/databases.js";
import { importRak } from "./import-version.js";
import { readRak } from "./rak-queries.js";

describe.each(testDatabases())("storing a RAK document on $name", (target) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await target.open();
    await loadDemo(handle.db, { monitoring: false });
  });
  afterAll(() => handle.close());

  it("reads the demo RAK back exactly as the seed document", async () => {
    const [plan] = await handle.db.select().from(plans);
    expect(await readRak(handle.db, plan?.id as string)).toEqual(rakMetro2024);
  });

  it("imports a document as a new version in one transaction, audited, reusing catalogue indicators", async () => {
    const [metro] = await handle.db.select().from(orgUnits).where(eq(orgUnits.code, "18.72"));
    const catalogueBefore = await handle.db.select().from(indicators);
    const actor = { userId: null, username: "tester", requestId: "req-1" };
    const changed = { ...rakMetro2024, title: `${rakMetro2024.title} (perubahan)` };
    const { planId, version } = await importRak(
      handle.db,
      { orgUnitId: metro?.id as string, doc: changed },
      actor,
    );
    expect(version).toBe(2);
    expect(await readRak(handle.db, planId)).toEqual(changed);
    expect(await handle.db.select().from(indicators)).toHaveLength(catalogueBefore.length);
    const [audit] = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, planId));
    expect(audit).toMatchObject({ action: "plan.import", username: "tester", requestId: "req-1" });
  });

  it("writes nothing when the import fails half-way", async () => {
    const [metro] = await handle.db.select().from(orgUnits).where(eq(orgUnits.code, "18.72"));
    const before = await handle.db.select().from(plans);
    const broken = structuredClone(rakMetro2024);
    const lastProgram = broken.sasaran[0]?.programs.at(-1);
    if (lastProgram?.kegiatan[0]?.indicators[0])
      lastProgram.kegiatan[0].indicators[0].target = "tidak terbaca";
    await expect(
      importRak(
        handle.db,
        { orgUnitId: metro?.id as string, doc: broken },
        {
          userId: null,
          username: "tester",
          requestId: null,
        },
      ),
    ).rejects.toThrow();
    expect(await handle.db.select().from(plans)).toHaveLength(before.length);
  });
});
