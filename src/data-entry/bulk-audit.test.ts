import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { inArray, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orgUnits } from "../db/schema/index.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { tmpFolder, writeBigValues } from "../test-support/big-files.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import { createTestUser } from "../test-support/users.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const MONTHS = Array.from({ length: 12 }, (_, i) => `2024${String(i + 1).padStart(2, "0")}`);
/** 12 months × 4 codes: 48 values per unit. */
const CODES = ["BUMIL_SASARAN", "BUMIL_K4", "BUMIL_KEK", "KEMATIAN_BAYI"];

interface AuditRow {
  id: number;
  at: string;
  username: string;
  action: string;
  entityId: string;
  oldValue: unknown;
  newValue: unknown;
}

/** A city-wide upload of a year of values: the audit keeps one record per unit, each value recoverable. */
describe.each(testDatabases())("the audit of an xlsx upload on $name", (target) => {
  let t: TestApp;
  let operator: TestClient;
  let auditor: TestClient;
  let dataSetId: string;
  let units: { id: string; code: string }[];
  const upload = (file: Buffer) =>
    operator.request("POST", `/api/data-entry/import?dataSetId=${dataSetId}&fileName=setahun.xlsx`, file, {
      "content-type": XLSX,
    });
  const workbook = async (codes: string[]) => {
    const path = join(await tmpFolder(), "setahun.xlsx");
    await writeBigValues(
      path,
      units.map((u) => u.code),
      MONTHS,
      codes,
    );
    return readFile(path);
  };
  const rows = async <T>(query: ReturnType<typeof sql>) =>
    ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;
  /** The value audit records written after `id`, with their bytes as stored (pg_column_size of the row). */
  const writtenSince = async (id: number) =>
    (
      await rows<{ rows: number; bytes: number }>(sql`select count(*)::int as rows,
        coalesce(sum(pg_column_size(a.*)), 0)::int as bytes
        from audit_log a where a.id > ${id} and a.action like 'data.value%'`)
    )[0];
  /** audit_log's partitions with their toast and indexes, as the disk holds them. */
  const auditBytes = async () =>
    Number(
      (
        await rows<{ n: string }>(sql`select coalesce(sum(pg_total_relation_size(inhrelid)), 0)::text as n
          from pg_inherits where inhparent = 'audit_log'::regclass`)
      )[0]?.n,
    );
  const lastId = async () =>
    (await rows<{ id: number }>(sql`select coalesce(max(id), 0)::int as id from audit_log`))[0]?.id ?? 0;

  beforeAll(async () => {
    t = await openTestApp(target);
    await createTestUser(t.database.db, "operator.kota", "operator_fasyankes", "18.72");
    operator = await TestClient.loggedIn(t.app, "operator.kota");
    auditor = await TestClient.loggedIn(t.app, "auditor.metro");
    const set = (await operator.get("/api/data-sets")).json()[0];
    dataSetId = set.id;
    const ids = set.orgUnits.map((u: { id: string }) => u.id);
    units = await t.database.db
      .select({ id: orgUnits.id, code: orgUnits.code })
      .from(orgUnits)
      .where(inArray(orgUnits.id, ids));
  }, 120_000);
  afterAll(() => t.close());

  it("records one audit row per unit with every value's old and new, at a fraction of the bytes", async () => {
    const values = units.length * MONTHS.length * CODES.length;
    const before = await lastId();
    const sizeBefore = await auditBytes();
    const first = await upload(await workbook(CODES));
    expect(first.json()).toEqual({ forms: units.length * MONTHS.length, values });
    const written = (await writtenSince(before)) ?? { rows: 0, bytes: 0 };
    const onDisk = (await auditBytes()) - sizeBefore;
    console.log(
      `${target.name}: ${values} values in ${units.length} units → ${written.rows} audit rows of ` +
        `${written.bytes} bytes (${(written.bytes / values).toFixed(1)} per value); audit_log on disk ` +
        `+${onDisk} bytes with indexes and toast (${(onDisk / values).toFixed(1)} per value)`,
    );
    expect(written.rows).toBe(units.length);
    const records = await rows<{
      username: string;
      action: string;
      entity_type: string;
      entity_id: string;
      org_unit_id: string;
      old_value: unknown;
      new_value: { count: number; values: Record<string, unknown> };
      at: unknown;
    }>(sql`select username, action, entity_type, entity_id, org_unit_id, old_value, new_value, at
      from audit_log where id > ${before}`);
    expect(records.map((r) => r.org_unit_id).sort()).toEqual(units.map((u) => u.id).sort());
    for (const row of records) {
      expect(row).toMatchObject({
        username: "operator.kota",
        action: "data.values_set",
        entity_type: "data_values",
        entity_id: row.org_unit_id,
        old_value: null,
      });
      expect(row.at).toBeTruthy();
      expect(row.new_value.count).toBe(MONTHS.length * CODES.length);
      expect(Object.keys(row.new_value.values)).toHaveLength(MONTHS.length * CODES.length);
      expect(row.new_value.values["202401/BUMIL_K4"]).toEqual({
        old: null,
        new: { value: expect.any(String), comment: null },
      });
    }
  }, 300_000);

  it("finds one value's history through the bulk writes that hold it, with its old and new", async () => {
    const unit = units[0] as { id: string };
    const key = `${unit.id}/202403/BUMIL_K4`;
    const history = async () => (await auditor.get(`/api/audit?entityId=${encodeURIComponent(key)}`)).json();
    const [first] = (await history()).rows as AuditRow[];
    const reversed = await upload(await workbook([...CODES].reverse()));
    expect(reversed.statusCode).toBe(200);
    const { total, rows } = (await history()) as { total: number; rows: AuditRow[] };
    expect(total).toBe(2);
    const [latest, earlier] = rows;
    expect(earlier).toEqual(first);
    expect(earlier).toMatchObject({
      username: "operator.kota",
      action: "data.values_set",
      entityId: unit.id,
    });
    expect(earlier?.oldValue).toBeNull();
    expect(latest?.oldValue).toEqual(earlier?.newValue);
    expect(latest?.newValue).not.toEqual(earlier?.newValue);
    expect(latest?.newValue).toMatchObject({ value: expect.any(String), comment: null });

    const listed = (await auditor.get("/api/audit?action=data.values_set&limit=1")).json().rows[0];
    expect(listed).toMatchObject({ newValue: { count: 48 }, valueCount: 48 });
    const whole = (await auditor.get(`/api/audit?id=${listed.id}`)).json().rows[0];
    expect(Object.keys(whole.newValue.values)).toHaveLength(48);
    expect((await auditor.get(`/api/audit?q=${encodeURIComponent(key)}`)).json().total).toBe(2);

    const exported = await auditor.get("/api/audit/export.xlsx?action=data.values_set");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Jejak Audit") as ExcelJS.Worksheet;
    expect(sheet.rowCount).toBe(2 + 2 * units.length);
    expect(sheet.getRow(3).getCell(4).value).toBe("Nilai data diisi bersama (impor)");
    expect(sheet.getRow(3).getCell(9).value).toBe("48 nilai");
  }, 300_000);
});
