// Builds the app (`npm run build`) only when the sources changed since the last build: at install
// (`prepare`), at `npm start` and before the end-to-end tests, so a clone is built once, not at every start.
// `node scripts/build.mjs --at-install`: without the dev tools (an install that omits them) or on a
// failing build, warns instead of failing the install; `npm start` then builds, or says why it cannot.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const root = resolve(import.meta.dirname, "..");
const inputs = [
  "src",
  "web",
  "drizzle",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
  "tsconfig.build.json",
  "vite.config.ts",
  "scripts",
];
const stampFile = join(root, "dist", ".build-hash");
export const serverEntry = join(root, "dist", "server", "server", "main.js");
const outputs = [serverEntry, join(root, "dist", "web", "index.html")];

function filesUnder(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

/** One hash over every input's path and content: a clone, a pull or an edit all change it. */
function sourceHash() {
  const hash = createHash("sha256");
  for (const file of inputs.flatMap((input) => filesUnder(join(root, input)))) {
    hash.update(relative(root, file));
    hash.update("\0");
    hash.update(readFileSync(file));
  }
  return hash.digest("hex");
}

/** Builds when dist/ is missing or older than the sources; returns the exit status (0: up to date or built). */
export function ensureBuilt() {
  const current = sourceHash();
  const built = existsSync(stampFile) ? readFileSync(stampFile, "utf8").trim() : null;
  if (built === current && outputs.every((file) => existsSync(file))) return 0;
  const result = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) return result.status ?? 1;
  writeFileSync(stampFile, `${current}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const atInstall = process.argv.includes("--at-install");
  const tools = ["typescript/bin/tsc", "vite/bin/vite.js"].every((tool) =>
    existsSync(join(root, "node_modules", tool)),
  );
  if (atInstall && !tools) {
    console.warn("capaian: the build tools are not installed; `npm start` builds when they are.");
    process.exit(0);
  }
  const status = ensureBuilt();
  if (status !== 0 && atInstall) {
    console.warn("capaian: the build failed (see above); `npm start` tries again.");
    process.exit(0);
  }
  process.exit(status);
}
