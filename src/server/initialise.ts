// The child process of initialiseNewDataDir (first-run.ts): prepares a new data folder, closes it and exits.
import { prepareDatabase } from "./bootstrap.js";
import { readConfig } from "./config.js";
import type { FirstRunResult } from "./first-run.js";

const config = readConfig();
const { handle, demoLoaded } = await prepareDatabase(config.database, config.demo);
await handle.close();
const result: FirstRunResult = { demoLoaded };
process.send?.(result, () => process.disconnect?.());
