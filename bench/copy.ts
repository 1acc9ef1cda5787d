import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { DatabaseHandle } from "../src/db/client.js";

type Pglite = { query(q: string, p?: unknown[], o?: { blob?: Blob }): Promise<unknown> };

/**
 * The raw floor of the benches: COPY of tab-separated `text` into `target` ("table (columns)"), through
 * the driver itself (pg-copy-streams on PostgreSQL, a blob on PGlite).
 */
export async function copyInto(handle: DatabaseHandle, target: string, text: string): Promise<void> {
  const client = (handle.db as unknown as { $client: pg.Pool | Pglite }).$client;
  if (handle.kind === "postgres") {
    const connection = (await (client as pg.Pool).connect()) as pg.PoolClient;
    try {
      await pipeline(Readable.from([text]), connection.query(copyFrom(`copy ${target} from stdin`)));
    } finally {
      connection.release();
    }
  } else {
    await (client as Pglite).query(`copy ${target} from '/dev/blob'`, [], { blob: new Blob([text]) });
  }
}
