import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../db/schema/index.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import { createTestUser } from "../test-support/users.js";

interface Row {
  username: string | null;
  action: string;
  orgUnitName: string | null;
}

describe.each(testDatabases())("the audit trail on $name", (target) => {
  let t: TestApp;
  let auditor: TestClient;
  beforeAll(async () => {
    t = await openTestApp(target);
    await TestClient.loggedIn(t.app, "operator.yosomulyo");
    await TestClient.loggedIn(t.app, "operator.beji");
    auditor = await TestClient.loggedIn(t.app, "auditor.metro");
  });
  afterAll(() => t.close());

  it("refuses to update, delete or truncate audit records, whoever asks", async () => {
    const db = t.database.db;
    const [before] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    await expect(db.execute(sql`update audit_log set action = 'diubah'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_log`)).rejects.toThrow();
    const [after] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    expect(after?.n).toBe(before?.n);
  });

  it("shows the Metro auditor the logins of Metro's users but not Depok's", async () => {
    const res = await auditor.get("/api/audit?action=auth.login");
    expect(res.statusCode).toBe(200);
    const names = res.json().rows.map((r: Row) => r.username);
    expect(names).toContain("operator.yosomulyo");
    expect(names).not.toContain("operator.beji");
  });

  it("filters by user and by date", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const mine = (await auditor.get(`/api/audit?username=auditor.metro&from=${today}&to=${today}`)).json();
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.rows.every((r: Row) => r.username === "auditor.metro")).toBe(true);
    const past = (await auditor.get("/api/audit?to=2000-01-01")).json();
    expect(past.total).toBe(0);
  });

  it("refuses a malformed date with a 400", async () => {
    expect((await auditor.get("/api/audit?from=kemarin")).statusCode).toBe(400);
  });

  it("exports the filtered records as an xlsx an auditor can open", async () => {
    const res = await auditor.get("/api/audit/export.xlsx?action=auth.login");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toMatch(/attachment; filename="jejak-audit-.*\.xlsx"/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Jejak Audit");
    expect(sheet?.getRow(2).getCell(3).value).toBe("Pengguna");
    const users = [];
    for (let r = 3; r <= (sheet?.rowCount ?? 0); r++) users.push(sheet?.getRow(r).getCell(3).value);
    expect(users).toContain("operator.yosomulyo");
    expect(users).not.toContain("operator.beji");
    // Actions in words, as on screen, and where each request came from.
    expect(sheet?.getRow(3).getCell(4).value).toBe("Masuk");
    expect(sheet?.getRow(2).getCell(12).value).toBe("Alamat Klien");
    expect(String(sheet?.getRow(3).getCell(12).value)).not.toBe("");
  });

  it("searches by the words the screen shows, not only by codes", async () => {
    const logins = (await auditor.get(`/api/audit?q=${encodeURIComponent("masuk")}`)).json();
    expect(logins.total).toBeGreaterThan(0);
    expect(logins.rows.every((r: Row) => r.action.startsWith("auth.login"))).toBe(true);
    const byUnit = (await auditor.get("/api/audit?q=yosomulyo")).json();
    expect(byUnit.total).toBeGreaterThan(0);
    expect((await auditor.get("/api/audit?q=%25%25%25")).json().total).toBe(0);
  });

  it("is closed to roles without audit access", async () => {
    const operator = await TestClient.loggedIn(t.app, "operator.yosomulyo");
    expect((await operator.get("/api/audit")).statusCode).toBe(403);
    await createTestUser(t.database.db, "pimpinan.lain", "pimpinan", "18.72");
    const pimpinan = await TestClient.loggedIn(t.app, "pimpinan.lain");
    expect((await pimpinan.get("/api/audit/export.xlsx")).statusCode).toBe(403);
  });
});
