import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client.js";
import { testDatabases } from "../test-support/databases.js";
import { recordAudit, systemActor } from "./record.js";
import { AuditVersionCache, auditVersion } from "./version.js";

const change = (db: DatabaseHandle["db"]) =>
  recordAudit(db, systemActor, { action: "plan.update", entityType: "plan", entityId: "p" });

describe.each(testDatabases())("dashboard figures kept between two changes on $name", (target) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(() => handle.close());

  it("shows a change as soon as it is committed, never the figures from before it", async () => {
    const cache = new AuditVersionCache<{ n: number }>(4);
    let n = 0;
    const figures = () => cache.get(handle.db, "home", async () => ({ n: ++n }));
    const first = await figures();
    await change(handle.db);
    expect((await figures()).n).toBeGreaterThan(first.n);
    const seen = (await figures()).n;
    await change(handle.db);
    expect((await figures()).n).toBeGreaterThan(seen);
  });

  it("hands out frozen figures, so a caller cannot change the next caller's", async () => {
    const cache = new AuditVersionCache<{ list: number[] }>(4);
    const mine = await cache.get(handle.db, "k", async () => ({ list: [1] }));
    expect(() => mine.list.push(2)).toThrow(TypeError);
    expect((await cache.get(handle.db, "k", async () => ({ list: [1] }))).list).toEqual([1]);
  });

  it.runIf(target.name === "pglite")(
    "computes once while nothing changes (one connection, no other writer)",
    async () => {
      const cache = new AuditVersionCache<number>(2);
      let computed = 0;
      const read = (key: string) => cache.get(handle.db, key, async () => ++computed);
      await read("a");
      await read("a");
      expect(computed).toBe(1);
      await read("b");
      await read("c");
      await read("a");
      expect(computed).toBe(4);
    },
  );

  it.runIf(target.name === "postgres")(
    "does not trust the version while a change is being written",
    async () => {
      await handle.db.transaction(async (tx) => {
        await change(tx as unknown as DatabaseHandle["db"]);
        expect(await auditVersion(handle.db)).toBeNull();
      });
    },
  );

  it.runIf(target.name === "postgres")(
    "keeps figures while another database on the same server is writing",
    async () => {
      const other = new URL(process.env.TEST_DATABASE_URL ?? "");
      other.pathname = "/postgres";
      const writer = new pg.Client({ connectionString: other.toString() });
      await writer.connect();
      try {
        // txid_current() gives the other session a transaction id without writing anything.
        await writer.query("begin; select txid_current()");
        expect(await auditVersion(handle.db)).not.toBeNull();
      } finally {
        await writer.query("rollback");
        await writer.end();
      }
    },
  );
});
