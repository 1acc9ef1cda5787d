import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TDocumentDefinitions } from "pdfmake/interfaces.js";
import { describe, expect, it } from "vitest";
import { rakMetro2024 } from "../../demo/rak-metro-2024.js";
import { rakPdf, rakPdfDefinition } from "./pdf.js";
import { columnWidths, contentWidth, tableOverhead } from "./pdf-geometry.js";

/** Every string in a pdfmake definition, in order: the text the pdf will print. */
function textsOf(node: unknown): string[] {
  if (typeof node === "string") return [node];
  if (Array.isArray(node)) return node.flatMap(textsOf);
  if (node !== null && typeof node === "object") {
    const { text, stack, columns, table, content } = node as Record<string, unknown>;
    const body = (table as { body?: unknown } | undefined)?.body;
    return [text, stack, columns, body, content].flatMap((part) => (part === undefined ? [] : textsOf(part)));
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

describe("rakPdfDefinition", () => {
  const definition: TDocumentDefinitions = rakPdfDefinition(rakMetro2024);
  const texts = textsOf(definition.content);
  const allIndicators = rakMetro2024.sasaran.flatMap((s) => [
    ...s.indicators,
    ...s.programs.flatMap((p) => [...p.indicators, ...p.kegiatan.flatMap((k) => k.indicators)]),
  ]);

  it("prints the title, every indicator, Indonesian numbers and the signatory", () => {
    expect(texts.slice(0, 3)).toEqual(["RENCANA AKSI KINERJA", "DINAS KESEHATAN KOTA METRO", "TAHUN 2024"]);
    expect(allIndicators).toHaveLength(43);
    for (const indicator of allIndicators) expect(texts).toContain(indicator.name);
    for (const value of ["72,18", "0,013", "0,003", "11 dan 2", "-", "Rp 343.221.061.270", "Rp 62.100.000"]) {
      expect(texts).toContain(value);
    }
    expect(texts.slice(-3)).toEqual([
      "KEPALA DINAS KESEHATAN KOTA METRO",
      "Dr. EKO HENDRO SAPUTRA, ST.M.Kes",
      "NIP. 19720310 199703 1 006",
    ]);
  });

  it("repeats the two header rows on every page and keeps rows whole", () => {
    const [, table] = definition.content as [unknown, { table: Record<string, unknown> }];
    expect(table.table).toMatchObject({ headerRows: 2, dontBreakRows: true });
    expect((table.table.body as unknown[]).length).toBe(2 + 43);
  });

  it("fills the width between the margins exactly, on A4 and F4", () => {
    for (const paper of ["A4", "F4"] as const) {
      const widths = columnWidths(paper);
      expect(widths).toHaveLength(11);
      expect(widths.every((w) => w > 25)).toBe(true);
      const total = widths.reduce((a, b) => a + b, 0) + tableOverhead();
      expect(total).toBeCloseTo(contentWidth(paper), 6);
    }
  });
});

describe("rakPdf", () => {
  it("renders a landscape A4 pdf", async () => {
    const pdf = await rakPdf(rakMetro2024);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(mediaBox(pdf)).toBe("0 0 841.89 595.28");
  });

  it("renders a landscape F4 pdf (330 × 215 mm)", async () => {
    const pdf = await rakPdf(rakMetro2024, { paper: "F4" });
    const [, , width, height] = (mediaBox(pdf) ?? "").split(" ").map(Number);
    expect(width).toBeCloseTo(935.43, 1);
    expect(height).toBeCloseTo(609.45, 1);
  });

  it.skipIf(!hasPdftotext())(
    "has the title, numbers and signatory in its text (needs pdftotext)",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "rak-pdf-"));
      try {
        const file = join(dir, "rak.pdf");
        writeFileSync(file, await rakPdf(rakMetro2024));
        const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
        for (const value of [
          "RENCANA AKSI KINERJA",
          "TAHUN 2024",
          "72,18",
          "11 dan 2",
          "Rp 343.221.061.270",
        ]) {
          expect(text).toContain(value);
        }
        expect(text).toContain("NIP. 19720310 199703 1 006");
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
