import { existsSync, statSync } from "node:fs";
import type { Socket } from "node:net";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { chromium, type Page } from "playwright-core";
import { hashPassword } from "../src/auth/passwords.js";
import type { DatabaseHandle } from "../src/db/client.js";
import { endDate, type Period, periodOfDate, previousPeriod, startDate } from "../src/domain/index.js";
import { packagePath } from "../src/lib/package-root.js";
import { buildApp } from "../src/server/app.js";
import { buildForm, rows } from "./kota.js";

const ELEMENTS = 100;
const PASSWORD = "bench-offline-2024";
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/**
 * What an operator's phone downloads to open a form of 100 elements: the first time (app files, data,
 * and what the service worker keeps in the background), the next time (app files from the service
 * worker, data fresh from the server) and offline; against the form's raw JSON. Bytes are counted on the
 * server's sockets (everything sent, headers included) and per page request in Chromium.
 */
export async function benchOfflineBytes(handle: DatabaseHandle): Promise<string[]> {
  const webRoot = packagePath("dist", "web");
  if (!existsSync(`${webRoot}/sw.js`)) return ["offline bytes: skipped, run `npm run build:web` first"];
  if (!existsSync(chromiumPath)) return [`offline bytes: skipped, no Chromium at ${chromiumPath}`];
  const key = await operatorForm(handle);

  const app = await buildApp({
    database: handle,
    logger: false,
    webRoot,
    auth: {
      secret: "offline-bytes-bench",
      sessions: { idleMinutes: 60, maxHours: 8 },
      secureCookies: false,
      loginAttemptsPerMinute: 1000,
    },
  });
  let sent = 0;
  app.server.on("connection", (socket: Socket) => {
    socket.on("close", () => {
      sent += socket.bytesWritten;
    });
  });
  const sockets = new Set<Socket>();
  app.server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  // Bytes sent so far, on connections still open and closed ones.
  const serverBytes = () => sent + [...sockets].reduce((sum, s) => sum + s.bytesWritten, 0);
  await app.listen({ port: 0, host: "127.0.0.1" });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const formUrl = `${base}/isian?${new URLSearchParams({ ...key })}`;

  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const { csrfToken } = await (await context.request.get(`${base}/api/auth/csrf`)).json();
    await context.request.post(`${base}/api/auth/login`, {
      headers: { "x-csrf-token": csrfToken },
      data: { username: "bench.offline", password: PASSWORD },
    });
    const rawJson = (
      await (await context.request.get(`${base}/api/data-entry/form?${new URLSearchParams(key)}`)).body()
    ).length;

    const first = await openForm(await context.newPage(), formUrl, serverBytes, true);
    const next = await openForm(await context.newPage(), formUrl, serverBytes, false);
    await context.setOffline(true);
    const offline = await openForm(await context.newPage(), formUrl, serverBytes, false);
    await context.close();

    return [
      [
        `offline bytes — an operator opens a form of ${ELEMENTS} elements on a phone (${handle.kind}; as sent: brotli where the browser takes it, headers included)`,
        `  first open, page:    ${kB(first.page)} (app files ${kB(first.app)}, API ${kB(first.api)}: this form and the two months before, kept for offline)`,
        `  first open, the same app files uncompressed: ${kB(uncompressed(webRoot, first.files))}`,
        `  first open, background (service worker precache: the other screens' files, icons): ${kB(first.server - first.page)}`,
        `  next open (online):  ${kB(next.server)} from the server (app files ${kB(next.app)}, API ${kB(next.api)})`,
        `  offline open:        ${kB(offline.server)} from the server (only the browser's service worker update check)`,
        `  the form's raw JSON: ${kB(rawJson)}`,
        `  chart library (echarts) requested on the data entry screen: ${first.charts || next.charts ? "yes" : "no"}`,
      ].join("\n"),
    ];
  } finally {
    await browser.close();
    await app.close();
  }
}

interface Opened {
  /** Sent by the server while the form opened (and the background work settled). */
  server: number;
  /** Downloaded by the page itself from the network (not from the service worker). */
  page: number;
  app: number;
  api: number;
  /** The app files' paths the page fetched, to weigh them uncompressed. */
  files: string[];
  charts: boolean;
}

async function openForm(
  page: Page,
  url: string,
  serverBytes: () => number,
  waitForBackground: boolean,
): Promise<Opened> {
  const counted: Opened = { server: 0, page: 0, app: 0, api: 0, files: [], charts: false };
  const done: Promise<void>[] = [];
  page.on("requestfinished", (request) =>
    done.push(
      (async () => {
        const response = await request.response();
        if (!response || response.fromServiceWorker()) return;
        const sizes = await request.sizes();
        const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
        counted.page += bytes;
        const path = new URL(request.url()).pathname;
        if (path.startsWith("/api/")) counted.api += bytes;
        else {
          counted.app += bytes;
          counted.files.push(path === "/isian" ? "/index.html" : path);
        }
      })(),
    ),
  );
  page.on("request", (request) => {
    if (/echarts/.test(request.url())) counted.charts = true;
  });
  const before = serverBytes();
  await page.goto(url);
  await page.locator("tr[data-element] input").first().waitFor({ timeout: 30_000 });
  if (waitForBackground) {
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000 });
  }
  // Whatever the page or its service worker still fetches (precache, forms kept for offline) settles.
  await settle(serverBytes);
  await Promise.all(done);
  counted.server = serverBytes() - before;
  await page.close();
  return counted;
}

/** What the files weigh on disk, before the build's brotli and gzip copies. */
const uncompressed = (webRoot: string, files: string[]) =>
  files.reduce((sum, file) => sum + statSync(join(webRoot, file)).size, 0);

/** Waits until the server has sent nothing new for a second. */
async function settle(serverBytes: () => number) {
  let last = -1;
  while (serverBytes() !== last) {
    last = serverBytes();
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/**
 * A puskesmas with a monthly form of 100 elements, its last three months filled, and its operator
 * (`bench.offline`); returns the form of the last month ended, the one the screen opens on.
 */
async function operatorForm(handle: DatabaseHandle) {
  const db = handle.db;
  const { kota, dataSet } = await buildForm(db, "OFFL", "Luring", 1, ELEMENTS);
  const unit = (await rows(db, sql`select id from org_units where code = 'OFFL.P1'`))[0]?.id as string;
  const last = previousPeriod(periodOfDate(new Date().toISOString().slice(0, 10), "month"));
  const months: Period[] = [last, previousPeriod(last), previousPeriod(previousPeriod(last))];
  for (const month of months) {
    await db.execute(sql`insert into periods (code, type, start_date, end_date)
      values (${month.code}, 'month', ${startDate(month)}, ${endDate(month)}) on conflict do nothing`);
    await db.execute(sql`insert into data_values (district_id, org_unit_id, period, data_element_id, value)
      select ${kota}, ${unit}, ${month.code}, data_element_id, 100 + position
      from data_set_elements where data_set_id = ${dataSet}`);
  }
  const userId = (
    await rows(
      db,
      sql`insert into users (username, full_name, password_hash, must_change_password)
        values ('bench.offline', 'Operator Luring', ${await hashPassword(PASSWORD)}, false) returning id`,
    )
  )[0]?.id as string;
  await db.execute(sql`insert into role_assignments (user_id, role, org_unit_id)
    values (${userId}, 'operator_fasyankes', ${unit})`);
  return { dataSetId: dataSet, orgUnitId: unit, period: last.code };
}
