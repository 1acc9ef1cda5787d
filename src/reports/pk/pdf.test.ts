import type { TDocumentDefinitions } from "pdfmake/interfaces.js";
import { describe, expect, it } from "vitest";
import { rakMetro2024 } from "../../demo/rak-metro-2024.js";
import { formatTarget } from "../../domain/index.js";
import { pkPdf, pkPdfDefinition } from "./pdf.js";

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

/** The table bodies of the definition, in order. */
function tablesOf(definition: TDocumentDefinitions): { headerRows?: number; body: unknown[][] }[] {
  const content = definition.content as { table?: { headerRows?: number; body: unknown[][] } }[];
  return content.flatMap((node) => (node.table === undefined ? [] : [node.table]));
}

const mediaBox = (pdf: Buffer) =>
  (pdf.toString("latin1").match(/\/MediaBox \[([^\]]+)\]/)?.[1] ?? "").trim().split(/\s+/).map(Number);

describe("pkPdfDefinition", () => {
  const signatory = { ...rakMetro2024.signatory, place: "Metro", date: "2024-01-02" };
  const definition = pkPdfDefinition({ ...rakMetro2024, signatory });
  const texts = textsOf(definition.content);

  it("prints the title, both parties, the commitment and both signatures twice", () => {
    expect(texts.slice(0, 2)).toEqual(["PERJANJIAN KINERJA TAHUN 2024", "DINAS KESEHATAN KOTA METRO"]);
    for (const value of [
      "Dr. EKO HENDRO SAPUTRA, ST.M.Kes",
      "Kepala Dinas Kesehatan Kota Metro",
      "Wali Kota Metro",
      "selanjutnya disebut pihak pertama",
      "selaku atasan pihak pertama, selanjutnya disebut pihak kedua",
    ]) {
      expect(texts).toContain(value);
    }
    expect(texts.some((t) => t.startsWith("Pihak pertama berjanji akan mewujudkan target kinerja"))).toBe(
      true,
    );
    expect(texts.filter((t) => t === "Metro, 2 Januari 2024")).toHaveLength(2);
    expect(texts.filter((t) => t === "PIHAK KEDUA,")).toHaveLength(2);
    expect(texts.filter((t) => t === "NIP. 19720310 199703 1 006")).toHaveLength(2);
    expect(texts.at(-1)).toBe("NIP. 19720310 199703 1 006");
  });

  it("puts every indicator with its annual target in the lampiran, header repeated", () => {
    const [targets, budgets] = tablesOf(definition);
    expect(targets?.headerRows).toBe(1);
    expect(targets?.body).toHaveLength(1 + 43);
    const rowTexts = (targets?.body ?? []).map((row) => textsOf(row));
    const indicators = rakMetro2024.sasaran.flatMap((s) => [
      ...s.indicators,
      ...s.programs.flatMap((p) => [...p.indicators, ...p.kegiatan.flatMap((k) => k.indicators)]),
    ]);
    for (const indicator of indicators) {
      const row = rowTexts.find((r) => r.includes(indicator.name));
      expect(row?.slice(-2), indicator.name).toEqual([indicator.unit, formatTarget(indicator.target)]);
    }
    expect(texts).toContain("72,18");
    expect(texts).toContain("11 dan 2");
    expect(budgets?.headerRows).toBe(1);
    expect(textsOf(budgets?.body.at(-1))).toEqual(["JUMLAH", "", "Rp 342.067.018.088", ""]);
    expect(texts).toContain("Rp 288.199.777.013");
  });

  it("starts the lampiran on a new page", () => {
    expect((definition.content as unknown[])[3]).toMatchObject({ text: "LAMPIRAN", pageBreak: "before" });
  });
});

describe("pkPdf", () => {
  it("renders portrait A4", async () => {
    const pdf = await pkPdf(rakMetro2024);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(mediaBox(pdf)).toEqual([0, 0, 595.28, 841.89]);
  });

  it("renders portrait F4 (215 × 330 mm)", async () => {
    const [, , width, height] = mediaBox(await pkPdf(rakMetro2024, { paper: "F4" }));
    expect(width).toBeCloseTo(609.45, 1);
    expect(height).toBeCloseTo(935.43, 1);
  });
});
