import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { type APIRequestContext, type Browser, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject } from "vitest";
import { demoTemplates } from "./global-setup.js";
import { type RunningServer, root, startServer } from "./server.js";

export { type RunningServer, root, startServer };
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

/** Every database the run has: for what the server process itself does (start, shutdown, crash). */
export const targetNames = (): Array<"pglite" | "postgres"> =>
  process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

/**
 * The databases a browser flow runs on. The API and SQL under every flow already run on both databases
 * in the integration tests, and the web app is the same on either, so a flow runs once, on the database
 * its file names (half the files each); `E2E_ALL_DATABASES=true` runs every flow on both.
 */
export const flowTargets = (database: "pglite" | "postgres"): Array<"pglite" | "postgres"> => {
  const all = targetNames();
  if (process.env.E2E_ALL_DATABASES === "true") return all;
  return all.includes(database) ? [database] : ["pglite"];
};

/** Logs in through the login page as a person would. */
export async function logIn(page: Page, baseUrl: string, username: string, password = "demo-capaian-2024") {
  await page.goto(`${baseUrl}/`);
  await page.locator('input[autocomplete="username"]').fill(username);
  await page.locator('input[autocomplete="current-password"]').fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.getByTestId("user-menu").waitFor();
}

/** An API session as the browser keeps one: cookies in the context, the CSRF token from the login. */
export interface ApiSession {
  request: APIRequestContext;
  csrf: string;
}

export async function apiSession(browser: Browser, baseUrl: string, username: string): Promise<ApiSession> {
  const { request } = await browser.newContext({ baseURL: baseUrl });
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const login = await request.post("/api/auth/login", {
    headers: { "x-csrf-token": csrfToken },
    data: { username, password: "demo-capaian-2024" },
  });
  expect(login.status()).toBe(200);
  return { request, csrf: (await login.json()).csrfToken };
}

/** A write that must succeed; the answer's body is in the failure message when it does not. */
export async function apiWrite(s: ApiSession, method: "put" | "post" | "patch", path: string, data: unknown) {
  const response = await s.request[method](path, { headers: { "x-csrf-token": s.csrf }, data });
  expect(response.status(), await response.text()).toBeLessThan(300);
  return response.json();
}

/**
 * One month of the operator's first form entered, submitted, verified and approved by the three roles
 * through the API: the approved data an evaluation test starts from.
 */
export async function approveMonth(
  roles: { operator: ApiSession; verifier: ApiSession; approver: ApiSession },
  period: string,
  values: Record<string, string>,
  comment = "Sesuai register",
) {
  const [dataSet] = await (await roles.operator.request.get("/api/data-sets")).json();
  const key = { dataSetId: dataSet.id, orgUnitId: dataSet.orgUnits[0].id, period };
  const form = await (
    await roles.operator.request.get(`/api/data-entry/form?${new URLSearchParams(key)}`)
  ).json();
  const ids = new Map(form.elements.map((e: { code: string; id: string }) => [e.code, e.id]));
  await apiWrite(roles.operator, "put", "/api/data-entry/values", {
    ...key,
    values: Object.entries(values).map(([code, value]) => ({
      dataElementId: ids.get(code),
      value,
      comment,
      revision: null,
    })),
  });
  await apiWrite(roles.operator, "post", "/api/data-entry/transition", { ...key, action: "submit" });
  await apiWrite(roles.verifier, "post", "/api/data-entry/transition", { ...key, action: "verify" });
  await apiWrite(roles.approver, "post", "/api/data-entry/transition", { ...key, action: "approve" });
}

export interface AppSuite {
  readonly target: DatabaseTarget;
  readonly server: RunningServer;
  readonly browser: Browser;
  /** Stops the server (resolving with its exit code) and starts it again on the same database. */
  restart(): Promise<number | null>;
}

/**
 * For one describe block: a fresh database, the built server (with `env` added to its environment) and
 * Chromium, all stopped afterwards.
 */
export function appSuite(name: "pglite" | "postgres", env: Record<string, string> = {}): AppSuite {
  return suiteOf(name, demoTarget, env, () => {});
}

/**
 * A fresh database holding the demo. Loading the demo is most of a server's start, so e2e/global-setup.ts
 * loads it once per database kind before the files run, and every suite starts on a copy: a copied data
 * folder, or a PostgreSQL database made from the loaded one as its template.
 */
async function demoTarget(name: "pglite" | "postgres"): Promise<DatabaseTarget> {
  const run = inject("e2eRun");
  if (name === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "capaian-e2e-"));
    cpSync(demoTemplates(run).pglite, dir, { recursive: true });
    return {
      name,
      env: { DATA_DIR: dir },
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DATABASE_URL is not set");
  const db = `capaian_e2e_${randomBytes(5).toString("hex")}`;
  await admin(base, `create database ${db} template ${demoTemplates(run).postgres}`);
  return {
    name,
    env: { DATABASE_URL: databaseUrl(base, db) },
    dispose: () => admin(base, `drop database if exists ${db} with (force)`),
  };
}

const databaseUrl = (base: string, db: string) => {
  const url = new URL(base);
  url.pathname = `/${db}`;
  return url.toString();
};

/** One describe block's database, server and browser; `prepare` runs on the database before the first start. */
function suiteOf(
  name: "pglite" | "postgres",
  makeTarget: (name: "pglite" | "postgres") => Promise<DatabaseTarget>,
  env: Record<string, string>,
  prepare: (target: DatabaseTarget) => void,
): AppSuite {
  let target: DatabaseTarget | undefined;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    target = await makeTarget(name);
    prepare(target);
    // Chromium starts while the server migrates and loads its data.
    [server, browser] = await Promise.all([startServer({ ...target.env, ...env }), launchBrowser()]);
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
      server = await startServer({ ...ready(target).env, ...env });
      return code;
    },
  };
}

/** The two window sizes every screen must fit: a Dinas laptop and a phone. */
export const viewports = { desktop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } };

/**
 * Lets a resize reach the page: layout and the re-render of Mantine's media-query hooks take a frame or two,
 * then any transition it started (the side menu folding away) ends before a screenshot.
 */
export const nextFrames = async (page: Page) => {
  await page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
  await page
    .waitForFunction(
      () => document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== "running"),
      null,
      { timeout: 2_000 },
    )
    .catch(() => undefined);
};

/** How far the page reaches past the window's right edge, and the elements that do (to name in a failure). */
const overflowOf = (page: Page) =>
  page.evaluate(() => {
    const overflow = document.documentElement.scrollWidth - window.innerWidth;
    const culprits =
      overflow > 0
        ? Array.from(document.querySelectorAll("body *"))
            .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
            .slice(0, 5)
            .map((e) => `${e.tagName}.${e.className}`)
            .join(", ")
        : "";
    return { overflow, culprits };
  });

/**
 * At both window sizes: the page is never wider than the window, and a full-page screenshot
 * `<file>-desktop-<target>.png` / `<file>-phone-<target>.png`. Ends at the desktop size.
 */
export async function checkBothSizes(page: Page, file: string, target: string) {
  for (const [size, viewport] of Object.entries(viewports)) {
    await page.setViewportSize(viewport);
    await nextFrames(page);
    let last = { overflow: 0, culprits: "" };
    await expect
      .poll(async () => {
        last = await overflowOf(page);
        return last.overflow;
      })
      .toBeLessThanOrEqual(0)
      .catch(() => {
        throw new Error(
          `${file} at ${size} is wider than the window by ${last.overflow}px: ${last.culprits}`,
        );
      });
    await page.screenshot({ path: join(screenshotDir, `${file}-${size}-${target}.png`), fullPage: true });
  }
  await page.setViewportSize(viewports.desktop);
}

/** Picks an option of a Mantine select: the exact label for a string, a match for a RegExp. */
export async function choose(page: Page, select: Locator, option: string | RegExp) {
  await select.click();
  await page.getByRole("option", { name: option, exact: typeof option === "string" }).click();
}

/** Picks an option of the select labelled `label` in the open dialog. */
export const chooseInDialog = (page: Page, label: string, option: string | RegExp) =>
  choose(page, page.getByRole("dialog").getByRole("combobox", { name: label, exact: true }), option);

export interface FirstAdmin {
  username: string;
  fullName: string;
  password: string;
  /** The kota or kabupaten the admin belongs to, made by the same command. */
  orgCode: string;
  orgName: string;
}

/** The first admin of an empty install, as the README says: `capaian user create --admin …` before the first start. */
export function createFirstAdmin(target: DatabaseTarget, admin: FirstAdmin) {
  const cli = spawnSync(
    process.execPath,
    [
      join(root, "dist", "server", "cli", "capaian.js"),
      ...["user", "create", "--admin", "--username", admin.username, "--full-name", admin.fullName],
      ...["--org", admin.orgCode, "--org-name", admin.orgName, "--password-stdin"],
    ],
    { cwd: root, env: { ...process.env, ...target.env }, input: admin.password, encoding: "utf8" },
  );
  if (cli.status !== 0) throw new Error(`capaian user create failed (${cli.status}):\n${cli.stderr}`);
}

/** Like appSuite, for an empty install without the demo: only the first admin made with the CLI. */
export function emptyInstallSuite(name: "pglite" | "postgres", admin: FirstAdmin): AppSuite {
  return suiteOf(name, createTarget, { DEMO: "false" }, (target) => createFirstAdmin(target, admin));
}
