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
      "Capaian 100% atau lebih: 2 jenis pelayanan",
      "Belum ada data: 1 jenis pelayanan",
      "36.500",
      "38.000",
      "96,05",
      "3,95",
      "-1,73",
      "86,11",
      "B (Baik), 240 responden",
      "Data dari 38 dari 38 laporan",
      "1500000 × 25,8% (Riskesdas 2013, 2013) = 387000",
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
});
