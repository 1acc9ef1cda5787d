import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

describe.each(testDatabases())("uploading monthly values from Excel on $name", (target) => {
  let t: TestApp;
  let operator: TestClient;
  let dataSetId: string;
  let orgUnitId: string;

  /** The downloaded template with the operator's row filled for the period. */
  const filled = async (period: string, values: Record<string, string | number>, extraCode?: string) => {
    const res = await operator.get(
      `/api/data-entry/import/template.xlsx?dataSetId=${dataSetId}&period=${period}`,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Isian") as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    if (extraCode) sheet.getRow(1).getCell(header.length + 1).value = extraCode;
    const row = sheet.getRow(2);
    for (const [code, value] of Object.entries(values)) row.getCell(header.indexOf(code) + 1).value = value;
    return Buffer.from(await book.xlsx.writeBuffer());
  };
  const upload = (path: string, file: Buffer) =>
    operator.request(
      "POST",
      `/api/data-entry/import${path}?dataSetId=${dataSetId}&fileName=isian.xlsx`,
      file,
      {
        "content-type": XLSX,
      },
    );

  beforeAll(async () => {
    t = await openTestApp(target);
    operator = await TestClient.loggedIn(t.app, "operator.yosomulyo");
    const set = (await operator.get("/api/data-sets")).json()[0];
    dataSetId = set.id;
    orgUnitId = set.orgUnits[0].id;
  });
  afterAll(() => t.close());

  it("offers a template with only the operator's own facility", async () => {
    const res = await operator.get(
      `/api/data-entry/import/template.xlsx?dataSetId=${dataSetId}&period=202401`,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Isian");
    expect(sheet?.rowCount).toBe(2);
    expect(sheet?.getRow(2).getCell(2).value).toBe("Puskesmas Yosomulyo");
  });

  it("previews the changes per row, then saves them all", async () => {
    const file = await filled("202401", { BUMIL_SASARAN: 52, BUMIL_K4: "40", KEMATIAN_BAYI: 1 });
    const preview = (await upload("/preview", file)).json();
    expect(preview.rows).toEqual([
      expect.objectContaining({
        orgUnitName: "Puskesmas Yosomulyo",
        period: "202401",
        errors: [],
        changes: [
          { code: "BUMIL_SASARAN", old: null, new: "52" },
          { code: "BUMIL_K4", old: null, new: "40" },
          { code: "KEMATIAN_BAYI", old: null, new: "1" },
        ],
      }),
    ]);
    const saved = await upload("", file);
    expect(saved.json()).toEqual({ forms: 1, values: 3 });
    const form = (
      await operator.get(`/api/data-entry/form?dataSetId=${dataSetId}&orgUnitId=${orgUnitId}&period=202401`)
    ).json();
    expect(form.values).toHaveLength(3);
  });

  it("refuses the whole file when a row has an unreadable value, saving nothing", async () => {
    const file = await filled("202402", { BUMIL_SASARAN: "lima puluh", BUMIL_K4: 40 });
    const res = await upload("", file);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.rows[0].errors[0]).toContain("lima puluh");
    const form = (
      await operator.get(`/api/data-entry/form?dataSetId=${dataSetId}&orgUnitId=${orgUnitId}&period=202402`)
    ).json();
    expect(form.values).toHaveLength(0);
  });

  it("refuses an unknown data code in the header with a clear message", async () => {
    const file = await filled("202402", { BUMIL_K4: 40 }, "KODE_ASING");
    const res = await upload("/preview", file);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain("KODE_ASING");
  });

  it("refuses another puskesmas's operator, naming no unit and saving nothing", async () => {
    const file = await filled("202403", { BUMIL_K4: 7 });
    const stranger = await TestClient.loggedIn(t.app, "operator.beji");
    const res = await stranger.request(
      "POST",
      `/api/data-entry/import?dataSetId=${dataSetId}&fileName=x.xlsx`,
      file,
      {
        "content-type": XLSX,
      },
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.rows[0].errors).toEqual(["Anda tidak berwenang mengisi data unit ini."]);
    expect(JSON.stringify(res.json())).not.toContain("Yosomulyo");
  });

  it("lists a locked report as a row error", async () => {
    await operator.post("/api/data-entry/transition", {
      dataSetId,
      orgUnitId,
      period: "202401",
      action: "submit",
    });
    const preview = (await upload("/preview", await filled("202401", { BUMIL_K4: 41 }))).json();
    expect(preview.rows[0].errors[0]).toContain("terkunci");
  });
});
