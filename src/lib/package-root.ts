import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("package.json of capaian not found");
    dir = parent;
  }
  return dir;
}

const root = findPackageRoot();

/** A path inside the installed package, the same from src/ (tsx) and from dist/ (built). */
export function packagePath(...parts: string[]): string {
  return join(root, ...parts);
}
