import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

export const root = resolve(import.meta.dirname, "..");
export const screenshotDir = join(root, "e2e", "screenshots");
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}: apt-get install -y chromium (or set CHROMIUM_PATH)`,
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      "--disable-quic",
    ],
  });
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? done(address.port) : fail(new Error("no port")),
      );
    });
  });
}

export interface RunningServer {
  baseUrl: string;
  process: ChildProcess;
  output: () => string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Starts the built app (`dist/`) as `npm start` would, on its own port and database. */
export async function startServer(env: Record<string, string>): Promise<RunningServer> {
  const entry = join(root, "dist", "server", "server", "main.js");
  if (!existsSync(entry)) throw new Error("dist/ is missing: run `npm run build` first");
  const port = await freePort();
  let output = "";
  const child = spawn(process.execPath, [entry], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    process: child,
    output: () => output,
    stop: async () => {
      child.kill("SIGTERM");
      return exited;
    },
  };
}

export interface DatabaseTarget {
  name: "pglite" | "postgres";
  /** Environment for the server: a fresh data folder or a fresh PostgreSQL database. */
  env: Record<string, string>;
  dispose(): Promise<void>;
}

async function admin(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(text).finally(() => client.end());
}

export async function createTarget(name: "pglite" | "postgres"): Promise<DatabaseTarget> {
  if (name === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "capaian-e2e-"));
    return { name, env: { DATA_DIR: dir }, dispose: async () => {} };
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DATABASE_URL is not set");
  const db = `capaian_e2e_${randomBytes(5).toString("hex")}`;
  await admin(base, `create database ${db}`);
  const url = new URL(base);
  url.pathname = `/${db}`;
  return {
    name,
    env: { DATABASE_URL: url.toString() },
    dispose: () => admin(base, `drop database if exists ${db} with (force)`),
  };
}

export const targetNames = (): Array<"pglite" | "postgres"> =>
  process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

/** Logs in through the login page as a person would. */
export async function logIn(page: Page, baseUrl: string, username: string, password = "demo-capaian-2024") {
  await page.goto(`${baseUrl}/`);
  await page.locator('input[autocomplete="username"]').fill(username);
  await page.locator('input[autocomplete="current-password"]').fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.getByTestId("user-menu").waitFor();
}

export interface AppSuite {
  readonly target: DatabaseTarget;
  readonly server: RunningServer;
  readonly browser: Browser;
  /** Stops the server (resolving with its exit code) and starts it again on the same database. */
  restart(): Promise<number | null>;
}

/** For one describe block: a fresh database, the built server and Chromium, all stopped afterwards. */
export function appSuite(name: "pglite" | "postgres"): AppSuite {
  let target: DatabaseTarget | undefined;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    target = await createTarget(name);
    server = await startServer(target.env);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    if (server?.process.exitCode === null) await server.stop();
    await target?.dispose();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the suite has not started yet");
    return value;
  };
  return {
    get target() {
      return ready(target);
    },
    get server() {
      return ready(server);
    },
    get browser() {
      return ready(browser);
    },
    async restart() {
      const code = await ready(server).stop();
      server = await startServer(ready(target).env);
      return code;
    },
  };
}
