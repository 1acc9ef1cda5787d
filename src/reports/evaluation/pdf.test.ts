import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TDocumentDefinitions } from "pdfmake/interfaces.js";
import { describe, expect, it } from "vitest";
import { contentWidth, LINE_WIDTH } from "../rak/pdf-geometry.js";
import { evaluationMetroTw1 as e } from "./fixtures.js";
import { evaluationPdf, evaluationPdfDefinition, fillWidths } from "./pdf.js";

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

const mediaBox = (pdf: Buffer) =>
  pdf
    .toString("latin1")
    .match(/\/MediaBox \[([^\]]+)\]/)?.[1]
    ?.trim();

function hasPdftotext(): boolean {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

type Table = { table: { headerRows: number; dontBreakRows: boolean; widths: number[]; body: unknown[][] } };

describe("evaluationPdfDefinition", () => {
  const definition: TDocumentDefinitions = evaluationPdfDefinition(e);
  const content = definition.content as unknown[];
  const texts = textsOf(content);
  const tables = content.filter((c): c is Table => typeof c === "object" && c !== null && "table" in c);

  it("prints the title, both sections, every indicator and the signatory last", () => {
    expect(texts.slice(0, 5)).toEqual([
      "EVALUASI RENCANA AKSI KINERJA",
      "DINAS KESEHATAN KOTA METRO",
      "TRIWULAN I TAHUN 2024",
      "versi 2",
      "A. CAPAIAN KINERJA",
    ]);
    expect(texts).toContain("B. REALISASI ANGGARAN");
    for (const row of e.indicators) expect(texts).toContain(row.indicator);
    expect(texts.slice(-4)).toEqual([
      "Metro, 15 April 2024",
      "KEPALA DINAS KESEHATAN KOTA METRO",
      "Dr. EKO HENDRO SAPUTRA, ST.M.Kes",
      "NIP. 19720310 199703 1 006",
    ]);
  });

  it("holds the formatted values, the reasons, analysis and the legend", () => {
    for (const value of [
      "96,50",
      "87,32",
      "24,125",
      "11 dan 2",
      "belum ada",
      "sesuai jalur",
      "tidak sesuai jalur",
      "Rp 171.605.400",
      "Rp 288.199.777.013",
      "18,32",
      "tidak dapat dihitung: tidak ada target",
      "tidak dapat dihitung: indikator tahunan, diukur pada TW IV",
      "Kekosongan vaksin MR di tingkat provinsi selama bulan Februari",
      "Kategori capaian kinerja (Permendagri 86/2017): ",
    ]) {
      expect(texts).toContain(value);
    }
    expect(texts.join(" ")).toContain("50% < x ≤ 65% rendah");
  });

  it("draws the ↓ mark as a vector arrow, which Roboto lacks, beside the unit and in the footnote", () => {
    expect(texts.some((t) => t.includes("↓"))).toBe(false);
    const json = JSON.stringify(content);
    expect(json.match(/"canvas":/g)?.length).toBe(
      e.indicators.filter((r) => r.polarity === "lower").length + 1,
    );
    expect(texts).toContain("Untuk indikator");
    expect(texts).toContain(
      "(makin rendah makin baik): capaian = (2 × Target − Realisasi) / Target × 100% (minimal 0)",
    );
  });

  it("repeats three header rows on every page and keeps rows whole", () => {
    const [kinerja, anggaran] = tables;
    expect(kinerja?.table).toMatchObject({ headerRows: 3, dontBreakRows: true });
    expect(kinerja?.table.body).toHaveLength(3 + 43);
    expect(anggaran?.table.body).toHaveLength(3 + 25);
  });

  it("fills the width between the margins exactly, on A4 and F4", () => {
    for (const paper of ["A4", "F4"] as const) {
      const definition = evaluationPdfDefinition(e, { paper });
      for (const { table } of (definition.content as unknown[]).filter(
        (c): c is Table => "table" in (c as object),
      )) {
        const n = table.widths.length;
        const total = table.widths.reduce((a, b) => a + b, 0) + n * 4 + (n + 1) * LINE_WIDTH;
        expect(total).toBeCloseTo(contentWidth(paper), 6);
        expect(Math.min(...table.widths)).toBeGreaterThanOrEqual(16);
      }
    }
    const [name = 0, indicator = 0] = fillWidths("F4", [null, null], [0.5, 0.5]);
    expect(name).toBeCloseTo(indicator, 6);
  });
});

describe("evaluationPdf", () => {
  it("renders a landscape A4 pdf", async () => {
    const pdf = await evaluationPdf(e);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(mediaBox(pdf)).toBe("0 0 841.89 595.28");
  });

  it("renders a landscape F4 pdf (330 × 215 mm)", async () => {
    const [, , width, height] = (mediaBox(await evaluationPdf(e, { paper: "F4" })) ?? "")
      .split(" ")
      .map(Number);
    expect(width).toBeCloseTo(935.43, 1);
    expect(height).toBeCloseTo(609.45, 1);
  });

  it.skipIf(!hasPdftotext())("has the values and the signatory in its text (needs pdftotext)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "evaluation-pdf-"));
    try {
      const file = join(dir, "evaluation.pdf");
      writeFileSync(file, await evaluationPdf(e));
      const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
      for (const value of ["EVALUASI RENCANA AKSI KINERJA", "96,50", "Rp 171.605.400", "Halaman 1 dari"]) {
        expect(text).toContain(value);
      }
      expect(text).toContain("NIP. 19720310 199703 1 006");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
