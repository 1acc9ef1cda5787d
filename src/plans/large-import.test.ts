import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orgUnits } from "../db/schema/index.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { tmpFolder, writeBigRak } from "../test-support/big-files.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

describe.each(testDatabases())("importing a very large RAK on $name", (target) => {
  let t: TestApp;
  let admin: TestClient;
  let metro: string;
  let folder: string;
  const upload = (path: string, body: Buffer) =>
    admin.request("POST", `/api/plans/${path}?orgUnitId=${metro}&year=2027&fileName=rak.xlsx`, body, {
      "content-type": XLSX,
    });

  beforeAll(async () => {
    t = await openTestApp(target);
    admin = await TestClient.loggedIn(t.app, "admin.metro");
    const [unit] = await t.database.db.select().from(orgUnits).where(eq(orgUnits.code, "18.72"));
    metro = unit?.id as string;
    folder = await tmpFolder();
  });
  afterAll(() => t.close());

  it("previews and saves 10 000 indicator rows (once past PostgreSQL's bind-parameter limit)", async () => {
    const path = join(folder, "rak-10000.xlsx");
    await writeBigRak(path, 10_000);
    const file = await readFile(path);
    const preview = await upload("import/preview", file);
    expect(preview.statusCode).toBe(200);
    expect(preview.json().summary).toMatchObject({
      sasaran: 10,
      program: 100,
      kegiatan: 1000,
      indicators: 10_000,
    });
    const saved = await upload("import", file);
    expect(saved.statusCode).toBe(201);
    expect(saved.json().version).toBe(1);
  }, 300_000);

  it("refuses 100 000 rows up front with 413 and where reading stopped", async () => {
    const path = join(folder, "rak-100000.xlsx");
    await writeBigRak(path, 100_000);
    const res = await upload("import/preview", await readFile(path));
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: "TOO_MANY_ROWS", details: { sheet: "RAK", row: 20_001 } });
    expect(res.json().error.message).toContain("20.000 baris");
  }, 300_000);
});
