// CI on the current Node LTS (`npm run test:lts`): a representative part of the tests on PGlite, then the
// built server started on a fresh data folder, asked for its health, and stopped with SIGTERM.
// Runs under the LTS node itself (package.json "config.nodeLts"), so process.execPath is that node.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
console.log(`Node ${process.version}`);

const tests = [
  "src/domain",
  "src/db",
  "src/server/app.test.ts",
  "src/server/input-guard.test.ts",
  "src/server/regressions.test.ts",
];
const env = { ...process.env };
delete env.TEST_DATABASE_URL;
const vitest = spawnSync(process.execPath, [join(root, "node_modules/vitest/vitest.mjs"), "run", ...tests], {
  cwd: root,
  env,
  stdio: "inherit",
});
if (vitest.status !== 0) process.exit(vitest.status ?? 1);

const port = await new Promise((done) => {
  const probe = createServer().listen(0, "127.0.0.1", () => {
    const { port } = probe.address();
    probe.close(() => done(port));
  });
});
const dataDir = mkdtempSync(join(tmpdir(), "capaian-lts-"));
// With the Node flags of `npm start`, so the LTS is checked as the office laptop runs it.
const { scripts } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const startFlags = scripts.start.split(" ").filter((word) => word.startsWith("--"));
const server = spawn(process.execPath, [...startFlags, join(root, "dist/server/server/main.js")], {
  cwd: root,
  env: { ...env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, DEMO: "false", LOG_LEVEL: "warn" },
  stdio: "inherit",
});
const exited = new Promise((done) => server.on("exit", (code) => done(code)));
let health;
for (let i = 0; i < 300 && !health; i++) {
  health = await fetch(`http://127.0.0.1:${port}/api/health`)
    .then((r) => (r.ok ? r.json() : undefined))
    .catch(() => undefined);
  if (!health) await new Promise((r) => setTimeout(r, 200));
}
server.kill("SIGTERM");
const code = await exited;
rmSync(dataDir, { recursive: true, force: true });
console.log(`health on Node ${process.version}: ${JSON.stringify(health)}; exit code after SIGTERM: ${code}`);
process.exit(health?.status === "ok" && code === 0 ? 0 : 1);
