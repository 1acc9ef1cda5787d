import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, orgUnits, spmServices, spmVersions } from "../db/schema/index.js";
import { computeIkm, SKM_ELEMENTS } from "../domain/index.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import type { ImportResult, SurveyDetail } from "./schemas.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** 24 questionnaires with every score 1–4 somewhere, so the IKM is not a round number. */
const scores = Array.from({ length: 24 }, (_, q) =>
  SKM_ELEMENTS.map((_, e) => 1 + ((q * 7 + e * 3 + (q % 5)) % 4)),
);

async function filledTemplate(template: Buffer, rows: Array<Array<string | number | Date | null>>) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(template as never);
  const sheet = book.getWorksheet("Kuesioner") as ExcelJS.Worksheet;
  sheet.getCell("B3").value = "Puskesmas Beji";
  rows.forEach((values, i) => {
    values.forEach((value, c) => {
      sheet.getRow(10 + i).getCell(c + 1).value = value;
    });
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe.each(testDatabases())("SKM questionnaire upload on $name", (target) => {
  let t: TestApp;
  let operator: TestClient;
  let survey: SurveyDetail;
  let template: Buffer;
  const upload = (file: Buffer, query: string, type = XLSX) =>
    operator.request("POST", `/api/skm/surveys/${survey.id}/import?${query}`, file, { "content-type": type });

  beforeAll(async () => {
    t = await openTestApp(target);
    operator = await TestClient.loggedIn(t.app, "operator.beji");
    const db = t.database.db;
    const [beji] = await db.select().from(orgUnits).where(eq(orgUnits.code, "32.76.01.P1"));
    // Depok's 2019 survey is of a service of the catalogue it adopted for 2019 (Perwal 57/2017).
    const [service] = await db
      .select({ id: spmServices.id })
      .from(spmServices)
      .innerJoin(spmVersions, eq(spmVersions.id, spmServices.versionId))
      .where(and(eq(spmServices.number, 6), eq(spmVersions.code, "PERWAL-DEPOK-57-2017")));
    survey = (
      await operator.post("/api/skm/surveys", {
        orgUnitId: beji?.id,
        serviceId: service?.id,
        period: "2019S2",
      })
    ).json();
    const res = await operator.get("/api/skm/template.xlsx");
    expect(res.headers["content-type"]).toBe(XLSX);
    template = res.rawPayload;
  });
  afterAll(() => t.close());

  it("offers a template that names the nine elements under U1–U9, numbered and ready to print", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template as never);
    const sheet = book.getWorksheet("Kuesioner") as ExcelJS.Worksheet;
    expect(sheet.getCell("A8").value).toBe("No. responden");
    expect(sheet.getCell("G8").value).toBe("U1");
    expect(sheet.getCell("O8").value).toBe("U9");
    expect(SKM_ELEMENTS.map((_, e) => sheet.getRow(9).getCell(7 + e).value)).toEqual([...SKM_ELEMENTS]);
    expect(sheet.getCell("A10").value).toBe(1);
    expect(sheet.getCell("G10").dataValidation).toMatchObject({ type: "whole", formulae: [1, 4] });
    expect(sheet.pageSetup.orientation).toBe("landscape");
    expect(book.getWorksheet("Petunjuk")).toBeDefined();
  });

  it("reads the filled template back to the same IKM: preview first, then one saved, audited commit", async () => {
    const file = await filledTemplate(
      template,
      scores.map((s, i) => [
        i + 1,
        new Date(Date.UTC(2019, 7, 1 + i)),
        i % 2 ? "L" : "P",
        30 + i,
        "SMA",
        "Wiraswasta",
        ...s,
      ]),
    );
    const preview = await upload(file, "dryRun=true&fileName=kuesioner.xlsx");
    expect(preview.statusCode, preview.body).toBe(200);
    const expected = computeIkm(scores);
    expect(preview.json()).toMatchObject({
      dryRun: true,
      rowsRead: 24,
      problems: [],
      replaces: 0,
      result: { ikm: expected.ikm, band: expected.band, respondents: 24 },
    });
    expect((await operator.get(`/api/skm/surveys/${survey.id}`)).json().responses).toEqual([]);

    const commit = await upload(file, `dryRun=false&fileName=kuesioner.xlsx&revision=${survey.revision}`);
    expect(commit.statusCode, commit.body).toBe(200);
    expect(commit.json().revision).toBe(survey.revision + 1);
    const saved = (await operator.get(`/api/skm/surveys/${survey.id}`)).json() as SurveyDetail;
    expect(saved.result?.ikm).toBe(expected.ikm);
    expect(saved.responses[2]).toMatchObject({
      respondentNo: 3,
      respondedOn: "2019-08-03",
      gender: "P",
      age: 32,
    });
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "skm.responses_import"), eq(auditLog.entityId, survey.id)));
    expect(audit?.newValue).toMatchObject({ respondents: 24, ikm: expected.ikm, fileName: "kuesioner.xlsx" });
    survey = saved;
  });

  it("lists every bad row with its spreadsheet row number, and a commit of it writes nothing", async () => {
    const file = await filledTemplate(template, [
      [1, null, null, null, null, null, 4, 4, 4, 4, 4, 4, 4, 4, 4],
      [2, "31/02/2019", "X", null, null, null, 4, 4, 4, 4, 4, 4, 4, 4, 4],
      [3, null, null, null, null, null, 4, 4, 4, 7, 4, 4, 4, null, 4],
      [1, null, null, null, null, null, 3, 3, 3, 3, 3, 3, 3, 3, 3],
    ]);
    const answer = await upload(file, "fileName=kuesioner.xlsx");
    expect(answer.statusCode, answer.body.slice(0, 300)).toBe(200);
    const preview = answer.json() as ImportResult;
    expect(preview.rowsRead).toBe(4);
    expect(preview.result).toBeNull();
    expect(preview.replaces).toBe(24);
    expect(preview.problems.map((p) => [p.row, p.message])).toEqual([
      [11, 'Tanggal "31/02/2019" tidak terbaca; tulis 31/12/2024 atau 2024-12-31.'],
      [11, 'Jenis kelamin "X": tulis L atau P.'],
      [12, "U8 belum diisi."],
      [12, "U4 harus bilangan bulat 1–4."],
      [13, "No. responden 1 sudah dipakai di baris 10."],
    ]);
    const commit = await upload(file, "dryRun=false&fileName=kuesioner.xlsx");
    expect(commit.statusCode).toBe(422);
    expect(commit.json().error.message).toMatch(/^Baris 11: .* Tidak ada yang disimpan\.$/);
    const after = (await operator.get(`/api/skm/surveys/${survey.id}`)).json() as SurveyDetail;
    expect(after.responses).toHaveLength(24);
    expect(after.revision).toBe(survey.revision);
  });

  it("takes a CSV with the same columns, and refuses a commit over someone else's newer save", async () => {
    const csv = [
      "No. responden;Jenis kelamin (L/P);U1;U2;U3;U4;U5;U6;U7;U8;U9",
      "1;P;3;3;3;3;3;3;3;3;3",
      "2;L;2;3;2;3;2;3;2;3;2",
      "",
    ].join("\n");
    const preview = (await upload(Buffer.from(csv), "fileName=skm.csv", "text/csv")).json() as ImportResult;
    expect(preview.result?.ikm).toBe(computeIkm([Array(9).fill(3), [2, 3, 2, 3, 2, 3, 2, 3, 2]]).ikm);
    const stale = await upload(Buffer.from(csv), "dryRun=false&fileName=skm.csv&revision=1", "text/csv");
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details).toEqual({ currentRevision: survey.revision });
  });

  it("refuses a file that is not a questionnaire sheet, an empty one and an old .xls", async () => {
    const other = await upload(Buffer.from("Nama;Nilai\nBudi;3\n"), "fileName=lain.csv", "text/csv");
    expect(other.statusCode).toBe(400);
    expect(other.json().error.code).toBe("SKM_FILE_LAYOUT");
    const empty = await upload(template, "fileName=kosong.xlsx");
    expect(empty.json().error.code).toBe("SKM_FILE_EMPTY");
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const old = await upload(xls, "fileName=lama.xls", "application/octet-stream");
    expect(old.json().error.code).toBe("XLS_NOT_SUPPORTED");
  });
});
