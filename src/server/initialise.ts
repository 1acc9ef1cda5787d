// The child process of initialiseNewDataDir (first-run.ts): prepares a new data folder, closes it and exits.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { prepareDatabase } from "./bootstrap.js";
import { readConfig } from "./config.js";
import { type FirstRunResult, initialisingMarker } from "./first-run.js";

// The server that started this is gone (killed): stop too, rather than hold the folder's lock.
const orphaned = () => process.exit(1);
process.on("disconnect", orphaned);
const config = readConfig();
const marker = initialisingMarker(config.database.dataDir as string);
mkdirSync(config.database.dataDir as string, { recursive: true });
writeFileSync(marker, "");
const { handle, demoLoaded } = await prepareDatabase(config.database, config.demo);
await handle.close();
rmSync(marker);
const result: FirstRunResult = { demoLoaded };
process.off("disconnect", orphaned);
process.send?.(result, () => process.disconnect?.());
