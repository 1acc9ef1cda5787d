import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Form } from "../data-entry/schemas.js";
import { dataElements, dataSets, orgUnits } from "../db/schema/index.js";
import { periodOfDate, previousPeriod, shiftPeriod } from "../domain/index.js";
import { todayInJakarta } from "../lib/jakarta-date.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import type { DataSetDetail, DataSetInput } from "./schemas.js";
import { dataSetWorkbook } from "./workbook.js";

const XLSX = { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" };

describe.each(testDatabases())("data elements and data sets an admin builds on $name", (target) => {
  let t: TestApp;
  let admin: TestClient;
  let operator: TestClient;
  let yosomulyo: string;
  const ids: Record<string, string> = {};
  const thisMonth = periodOfDate(todayInJakarta(), "month");
  const lastMonth = previousPeriod(thisMonth);
  const nextMonth = shiftPeriod(thisMonth, 1);
  const counts = async () => {
    const db = t.database.db;
    const [sets] = await db.select({ n: count() }).from(dataSets);
    const [elements] = await db.select({ n: count() }).from(dataElements);
    return `${sets?.n}/${elements?.n}`;
  };
  const input = (over: Partial<DataSetInput> = {}): DataSetInput => ({
    code: "LB-GIZI",
    name: "Laporan Gizi",
    periodType: "month",
    deadlineDays: 10,
    jumpPercent: 50,
    openFrom: null,
    openFuturePeriods: 0,
    rules: [
      {
        code: "ANEMIA_LE_DIPERIKSA",
        left: "#{GZ_ANEMIA}",
        operator: "<=",
        right: "#{GZ_DIPERIKSA}",
        severity: "error",
        message: { id: "Anemia melebihi yang diperiksa", en: "Anaemia exceeds those examined" },
      },
    ],
    elements: [
      { dataElementId: ids.GZ_DIPERIKSA as string, section: "Pemeriksaan" },
      { dataElementId: ids.GZ_ANEMIA as string, section: "Pemeriksaan" },
    ],
    orgUnitIds: [yosomulyo],
    ...over,
  });
  const form = (dataSetId: string, period: string) =>
    operator.get(`/api/data-entry/form?${new URLSearchParams({ dataSetId, orgUnitId: yosomulyo, period })}`);

  beforeAll(async () => {
    t = await openTestApp(target);
    admin = await TestClient.loggedIn(t.app, "admin.metro");
    operator = await TestClient.loggedIn(t.app, "operator.yosomulyo");
    const [unit] = await t.database.db.select().from(orgUnits).where(eq(orgUnits.code, "18.72.01.P2"));
    yosomulyo = unit?.id as string;
  });
  afterAll(() => t.close());

  it("creates data elements and refuses a duplicate or an unusable code", async () => {
    for (const [code, name] of [
      ["GZ_DIPERIKSA", "Jumlah ibu hamil diperiksa Hb"],
      ["GZ_ANEMIA", "Jumlah ibu hamil anemia"],
      ["GZ_SPARE", "Cadangan"],
    ]) {
      const res = await admin.post("/api/metadata/data-elements", { code, name, valueType: "integer" });
      expect(res.statusCode).toBe(200);
      ids[code as string] = res.json().id;
    }
    const before = await counts();
    const dup = await admin.post("/api/metadata/data-elements", {
      code: "GZ_ANEMIA",
      name: "x",
      valueType: "integer",
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toContain("#{GZ_ANEMIA}");
    const bad = await admin.post("/api/metadata/data-elements", {
      code: "GZ-ANEMIA",
      name: "x",
      valueType: "integer",
    });
    expect(bad.statusCode).toBe(400);
    expect(await counts()).toBe(before);
    const list = (await admin.get("/api/metadata/data-elements")).json();
    expect(list.find((e: { code: string }) => e.code === "GZ_ANEMIA")).toMatchObject({
      editable: true,
      dataSets: 0,
    });
  });

  it("refuses a data set without elements, with a duplicate code or a rule on an unknown element, writing nothing", async () => {
    const before = await counts();
    const empty = await admin.post("/api/metadata/data-sets", input({ elements: [] }));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe("DATA_SET_EMPTY");
    const duplicate = await admin.post("/api/metadata/data-sets", input({ code: "LB-PUSKESMAS" }));
    expect(duplicate.statusCode).toBe(409);
    const [rule] = input().rules;
    const unknown = await admin.post(
      "/api/metadata/data-sets",
      input({ rules: [{ ...(rule as DataSetInput["rules"][number]), right: "#{BUMIL_K4}" }] }),
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain("BUMIL_K4 bukan data dalam formulir ini");
    const syntax = await admin.post(
      "/api/metadata/data-sets",
      input({ rules: [{ ...(rule as DataSetInput["rules"][number]), left: "#{GZ_ANEMIA} +" }] }),
    );
    expect(syntax.statusCode).toBe(400);
    expect(await counts()).toBe(before);
  });

  it("creates a data set the operator opens for the current month, a future month read-only", async () => {
    const res = await admin.post("/api/metadata/data-sets", input());
    expect(res.statusCode).toBe(200);
    ids.set = res.json().id;
    const current = await form(ids.set as string, thisMonth.code);
    expect(current.statusCode).toBe(200);
    expect(current.json().elements.map((e: { code: string }) => e.code)).toEqual([
      "GZ_DIPERIKSA",
      "GZ_ANEMIA",
    ]);
    expect(current.json().entry).toEqual({ open: true, message: null, messageEn: null });
    const future: Form = (await form(ids.set as string, nextMonth.code)).json();
    expect(future.entry.open).toBe(false);
    expect(future.entry.message).toContain("belum dibuka untuk pengisian");
    const save = await operator.request("PUT", "/api/data-entry/values", {
      dataSetId: ids.set,
      orgUnitId: yosomulyo,
      period: nextMonth.code,
      values: [{ dataElementId: ids.GZ_ANEMIA, value: "1", revision: null }],
    });
    expect(save.statusCode).toBe(422);
    expect(save.json().error.code).toBe("PERIOD_NOT_OPEN");
    const submit = await operator.post("/api/data-entry/transition", {
      dataSetId: ids.set,
      orgUnitId: yosomulyo,
      period: nextMonth.code,
      action: "submit",
    });
    expect(submit.statusCode).toBe(422);
    const upload = await operator.request(
      "POST",
      `/api/data-entry/import/preview?dataSetId=${ids.set}&fileName=isian.csv`,
      Buffer.from(
        `Kode Unit;Nama Unit;Periode;GZ_ANEMIA\n18.72.01.P2;Puskesmas Yosomulyo;${nextMonth.code};1\n`,
      ),
      { "content-type": "text/csv" },
    );
    expect(upload.json().rows[0].errors[0]).toContain("belum dibuka untuk pengisian");
  });

  it("keeps last month's elements on its form after an element is removed from this month on", async () => {
    const saved = await operator.request("PUT", "/api/data-entry/values", {
      dataSetId: ids.set,
      orgUnitId: yosomulyo,
      period: lastMonth.code,
      values: [
        { dataElementId: ids.GZ_DIPERIKSA, value: "10", revision: null },
        { dataElementId: ids.GZ_ANEMIA, value: "2", revision: null },
      ],
    });
    expect(saved.statusCode).toBe(200);
    const detail: DataSetDetail = (await admin.get(`/api/metadata/data-sets/${ids.set}`)).json();
    expect(detail.reported).toBe(true);
    const res = await admin.request("PUT", `/api/metadata/data-sets/${ids.set}`, {
      ...input({ rules: [], elements: [{ dataElementId: ids.GZ_DIPERIKSA as string, section: null }] }),
      effectiveFrom: thisMonth.code,
      revision: detail.revision,
    });
    expect(res.statusCode).toBe(200);
    const codes = async (period: string) =>
      ((await form(ids.set as string, period)).json() as Form).elements.map((e) => e.code);
    expect(await codes(lastMonth.code)).toEqual(["GZ_DIPERIKSA", "GZ_ANEMIA"]);
    expect(await codes(thisMonth.code)).toEqual(["GZ_DIPERIKSA"]);
    const after: DataSetDetail = (await admin.get(`/api/metadata/data-sets/${ids.set}`)).json();
    expect(after.former).toMatchObject([{ code: "GZ_ANEMIA", validTo: lastMonth.code }]);
    const stale = await admin.request("PUT", `/api/metadata/data-sets/${ids.set}`, {
      ...input(),
      revision: detail.revision,
    });
    expect(stale.statusCode).toBe(409);
  });

  it("closes periods before the opening period", async () => {
    const detail: DataSetDetail = (await admin.get(`/api/metadata/data-sets/${ids.set}`)).json();
    const res = await admin.request("PUT", `/api/metadata/data-sets/${ids.set}`, {
      ...input({
        rules: [],
        openFrom: thisMonth.code,
        elements: [{ dataElementId: ids.GZ_DIPERIKSA as string, section: null }],
      }),
      revision: detail.revision,
    });
    expect(res.statusCode).toBe(200);
    const old: Form = (await form(ids.set as string, lastMonth.code)).json();
    expect(old.entry.open).toBe(false);
    expect(old.values).toHaveLength(2);
  });

  it("refuses to delete an element with values, deletes an unused one", async () => {
    const refused = await admin.request("DELETE", `/api/metadata/data-elements/${ids.GZ_ANEMIA}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain("arsipkan");
    const [still] = await t.database.db
      .select()
      .from(dataElements)
      .where(eq(dataElements.id, ids.GZ_ANEMIA as string));
    expect(still).toBeDefined();
    const archived = await admin.request("PUT", `/api/metadata/data-elements/${ids.GZ_ANEMIA}`, {
      code: "GZ_ANEMIA",
      name: "Jumlah ibu hamil anemia",
      valueType: "integer",
      archived: true,
      revision: 1,
    });
    expect(archived.statusCode).toBe(200);
    const deleted = await admin.request("DELETE", `/api/metadata/data-elements/${ids.GZ_SPARE}`);
    expect(deleted.statusCode).toBe(204);
  });

  it("exports a data set to xlsx and imports it back: a preview first, then one transaction", async () => {
    const file = await admin.get(`/api/metadata/data-sets/${ids.set}/workbook.xlsx`);
    expect(file.statusCode).toBe(200);
    const same = await admin.request(
      "POST",
      "/api/metadata/data-sets/import?fileName=f.xlsx&dryRun=true",
      file.rawPayload,
      XLSX,
    );
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json()).toMatchObject({
      exists: true,
      errors: [],
      changes: [{ id: "Tidak ada perubahan." }],
    });
    const detail: DataSetDetail = (await admin.get(`/api/metadata/data-sets/${ids.set}`)).json();
    const copy = await dataSetWorkbook(
      {
        ...detail,
        code: "LB-GIZI-2",
        elements: [
          ...detail.elements,
          {
            ...(detail.elements[0] as DataSetDetail["elements"][number]),
            code: "GZ_BARU",
            name: "Data baru",
          },
        ],
        rules: [{ ...(input().rules[0] as DataSetInput["rules"][number]), left: "#{GZ_BARU}" }],
      },
      new Map(),
    );
    const before = await counts();
    const preview = await admin.request(
      "POST",
      "/api/metadata/data-sets/import?fileName=f.xlsx&dryRun=true",
      copy,
      XLSX,
    );
    expect(preview.json()).toMatchObject({ exists: false, errors: [], newElements: [{ code: "GZ_BARU" }] });
    expect(await counts()).toBe(before);
    const commit = await admin.request(
      "POST",
      "/api/metadata/data-sets/import?fileName=f.xlsx&dryRun=false",
      copy,
      XLSX,
    );
    expect(commit.statusCode).toBe(200);
    const sets = (await admin.get("/api/metadata/data-sets")).json();
    expect(sets.find((s: { code: string }) => s.code === "LB-GIZI-2")).toMatchObject({ elements: 2 });
  });

  it("refuses an import whose rule names an unknown element, writing nothing", async () => {
    const detail: DataSetDetail = (await admin.get(`/api/metadata/data-sets/${ids.set}`)).json();
    const bad = await dataSetWorkbook(
      {
        ...detail,
        code: "LB-RUSAK",
        rules: [{ ...(input().rules[0] as DataSetInput["rules"][number]), left: "#{TIDAK_ADA}" }],
      },
      new Map(),
    );
    const before = await counts();
    const preview = (
      await admin.request("POST", "/api/metadata/data-sets/import?fileName=f.xlsx", bad, XLSX)
    ).json();
    expect(preview.errors[0].id).toContain("TIDAK_ADA");
    const commit = await admin.request(
      "POST",
      "/api/metadata/data-sets/import?fileName=f.xlsx&dryRun=false",
      bad,
      XLSX,
    );
    expect(commit.statusCode).toBe(400);
    expect(await counts()).toBe(before);
  });

  it("lets another Dinas's admin neither read nor change Metro's data set", async () => {
    const depok = await TestClient.loggedIn(t.app, "admin.depok");
    expect((await depok.get(`/api/metadata/data-sets/${ids.set}`)).statusCode).toBe(403);
    const list = (await depok.get("/api/metadata/data-sets")).json();
    expect(list.some((s: { code: string }) => s.code === "LB-GIZI")).toBe(false);
    const assign = await depok.post("/api/metadata/data-sets", {
      ...input({ code: "DEPOK-X" }),
      orgUnitIds: [yosomulyo],
    });
    expect(assign.statusCode).toBe(403);
    const catalog = (await depok.get("/api/metadata/data-elements")).json();
    expect(catalog.find((e: { code: string }) => e.code === "GZ_DIPERIKSA")).toMatchObject({
      editable: false,
    });
    const rename = await depok.request("PUT", `/api/metadata/data-elements/${ids.GZ_DIPERIKSA}`, {
      code: "GZ_DIPERIKSA",
      name: "Diubah Depok",
      valueType: "integer",
      revision: 1,
    });
    expect(rename.statusCode).toBe(403);
  });
});
