import { type DatabaseHandle, type DatabaseOptions, openDatabase } from "../db/client.js";
import { migrate } from "../db/migrate.js";
import { loadDemo } from "../demo/load-demo.js";

export interface PreparedDatabase {
  handle: DatabaseHandle;
  demoLoaded: boolean;
}

/** Opens the database, applies pending migrations and, when asked, loads the demo once. */
export async function prepareDatabase(options: DatabaseOptions, demo: boolean): Promise<PreparedDatabase> {
  const handle = await openDatabase(options);
  try {
    await migrate(handle);
    const demoLoaded = demo ? await loadDemo(handle.db) : false;
    return { handle, demoLoaded };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
