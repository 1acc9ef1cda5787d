import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { packagePath } from "../lib/package-root.js";

/**
 * A migrated empty database cluster, kept by the build (scripts/pglite-template.mjs) so a new data folder
 * is unpacked from it instead of running initdb and every migration (~8 s of CPU of a first start).
 * Named by the PGlite version and the migrations it holds, so another of either never uses it.
 */
function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  let dir = dirname(entry);
  while (!existsSync(join(dir, "package.json"))) dir = dirname(dir);
  return JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).version;
}

function migrationsHash(): string {
  const root = packagePath("drizzle");
  const files = (dir: string): string[] =>
    readdirSync(dir)
      .sort()
      .flatMap((name) =>
        statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)],
      );
  const hash = createHash("sha256");
  for (const file of files(root)) hash.update(relative(root, file)).update("\0").update(readFileSync(file));
  return hash.digest("hex").slice(0, 16);
}

/** Which PGlite and which migrations a template holds (the tests' templates are named by it too). */
export const templateKey = () => `${pgliteVersion()}-${migrationsHash()}`;

const templateDir = () => packagePath("dist", "pglite");
const templatePath = () => join(templateDir(), `cluster-${templateKey()}.tar.gz`);

/** The template for this PGlite and these migrations, or undefined when the build has not made it. */
export function initdbTemplate(): Blob | undefined {
  const path = templatePath();
  return existsSync(path) ? new Blob([readFileSync(path)], { type: "application/x-gzip" }) : undefined;
}

/** Makes the template when it is missing (in memory, then renamed into place whole); drops older ones. */
export async function writeInitdbTemplate(prepare: (client: PGlite) => Promise<void>): Promise<string> {
  const path = templatePath();
  if (existsSync(path)) return path;
  const client = new PGlite();
  await client.waitReady;
  await prepare(client);
  const dump = await client.dumpDataDir("gzip");
  await client.close();
  if (existsSync(templateDir())) rmSync(templateDir(), { recursive: true, force: true });
  mkdirSync(templateDir(), { recursive: true });
  writeFileSync(`${path}.tmp`, Buffer.from(await dump.arrayBuffer()));
  renameSync(`${path}.tmp`, path);
  return path;
}
