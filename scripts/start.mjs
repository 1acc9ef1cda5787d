// `npm start`: builds only when the sources changed since the last build, then runs the server, so a
// restart takes the second the server needs instead of a full build.
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
];
const stampFile = join(root, "dist", ".build-hash");
const outputs = [join(root, "dist", "server", "server", "main.js"), join(root, "dist", "web", "index.html")];

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

const current = sourceHash();
const built = existsSync(stampFile) ? readFileSync(stampFile, "utf8").trim() : null;
if (built !== current || !outputs.every((file) => existsSync(file))) {
  const result = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stampFile, `${current}\n`);
}
await import(pathToFileURL(outputs[0]).href);
