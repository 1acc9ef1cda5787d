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
 * Database clusters the build keeps (scripts/pglite-template.mjs) so a new data folder is unpacked from
 * one instead of running initdb and every migration (~8 s of CPU of a first start): "empty" is migrated
 * and empty, "demo" holds the SPM catalogue and the demo too (~6 s more). Named by the PGlite version
 * and the migrations they hold, so another of either never uses them; the demo one is remade by every
 * build, as the demo's code may have changed.
 */
export type TemplateKind = "empty" | "demo";

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
const prefix = (kind: TemplateKind) => (kind === "empty" ? "cluster-" : "demo-");
const templatePath = (kind: TemplateKind) => join(templateDir(), `${prefix(kind)}${templateKey()}.tar.gz`);

/** Whether the build made this kind of template for this PGlite and these migrations. */
export const hasTemplate = (kind: TemplateKind) => existsSync(templatePath(kind));

/** The template for this PGlite and these migrations, or undefined when the build has not made it. */
export function initdbTemplate(kind: TemplateKind = "empty"): Blob | undefined {
  const path = templatePath(kind);
  return existsSync(path) ? new Blob([readFileSync(path)], { type: "application/x-gzip" }) : undefined;
}

interface WriteOptions {
  /** Start from this cluster rather than initdb. */
  from?: Blob;
  /** Make it even when one exists (its content depends on more than the migrations). */
  remake?: boolean;
}

/** Makes a template (in memory, then renamed into place whole) unless it exists; drops older ones. */
export async function writeTemplate(
  kind: TemplateKind,
  prepare: (client: PGlite) => Promise<void>,
  options: WriteOptions = {},
): Promise<string> {
  const path = templatePath(kind);
  if (existsSync(path) && !options.remake) return path;
  const client = new PGlite({ loadDataDir: options.from });
  await client.waitReady;
  await prepare(client);
  await client.exec("checkpoint");
  const dump = await client.dumpDataDir("gzip");
  await client.close();
  mkdirSync(templateDir(), { recursive: true });
  for (const name of readdirSync(templateDir()))
    if (name.startsWith(prefix(kind))) rmSync(join(templateDir(), name), { force: true });
  writeFileSync(`${path}.tmp`, Buffer.from(await dump.arrayBuffer()));
  renameSync(`${path}.tmp`, path);
  return path;
}
