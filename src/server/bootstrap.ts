import { sql } from "drizzle-orm";
import { type DatabaseHandle, type DatabaseOptions, openDatabase } from "../db/client.js";
import { migrate } from "../db/migrate.js";
import { ensureYearPartitions } from "../db/partitions.js";
import { loadDemo } from "../demo/load-demo.js";
import { ensureSpmCatalogue } from "../spm/catalogue.js";

export interface PreparedDatabase {
  handle: DatabaseHandle;
  /** The demo was loaded on this start (or came with the build's cluster the new folder started from). */
  demoLoaded: boolean;
}

/**
 * Opens the database (a new PGlite folder from the build's cluster, with the demo when asked and the
 * build made one) and completes it with completeDatabase.
 */
export async function prepareDatabase(options: DatabaseOptions, demo: boolean): Promise<PreparedDatabase> {
  const handle = await openDatabase({ ...options, newFolderWithDemo: demo });
  try {
    const loaded = await completeDatabase(handle, demo);
    return { handle, demoLoaded: demo && (loaded || handle.startedWithDemo === true) };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/**
 * Applies pending migrations, loads the missing reference data (the SPM catalogue), when asked loads the
 * demo once (returns whether it did), makes the missing year partitions, and refreshes statistics. The build's demo cluster is made by it too.
 */
export async function completeDatabase(handle: DatabaseHandle, demo: boolean): Promise<boolean> {
  await migrate(handle);
  await ensureSpmCatalogue(handle.db);
  const loaded = demo ? await loadDemo(handle.db) : false;
  await ensureYearPartitions(handle.db);
  // PGlite has no autovacuum, so without this its planner never has statistics and guesses one row
  // per table: the SPM sums ran 40 s instead of 0,3 s. PostgreSQL keeps its own up to date.
  if (handle.kind === "pglite") await handle.db.execute(sql`analyze`);
  return loaded;
}
