import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  type ApiSession,
  apiSession,
  apiWrite,
  appSuite,
  logIn,
  screenshotDir,
  viewports,
} from "./support.js";

interface FormKey {
  dataSetId: string;
  orgUnitId: string;
  period: string;
}
interface Form {
  elements: Array<{ id: string; code: string }>;
  values: Array<{ dataElementId: string; value: string; revision: number }>;
  report: { status: string };
  entry: { open: boolean };
}

const input = (page: Page, code: string) => page.locator(`tr[data-element="${code}"] input`);
const queueCount = (page: Page) => page.getByTestId("queue-count").innerText();
const saveStatus = (page: Page) => page.getByTestId("save-status").innerText();

/** The device's offline store as the page sees it: record keys per object store. */
const stored = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<Record<string, string[]>>((done) => {
        const open = indexedDB.open("capaian-offline");
        // Never create the database from here: the app makes it, with its stores.
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => done({});
        open.onsuccess = () => {
          const db = open.result;
          const names = Array.from(db.objectStoreNames);
          if (names.length === 0) return done({});
          const tx = db.transaction(names);
          const out: Record<string, string[]> = {};
          for (const name of names) {
            const keys = tx.objectStore(name).getAllKeys();
            keys.onsuccess = () => {
              out[name] = keys.result.map(String);
            };
          }
          tx.oncomplete = () => done(out);
        };
      }),
  );

const formKeyOf = (cacheKey: string): FormKey => {
  const params = new URLSearchParams(cacheKey.split("?")[1]);
  return {
    dataSetId: params.get("dataSetId") ?? "",
    orgUnitId: params.get("orgUnitId") ?? "",
    period: params.get("period") ?? "",
  };
};

const getForm = async (s: ApiSession, key: FormKey): Promise<Form> =>
  (await s.request.get(`/api/data-entry/form?${new URLSearchParams({ ...key })}`)).json();

/** Types a value into an element's row as an operator does. */
async function type(page: Page, code: string, value: string) {
  await input(page, code).click();
  await page.keyboard.type(value);
  await page.keyboard.press("Enter");
}

describe("offline data entry on a phone (pglite)", () => {
  const app = appSuite("pglite");

  it("opens, fills two months offline, queues them, syncs on return and resolves a conflict", async () => {
    const base = app.server.baseUrl;
    const context = await app.browser.newContext({ viewport: viewports.phone });
    const page = await context.newPage();
    const shot = (what: string) =>
      page.screenshot({ path: join(screenshotDir, `offline-${what}-phone.png`), fullPage: true });
    await logIn(page, base, "operator.yosomulyo");
    // The service worker holds the shell, and the operator's recent forms are kept on the device.
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 20_000 });
    let kept: string[] = [];
    await expect
      .poll(
        async () => {
          kept = ((await stored(page)).cache ?? []).filter((k) => k.includes("/data-entry/form?"));
          return kept.length;
        },
        { timeout: 20_000 },
      )
      .toBeGreaterThanOrEqual(3);

    // Two kept months the operator can still fill, chosen through the API as the server sees them.
    const operator = await apiSession(app.browser, base, "operator.yosomulyo");
    const open: Array<{ key: FormKey; form: Form }> = [];
    for (const key of kept.map(formKeyOf).sort((a, b) => a.period.localeCompare(b.period))) {
      const form = await getForm(operator, key);
      if (form.entry.open && ["draft", "returned"].includes(form.report.status)) open.push({ key, form });
    }
    expect(open.length, `kept forms: ${kept.join(", ")}`).toBeGreaterThanOrEqual(2);
    const [first, second] = open as [(typeof open)[0], (typeof open)[0]];
    const [a, b] = first.form.elements as [Form["elements"][0], Form["elements"][0]];
    const urlOf = (key: FormKey) => `${base}/isian?${new URLSearchParams({ ...key })}`;

    await context.setOffline(true);
    await page.reload();
    await page.getByTestId("user-menu").waitFor();
    await page.goto(urlOf(first.key));
    await input(page, a.code).waitFor();
    await type(page, a.code, "41");
    await type(page, b.code, "42");
    await expect.poll(() => saveStatus(page)).toContain("Belum tersimpan (offline)");
    await expect.poll(() => queueCount(page)).toBe("2 perubahan menunggu dikirim");
    await page.goto(urlOf(second.key));
    await input(page, a.code).waitFor();
    await type(page, a.code, "51");
    await type(page, b.code, "52");
    await expect.poll(() => queueCount(page)).toBe("4 perubahan menunggu dikirim");
    expect(await page.getByTestId("offline-note").isVisible()).toBe(true);
    expect(await page.getByTestId("submit-blocked").innerText()).toContain("memerlukan koneksi");
    expect((await stored(page)).queue).toHaveLength(2);
    await shot("queued");

    // Meanwhile a colleague at the same puskesmas saves the first month's first value elsewhere.
    const colleague = await colleagueOf(app.browser, base, first.key.orgUnitId);
    const theirs = first.form.values.find((v) => v.dataElementId === a.id);
    await apiWrite(colleague, "put", "/api/data-entry/values", {
      ...first.key,
      values: [{ dataElementId: a.id, value: "77", revision: theirs?.revision ?? null }],
    });

    await context.setOffline(false);
    // The open month and the other month's value not in conflict go out; the conflict waits.
    await expect.poll(() => queueCount(page), { timeout: 20_000 }).toBe("1 perubahan menunggu dikirim");
    await page.getByTestId("queue-attention").waitFor();
    expect(await page.getByTestId("last-sync").innerText()).toContain("Terakhir tersinkron");
    await shot("conflict-waiting");

    await page.getByTestId("queue-attention").click();
    const conflicts = page.getByTestId("conflicts");
    await conflicts.waitFor({ timeout: 15_000 });
    expect(await conflicts.innerText()).toMatch(/Nilai Anda: 41 · Nilai tersimpan sekarang: 77/);
    await shot("conflict");
    await conflicts.getByRole("button", { name: "Pakai nilai saya" }).click();
    await expect.poll(() => saveStatus(page), { timeout: 15_000 }).toBe("Tersimpan");
    await expect.poll(() => queueCount(page)).toBe("Semua perubahan sudah terkirim");
    await shot("synced");

    // On the server: every value, each with its audit record (the overwritten 77 as the old value).
    const savedValue = async (key: FormKey, id: string) =>
      (await getForm(operator, key)).values.find((v) => v.dataElementId === id)?.value;
    expect(await savedValue(first.key, a.id)).toBe("41");
    expect(await savedValue(first.key, b.id)).toBe("42");
    expect(await savedValue(second.key, a.id)).toBe("51");
    expect(await savedValue(second.key, b.id)).toBe("52");
    const auditor = await apiSession(app.browser, base, "auditor.metro");
    const auditOf = async (key: FormKey, code: string) =>
      (
        await (
          await auditor.request.get(
            `/api/audit?${new URLSearchParams({ entityId: `${key.orgUnitId}/${key.period}/${code}` })}`,
          )
        ).json()
      ).rows as Array<{ username: string; action: string; newValue: { value: string }; oldValue: unknown }>;
    const firstA = await auditOf(first.key, a.code);
    expect(firstA[0]).toMatchObject({
      username: "operator.yosomulyo",
      action: "data.value_set",
      newValue: { value: "41" },
      oldValue: { value: "77" },
    });
    expect(firstA.some((r) => r.username === "bidan.yosomulyo")).toBe(true);
    for (const [key, code, value] of [
      [first.key, b.code, "42"],
      [second.key, a.code, "51"],
      [second.key, b.code, "52"],
    ] as const) {
      expect((await auditOf(key, code))[0]).toMatchObject({
        username: "operator.yosomulyo",
        newValue: { value },
      });
    }

    // Logging out leaves nothing of the operator on the device.
    await page.getByTestId("user-menu").click();
    await page.getByRole("menuitem", { name: "Keluar" }).click();
    await page.getByRole("button", { name: "Masuk" }).waitFor();
    await expect.poll(async () => Object.values(await stored(page)).flat()).toEqual([]);
    await context.close();
  });
});

/** A second operator of the same puskesmas, made by the admin, with the password changed as required. */
async function colleagueOf(browser: Parameters<typeof apiSession>[0], base: string, orgUnitId: string) {
  const admin = await apiSession(browser, base, "admin.metro");
  const { temporaryPassword } = await apiWrite(admin, "post", "/api/users", {
    username: "bidan.yosomulyo",
    fullName: "Bidan Yosomulyo",
    roles: [{ role: "operator_fasyankes", orgUnitId }],
  });
  const { request } = await browser.newContext({ baseURL: base });
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const login = await request.post("/api/auth/login", {
    headers: { "x-csrf-token": csrfToken },
    data: { username: "bidan.yosomulyo", password: temporaryPassword },
  });
  const session = { request, csrf: (await login.json()).csrfToken as string };
  const changed = await request.post("/api/auth/password", {
    headers: { "x-csrf-token": session.csrf },
    data: { currentPassword: temporaryPassword, newPassword: "Bidan-Yosomulyo-2024!" },
  });
  expect(changed.status(), await changed.text()).toBe(204);
  return session;
}
