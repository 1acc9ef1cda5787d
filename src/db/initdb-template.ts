import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { packagePath } from "../lib/package-root.js";

/**
 * An empty database cluster, as PGlite's initdb makes it, kept by the build (scripts/build.mjs) so a
 * new data folder is unpacked from it instead: initdb is most of a first start (~6 s of CPU).
 * One per PGlite version, since another version may need another cluster.
 */
function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  let dir = dirname(entry);
  while (!existsSync(join(dir, "package.json"))) dir = dirname(dir);
  return JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).version;
}

export function initdbTemplatePath(): string {
  return packagePath("dist", "pglite", `initdb-${pgliteVersion()}.tar.gz`);
}

/** The template for this PGlite version, or undefined when the build has not made it (initdb runs). */
export function initdbTemplate(): Blob | undefined {
  const path = initdbTemplatePath();
  return existsSync(path) ? new Blob([readFileSync(path)], { type: "application/x-gzip" }) : undefined;
}

/** Makes the template when it is missing (in memory, then renamed into place whole). */
export async function writeInitdbTemplate(): Promise<string> {
  const path = initdbTemplatePath();
  if (existsSync(path)) return path;
  const client = new PGlite();
  await client.waitReady;
  const dump = await client.dumpDataDir("gzip");
  await client.close();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, Buffer.from(await dump.arrayBuffer()));
  renameSync(`${path}.tmp`, path);
  return path;
}
