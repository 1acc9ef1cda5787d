import { describe, expect, it } from "vitest";
import { spmDepok2019 as report } from "./fixtures.js";
import { spmReportPdf, spmReportPdfDefinition } from "./pdf.js";

/** Every string in a pdfmake definition, in order: the text the pdf will print. */
function textsOf(node: unknown): string[] {
  if (typeof node === "string") return [node];
  if (Array.isArray(node)) return node.flatMap(textsOf);
  if (node !== null && typeof node === "object") {
    const { text, stack, columns, table } = node as Record<string, unknown>;
    const body = (table as { body?: unknown } | undefined)?.body;
    return [text, stack, columns, body].flatMap((part) => (part === undefined ? [] : textsOf(part)));
  }
  return [];
}

describe("spmReportPdfDefinition", () => {
  const definition = spmReportPdfDefinition(report);
  const texts = textsOf(definition.content);

  it("holds the title, summary, figures, notes and signatory", () => {
    for (const text of [
      "LAPORAN PENERAPAN DAN PENCAPAIAN STANDAR PELAYANAN MINIMAL BIDANG KESEHATAN",
      "KOTA DEPOK TAHUN 2019",
      "Peraturan Wali Kota Depok Nomor 57 Tahun 2017",
      "Mencapai target: 2 jenis pelayanan",
      "Belum ada data: 1 jenis pelayanan",
      "36.500",
      "38.000",
      "96,05",
      "3,95",
      "-1,73",
      "86,11",
      "B (Baik), 240 responden",
      "Data dari 38 dari 38 laporan",
      "1.500.000 × 25,8% (Riskesdas 2013, 2013) = 387.000",
      "belum ada laporan",
      "Depok, 31 Januari 2020",
      "dr. Novarita, MM",
    ]) {
      expect(texts).toContain(text);
    }
  });

  it("is landscape and repeats the header row across pages", () => {
    expect(definition.pageOrientation).toBe("landscape");
    const table = (definition.content as { table?: { headerRows: number; body: unknown[] } }[]).find(
      (c) => c.table,
    );
    expect(table?.table?.headerRows).toBe(1);
    expect(table?.table?.body).toHaveLength(13);
  });
});

describe("spmReportPdf", () => {
  it("renders a landscape A4 pdf", async () => {
    const pdf = await spmReportPdf(report);
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
    const box = pdf
      .toString("latin1")
      .match(/\/MediaBox \[([^\]]+)\]/)?.[1]
      ?.trim()
      .split(/\s+/)
      .map(Number);
    expect(box).toEqual([0, 0, 841.89, 595.28]);
  });

  it("renders the appendix page whether or not there were surveys", async () => {
    const pages = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type \/Page\b/g)?.length ?? 0;
    const without = await spmReportPdf({ ...report, surveys: [] });
    expect(pages(without)).toBeGreaterThanOrEqual(2);
    expect(pages(await spmReportPdf(report))).toBe(pages(without));
  });
});

describe("spmReportPdfDefinition: the appendix of IKM per facility", () => {
  const content = (r: typeof report) =>
    spmReportPdfDefinition(r).content as unknown as Record<string, unknown>[];
  const appendix = (r: typeof report) => {
    const all = content(r);
    const start = all.findIndex((c) =>
      textsOf(c).includes("LAMPIRAN: INDEKS KEPUASAN MASYARAKAT PER FASILITAS"),
    );
    return { start, all, texts: textsOf(all.slice(start)) };
  };

  it("starts on a new page after the signatory", () => {
    const { start, all } = appendix(report);
    expect(textsOf(all.slice(0, start))).toContain("dr. Novarita, MM");
    expect(all[start]?.pageBreak).toBe("before");
    expect(textsOf(all[start])).toEqual([
      "LAMPIRAN: INDEKS KEPUASAN MASYARAKAT PER FASILITAS",
      "KOTA DEPOK TAHUN 2019",
    ]);
  });

  it("lists each facility's IKM, Indonesian style, with its service and band label", () => {
    const { texts } = appendix(report);
    expect(texts).toEqual(
      expect.arrayContaining(["NO", "FASILITAS", "JENIS PELAYANAN", "PERIODE", "JUMLAH RESPONDEN", "IKM"]),
    );
    const rows = (appendix(report).all.at(-1) as { table: { body: unknown[][] } }).table.body.slice(1);
    expect(rows.map((row) => textsOf(row))).toEqual([
      ["1", "Puskesmas Beji", "1. Pelayanan Kesehatan Ibu Hamil", "2019", "120", "88,54", "A (Sangat Baik)"],
      ["2", "Puskesmas Sukmajaya", "1. Pelayanan Kesehatan Ibu Hamil", "2019", "120", "83,68", "B (Baik)"],
    ]);
  });

  it('says "belum ada survei" when no facility held a survey', () => {
    const { texts } = appendix({ ...report, surveys: [] });
    expect(texts).toContain("belum ada survei");
    expect(texts).not.toContain("Puskesmas Beji");
  });
});
