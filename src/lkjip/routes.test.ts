import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, lkjipTexts } from "../db/schema/index.js";
import type { PlanSummary } from "../plans/schemas.js";
import { openTestApp, type TestApp } from "../test-support/app.js";
import { TestClient } from "../test-support/client.js";
import { testDatabases } from "../test-support/databases.js";
import type { Lkjip } from "./schemas.js";

describe.each(testDatabases())("writing the LKjIP on $name", (target) => {
  let t: TestApp;
  let admin: TestClient;
  let renstraId: string;
  let lkjip: Lkjip;
  const put = (body: unknown) => admin.request("PUT", `/api/renstra/${renstraId}/lkjip/texts`, body);
  const read = async (year = 2025) =>
    (await admin.get(`/api/renstra/${renstraId}/lkjip?year=${year}`)).json() as Lkjip;
  const textCount = async () => (await t.database.db.select().from(lkjipTexts)).length;

  beforeAll(async () => {
    t = await openTestApp(target, 10_000, { demo: { monitoring: true } });
    admin = await TestClient.loggedIn(t.app, "admin.metro");
    const [renstra] = (await admin.get("/api/plans?kind=renstra")).json() as PlanSummary[];
    renstraId = renstra?.id as string;
    lkjip = await read();
  }, 180_000);
  afterAll(() => t.close());

  it("keeps a chapter, a cause and a national figure with its source, each change audited with its reason", async () => {
    const sasaran = lkjip.sasaran[1];
    const fktp = sasaran?.indicators[0];
    const res = await put({
      year: 2025,
      reason: "draf pertama",
      texts: [
        { section: "ikhtisar", subject: null, body: "Ikhtisar 2025.\n\nParagraf kedua.", revision: null },
        {
          section: "penyebab",
          subject: sasaran?.nodeId,
          body: "Akreditasi ulang tiga puskesmas.",
          revision: null,
        },
        {
          section: "nasional",
          subject: fktp?.planIndicatorId,
          body: "85,5",
          source: "Kemenkes 2024 (contoh)",
          revision: null,
        },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().saved).toBe(3);
    const after = await read();
    expect(after.chapters.ikhtisar).toBe("Ikhtisar 2025.\n\nParagraf kedua.");
    expect(after.sasaran[1]?.penyebab).toBe("Akreditasi ulang tiga puskesmas.");
    // 90,9 − 85,5 = 5,4 above the national figure
    expect(after.sasaran[1]?.indicators[0]).toMatchObject({
      national: "85.5",
      nationalDifference: "5.4",
      nationalStanding: "better",
    });
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "lkjip.text_set"), eq(auditLog.reason, "draf pertama")));
    expect(audits).toHaveLength(3);
    // Other years keep their own texts.
    expect((await read(2026)).chapters.ikhtisar).toBeNull();
  });

  it("refuses a stale revision, saving nothing of the request", async () => {
    const before = await textCount();
    const res = await put({
      year: 2025,
      texts: [
        { section: "penutup", subject: null, body: "Penutup.", revision: null },
        { section: "ikhtisar", subject: null, body: "Ditimpa?", revision: null },
      ],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("EDIT_CONFLICT");
    expect(await textCount()).toBe(before);
  });

  it("refuses bad input in both languages with a 4xx and writes nothing", async () => {
    const before = await textCount();
    const iku = lkjip.sasaran[0]?.indicators[0]?.planIndicatorId;
    const refusals = [
      [
        { year: 2031, texts: [{ section: "penutup", subject: null, body: "x", revision: null }] },
        "YEAR_OUTSIDE_RENSTRA",
      ],
      [
        {
          year: 2025,
          texts: [{ section: "nasional", subject: iku, body: "sembilan", source: "x", revision: null }],
        },
        "LKJIP_NATIONAL_INVALID",
      ],
      [
        { year: 2025, texts: [{ section: "nasional", subject: iku, body: "9", revision: null }] },
        "LKJIP_NATIONAL_SOURCE_MISSING",
      ],
      [
        { year: 2025, texts: [{ section: "penyebab", subject: iku, body: "x", revision: null }] },
        "LKJIP_SUBJECT_INVALID",
      ],
      [
        { year: 2025, texts: [{ section: "penutup", subject: iku, body: "x", revision: null }] },
        "LKJIP_SUBJECT_INVALID",
      ],
    ] as const;
    for (const [body, code] of refusals) {
      const res = await put(body);
      expect(res.statusCode, code).toBe(400);
      expect(res.json().error).toMatchObject({
        code,
        message: expect.any(String),
        messageEn: expect.any(String),
      });
    }
    expect(await textCount()).toBe(before);
  });

  it("lets the Kepala Dinas read and download it, and not write it", async () => {
    const kadis = await TestClient.loggedIn(t.app, "kadis.metro");
    expect((await kadis.get(`/api/renstra/${renstraId}/lkjip?year=2025`)).statusCode).toBe(200);
    const res = await kadis.request("PUT", `/api/renstra/${renstraId}/lkjip/texts`, {
      year: 2025,
      texts: [{ section: "penutup", subject: null, body: "x", revision: null }],
    });
    expect(res.statusCode).toBe(403);
    const pdf = await kadis.get(`/api/renstra/${renstraId}/lkjip.pdf?year=2025&paper=F4`);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const docx = await kadis.get(`/api/renstra/${renstraId}/lkjip.docx?year=2025`);
    expect(docx.headers["content-disposition"]).toContain("lkjip-dinas-kesehatan-kota-metro-2025.docx");
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });
});
