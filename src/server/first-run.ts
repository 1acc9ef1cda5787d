import { fork } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { DatabaseOptions } from "../db/client.js";

/** What the initialising process reports before it exits. */
export interface FirstRunResult {
  demoLoaded: boolean;
}

/**
 * A new PGlite data folder is initialised (initdb, migrations, the demo) by a short-lived child process:
 * WebAssembly memory never shrinks, and what initdb and the demo's one big transaction take (~800 MB)
 * would stay with the server. The server then opens the ready folder like on any later start.
 * Returns null when there is nothing to do (PostgreSQL, in memory, or a folder that holds a database).
 */
export async function initialiseNewDataDir(
  options: DatabaseOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<FirstRunResult | null> {
  if (options.url || !options.dataDir || existsSync(join(options.dataDir, "PG_VERSION"))) return null;
  // Under tsx (npm run dev, tests) the entry is TypeScript source, loaded through tsx; built, plain .js.
  const source = import.meta.url.endsWith(".ts");
  const entry = fileURLToPath(new URL(source ? "./initialise.ts" : "./initialise.js", import.meta.url));
  const child = fork(entry, [], {
    env: { ...env, DATA_DIR: options.dataDir },
    execArgv: source ? ["--import", "tsx"] : [],
    stdio: "inherit",
  });
  let result: FirstRunResult | null = null;
  child.on("message", (message) => {
    result = message as FirstRunResult;
  });
  const [code] = (await once(child, "exit")) as [number | null];
  if (code !== 0 || !result) throw new Error(`initialising ${options.dataDir} failed (exit code ${code})`);
  return result;
}
