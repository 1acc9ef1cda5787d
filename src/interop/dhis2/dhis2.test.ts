import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, dataSetReports, dataSets, dataValues, orgUnits } from "../../db/schema/index.js";
import { openTestApp, type TestApp } from "../../test-support/app.js";
import { TestClient } from "../../test-support/client.js";
import { testDatabases } from "../../test-support/databases.js";
import { fingerprint } from "../../test-support/fingerprint.js";
import { createTestUser } from "../../test-support/users.js";

const TYPES = { json: "application/json", csv: "application/csv", adx: "application/adx+xml" } as const;
const KOTA_YEAR = "dataSet=LB-PUSKESMAS&orgUnit=18.72&children=true&startDate=2024-01-01&endDate=2024-12-31";
const YOSOMULYO = "18.72.01.P2";

type Value = { dataElement: string; period: string; orgUnit: string; value: string };
const sorted = (values: Value[]) =>
  values
    .map(({ dataElement, period, orgUnit, value }) => `${orgUnit} ${period} ${dataElement} ${value}`)
    .sort();

describe.each(testDatabases())("DHIS2 dataValueSets and ADX on $name", (target) => {
  let t: TestApp;
  let operator: TestClient;
  const send = (body: string | Buffer, type: string, query = "") =>
    operator.request("POST", `/api/dataValueSets?idScheme=CODE${query}`, body, { "content-type": type });
  const exported = async (format: keyof typeof TYPES) => {
    const res = await operator.get(`/api/dataValueSets?${KOTA_YEAR}&idScheme=CODE&format=${format}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.body;
  };
  const kotaYear = async () => sorted(JSON.parse(await exported("json")).dataValues);

  beforeAll(async () => {
    t = await openTestApp(target, 10_000, { demo: { monitoring: true }, importMaxBytes: 2 * 1024 * 1024 });
    await createTestUser(t.database.db, "operator.kota", "operator_fasyankes", "18.72");
    operator = await TestClient.loggedIn(t.app, "operator.kota");
  });
  afterAll(() => t.close());

  it("reports every conflict with its index and writes nothing, or the valid rest with atomicMode=NONE", async () => {
    const [approved] = await t.database.db
      .select({ code: orgUnits.code, period: dataSetReports.period })
      .from(dataSetReports)
      .innerJoin(orgUnits, eq(orgUnits.id, dataSetReports.orgUnitId))
      .where(and(eq(dataSetReports.status, "approved"), like(orgUnits.code, "18.72.%")))
      .limit(1);
    const file = {
      dataSet: "LB-PUSKESMAS",
      dataValues: [
        { dataElement: "BUMIL_K4", period: "202410", orgUnit: YOSOMULYO, value: "7" },
        { dataElement: "BUMIL_K4", period: "202410", orgUnit: "99.99.XX", value: "1" },
        { dataElement: "BUMIL_K4", period: approved?.period, orgUnit: approved?.code, value: "2" },
        { dataElement: "BUMIL_KEK", period: "202411", orgUnit: YOSOMULYO, value: "dua" },
        { dataElement: "BUMIL_K4", period: "202413", orgUnit: YOSOMULYO, value: "3" },
        { dataElement: "BUMIL_SASARAN", period: "202411", orgUnit: YOSOMULYO, value: "40" },
      ],
    };
    const before = await fingerprint(t.database.db);
    const atomic = await send(JSON.stringify(file), TYPES.json);
    expect(atomic.statusCode).toBe(409);
    const summary = atomic.json();
    expect(summary.status).toBe("ERROR");
    expect(
      summary.conflicts.map((c: { errorCode: string; indexes: number[] }) => [c.errorCode, c.indexes]),
    ).toEqual([
      ["E7611", [4]],
      ["E7612", [1]],
      ["E7645", [2]],
      ["E7619", [3]],
    ]);
    expect(summary.conflicts[2].value).toMatch(/terkunci/);
    expect(summary.conflicts[2].valueEn).toMatch(/locked/);
    expect(await fingerprint(t.database.db)).toBe(before);

    const dry = await send(JSON.stringify(file), TYPES.json, "&atomicMode=NONE&dryRun=true");
    expect(dry.json().importCount).toEqual({ imported: 2, updated: 0, ignored: 4, deleted: 0 });
    expect(await fingerprint(t.database.db)).toBe(before);

    const partial = await send(JSON.stringify(file), TYPES.json, "&atomicMode=NONE");
    expect(partial.statusCode).toBe(200);
    expect(partial.json()).toMatchObject({
      status: "WARNING",
      importCount: { imported: 2, updated: 0, ignored: 4, deleted: 0 },
      totalConflicts: 4,
    });
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "data.values_imported"));
    expect(audits).toHaveLength(1);
    expect(audits[0]?.newValue).toHaveProperty("sha256");
    expect((audits[0]?.newValue as { sha256?: string } | undefined)?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const [bulk, ...more] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "data.values_set"));
    expect(more).toEqual([]);
    expect(bulk).toMatchObject({ username: "operator.kota", entityType: "data_values", oldValue: null });
    expect(bulk?.entityId).toBe(bulk?.orgUnitId);
    expect(bulk?.at).toBeInstanceOf(Date);
    expect(bulk?.newValue).toEqual({
      count: 2,
      values: {
        "202410/BUMIL_K4": { old: null, new: { value: "7", comment: null } },
        "202411/BUMIL_SASARAN": { old: null, new: { value: "40", comment: null } },
      },
    });
    const again = await send(JSON.stringify(file), TYPES.json, "&atomicMode=NONE&importStrategy=CREATE");
    expect(again.json().importCount).toMatchObject({ imported: 0, updated: 0 });
    const removed = await send(
      JSON.stringify({ dataValues: file.dataValues.slice(5) }),
      TYPES.json,
      "&importStrategy=DELETE&dataSet=LB-PUSKESMAS",
    );
    expect(removed.json().importCount).toEqual({ imported: 0, updated: 0, ignored: 0, deleted: 1 });
  });

  it("refuses broken files with a clear 4xx and leaves the database as it was", async () => {
    const before = await fingerprint(t.database.db);
    const cases: Array<[string | Buffer, string, number, string]> = [
      [
        '{"dataSet":"LB-PUSKESMAS","dataValues":[{"dataElement":"BUMIL_K4","per',
        TYPES.json,
        400,
        "JSON_INVALID",
      ],
      [
        '<adx xmlns="urn:example:other"><group orgUnit="18.72.01.P2" period="2024-10-01/P1M"/></adx>',
        TYPES.adx,
        400,
        "ADX_NAMESPACE",
      ],
      ["element,period,unit,value\nBUMIL_K4,202410,18.72.01.P2,3\n", TYPES.csv, 400, "CSV_HEADER_INVALID"],
      [Buffer.alloc(3 * 1024 * 1024, " "), TYPES.json, 413, "FILE_TOO_LARGE"],
    ];
    for (const [body, type, status, code] of cases) {
      const res = await send(body, type, "&dataSet=LB-PUSKESMAS");
      expect(res.statusCode, code).toBe(status);
      expect(res.json().error.code).toBe(code);
      expect(res.json().error.messageEn).toBeTruthy();
    }
    expect(await fingerprint(t.database.db)).toBe(before);
  });

  it("reads a CSV that Excel saved with a byte order mark", async () => {
    const csv = `\uFEFFdataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value\nBUMIL_K4,202412,${YOSOMULYO},,,9\n`;
    const res = await send(csv, TYPES.csv, "&dryRun=true&dataSet=LB-PUSKESMAS");
    expect(res.json()).toMatchObject({ status: "SUCCESS", importCount: { imported: 1 } });
  });

  it("exports a kota-year and imports it back into an emptied form, the same values, in every format", async () => {
    const original = await kotaYear();
    expect(original.length).toBeGreaterThan(1_000);
    const files = { json: await exported("json"), csv: await exported("csv"), adx: await exported("adx") };
    expect(files.adx).toContain('period="2024-01-01/P1M"');
    const [form] = await t.database.db.select().from(dataSets).where(eq(dataSets.code, "LB-PUSKESMAS"));
    for (const format of ["json", "csv", "adx"] as const) {
      // The same metadata, no values and no reports: what another server holding the same form has.
      await t.database.db.delete(dataValues).where(like(dataValues.period, "2024%"));
      await t.database.db
        .delete(dataSetReports)
        .where(and(eq(dataSetReports.dataSetId, form?.id as string), like(dataSetReports.period, "2024%")));
      expect(await kotaYear()).toEqual([]);
      // A CSV names no data set: the request does.
      const res = await send(files[format], TYPES[format], format === "csv" ? "&dataSet=LB-PUSKESMAS" : "");
      expect(res.statusCode, `${format}: ${res.body.slice(0, 400)}`).toBe(200);
      expect(res.json().importCount).toEqual({
        imported: original.length,
        updated: 0,
        ignored: 0,
        deleted: 0,
      });
      expect(await kotaYear(), format).toEqual(original);
    }
  });
});
