import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataSetOrgUnits, dataValues, orgUnits } from "../db/schema/index.js";
import { chunks } from "../lib/chunks.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { tmpFolder, writeBigValues } from "../test-support/big-files.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import { createTestUser } from "../test-support/users.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
// 4 200 units × 24 months = 100 800 rows with `npm run test:large`; CI runs a tenth of it, which takes
// the same code path (paged preview, 1 000-row batches) at a tenth of the minutes.
const UNITS = Number(process.env.LARGE_UPLOAD_UNITS ?? 420);
const ROWS = UNITS * 24;
const MONTHS = Array.from(
  { length: 24 },
  (_, i) => `${2024 + Math.floor(i / 12)}${String((i % 12) + 1).padStart(2, "0")}`,
);

/** A province's reporting units uploading two years of one value at once. */
describe.each(testDatabases())(`uploading ${ROWS} rows of monthly values on $name`, (target) => {
  let t: TestApp;
  let client: TestClient;
  let dataSetId: string;
  let file: Buffer;
  const upload = (path: string) =>
    client.request("POST", `/api/data-entry/import${path}?dataSetId=${dataSetId}&fileName=besar.xlsx`, file, {
      "content-type": XLSX,
    });

  beforeAll(async () => {
    t = await openTestApp(target);
    const db = t.database.db;
    await createTestUser(db, "operator.kota", "operator_fasyankes", "18.72");
    client = await TestClient.loggedIn(t.app, "operator.kota");
    const set = (await client.get("/api/data-sets")).json()[0];
    dataSetId = set.id;
    const [model] = await db.select().from(orgUnits).where(eq(orgUnits.id, set.orgUnits[0].id));
    if (!model) throw new Error("no reporting unit");
    const codes = Array.from({ length: UNITS }, (_, i) => `UJI.${i}`);
    for (const part of chunks(codes)) {
      const created = await db
        .insert(orgUnits)
        .values(
          part.map((code) => ({
            parentId: model.parentId,
            districtId: model.districtId,
            code,
            name: `Unit uji ${code}`,
            type: model.type,
            level: model.level,
            path: `${model.path}.${code.replace(".", "")}`,
          })),
        )
        .returning({ id: orgUnits.id });
      await db.insert(dataSetOrgUnits).values(created.map((u) => ({ dataSetId, orgUnitId: u.id })));
    }
    const path = join(await tmpFolder(), "besar.xlsx");
    await writeBigValues(path, codes, MONTHS, ["BUMIL_K4"]);
    file = await readFile(path);
  }, 300_000);
  afterAll(() => t.close());

  it("previews every row as counts and a first page, not the whole file", async () => {
    const res = await upload("/preview");
    expect(res.statusCode).toBe(200);
    const preview = res.json();
    expect(preview.counts).toEqual({
      rows: ROWS,
      withErrors: 0,
      forms: ROWS,
      values: ROWS,
      unchanged: 0,
    });
    expect(preview.rows).toHaveLength(200);
    expect(res.body.length).toBeLessThan(200_000);
  }, 300_000);

  it("saves every value in one transaction, audited", async () => {
    const res = await upload("");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ forms: ROWS, values: ROWS });
    const [stored] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(dataValues)
      .innerJoin(orgUnits, eq(orgUnits.id, dataValues.orgUnitId))
      .where(sql`${orgUnits.code} like 'UJI.%'`);
    expect(stored?.n).toBe(ROWS);
    const [audit] = (
      (await t.database.db.execute(sql`select count(*)::int as records,
          sum((new_value->>'count')::int)::int as "values", count(distinct org_unit_id)::int as units
        from audit_log where action = 'data.values_set' and username = 'operator.kota'`)) as unknown as {
        rows: { records: number; values: number; units: number }[];
      }
    ).rows;
    expect(audit).toEqual({ records: UNITS, values: ROWS, units: UNITS });
  }, 600_000);
});
