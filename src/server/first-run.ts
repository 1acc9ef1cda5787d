import { fork } from "node:child_process";
import { once } from "node:events";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import type { DatabaseOptions } from "../db/client.js";
import { acquireDataDirLock } from "../db/data-dir-lock.js";
import { AppError } from "../lib/errors.js";

/** What the initialising process reports before it exits. */
export interface FirstRunResult {
  demoLoaded: boolean;
}

/**
 * A new PGlite data folder is initialised by a short-lived child process: unpacked from the build's
 * cluster (with the demo when asked), else initdb, migrations and the demo. WebAssembly and malloc'd
 * memory never shrink, and what that takes (unpacking the demo cluster in the server kept ~110 MB more
 * for good; initdb and the demo's one big transaction ~800 MB) would stay with the server. The server
 * then opens the ready folder like on any later start.
 * Returns null when there is nothing to do (PostgreSQL, in memory, or a folder that holds a database).
 */
export async function initialiseNewDataDir(
  options: DatabaseOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<FirstRunResult | null> {
  if (options.url || !options.dataDir) return null;
  const dir = options.dataDir;
  const interrupted = existsSync(initialisingMarker(dir));
  if (existsSync(join(dir, "PG_VERSION")) && !interrupted) return null;
  // A first start killed mid-way: its initialiser exits with it (on disconnect) and leaves the marker.
  // Once its lock is free, the folder holds nothing but that attempt, so it starts again from empty.
  await waitForFreeFolder(dir);
  if (interrupted)
    for (const name of readdirSync(dir)) rmSync(join(dir, name), { recursive: true, force: true });
  // Under tsx (npm run dev, tests) the entry is TypeScript source, loaded through tsx; built, plain .js.
  const source = import.meta.url.endsWith(".ts");
  const entry = fileURLToPath(new URL(source ? "./initialise.ts" : "./initialise.js", import.meta.url));
  const child = fork(entry, [], {
    env: { ...env, DATA_DIR: dir },
    execArgv: source ? ["--import", "tsx"] : [],
    stdio: "inherit",
  });
  let result: FirstRunResult | null = null;
  child.on("message", (message) => {
    result = message as FirstRunResult;
  });
  const [code] = (await once(child, "exit")) as [number | null];
  if (code !== 0 || !result) throw new Error(`initialising ${dir} failed (exit code ${code})`);
  return result;
}

/** Present while the initialiser works; a folder that still has it was never finished. */
export const initialisingMarker = (dataDir: string) => join(dataDir, ".initialising");

/** Waits (up to 20 s) until no live process holds the folder's lock. */
async function waitForFreeFolder(dir: string): Promise<void> {
  if (!existsSync(dir)) return;
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      acquireDataDirLock(dir)();
      return;
    } catch (error) {
      if (!(error instanceof AppError && error.code === "DATA_DIR_IN_USE")) throw error;
    }
    await sleep(200);
  }
}
