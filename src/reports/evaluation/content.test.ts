import { describe, expect, it } from "vitest";
import type { Evaluation, EvaluationIndicatorRow } from "../../evaluation/types.js";
import {
  anggaranTable,
  columnCount,
  formulaNotes,
  kinerjaHeader,
  kinerjaTable,
  titleLines,
} from "./content.js";
import { evaluationMetroTw1 as e } from "./fixtures.js";

const rowOf = (name: string) => {
  const i = e.indicators.findIndex((r) => r.indicator === name);
  const row = kinerjaTable(e).rows[i];
  if (row === undefined) throw new Error(`no row ${name}`);
  return row.cells.map((c) => c.text);
};

describe("evaluation content", () => {
  it("titles the report with the org unit in capitals, the period and the version", () => {
    expect(titleLines(e)).toEqual({
      title: ["EVALUASI RENCANA AKSI KINERJA", "DINAS KESEHATAN KOTA METRO", "TRIWULAN I TAHUN 2024"],
      version: "versi 2",
    });
  });

  it("has 22 columns, NO and name included", () => {
    const header = kinerjaHeader(e);
    expect(columnCount(header)).toBe(22);
    expect(header.map((g) => g.text)).toContain("CAPAIAN S.D. TW I (%)");
    const table = kinerjaTable(e);
    expect(table.rows).toHaveLength(43);
    expect(table.rows.every((r) => r.cells.length === 20)).toBe(true);
  });

  it("numbers nodes hierarchically and merges a node's consecutive rows", () => {
    const spans = kinerjaTable(e).spans;
    expect(spans[0]).toMatchObject({ first: 0, count: 6, number: "1", level: "sasaran" });
    expect(spans[1]).toMatchObject({ first: 6, count: 1, number: "1.1", level: "program" });
    expect(spans.find((s) => s.number === "1.2")).toMatchObject({ first: 15, count: 13 });
    expect(spans.at(-1)).toMatchObject({ number: "1.5.3", first: 42, count: 1, level: "kegiatan" });
  });

  it("numbers a kegiatan under its program even when the program has no indicator of its own", () => {
    const ownless = e.indicators.filter((r) => r.level !== "program" || r.nodeId !== "s1.p1");
    expect(
      kinerjaTable({ ...e, indicators: ownless })
        .spans.slice(1, 3)
        .map((s) => s.number),
    ).toEqual(["1.1.1", "1.1.2"]);
  });

  it("formats values the Indonesian way; quarters not yet due are '-', due and unreported 'belum ada'", () => {
    const stunting = rowOf("Prevalensi stunting pada anak balita");
    expect(stunting.slice(0, 13)).toEqual([
      "Prevalensi stunting pada anak balita",
      "% ↓",
      "8,5",
      "2,13",
      "2,13",
      "2,13",
      "2,13",
      "2,4",
      "-",
      "-",
      "-",
      "2,13",
      "2,4",
    ]);
    expect(stunting.slice(13, 17)).toEqual(["87,32", "tinggi", "87,06", "tidak sesuai jalur"]);
    expect(rowOf("Persentase terpenuhinya administrasi keuangan perangkat daerah")[13]).toBe("96,50");
    expect(rowOf("Jumlah BLUD yang menyediakan pelayanan dan penunjang pelayanan")[2]).toBe("11 dan 2");
    expect(rowOf("Persentase ibu hamil KEK")[7]).toBe("belum ada");
  });

  it("gives the reason instead of a capaian, in small type, never 0", () => {
    const table = kinerjaTable(e);
    const i = e.indicators.findIndex((r) => r.indicator === "Jumlah kasus kematian ibu");
    expect(table.rows[i]?.cells[13]).toEqual({
      text: "tidak dapat dihitung: tidak ada target",
      align: "center",
      note: true,
    });
    expect(rowOf("Angka Harapan Hidup")[13]).toBe(
      "tidak dapat dihitung: indikator tahunan, diukur pada TW IV",
    );
  });

  it("does not repeat 'tidak dapat dihitung' when the reason already says it", () => {
    const first = e.indicators[0] as EvaluationIndicatorRow;
    const capaianToDate = {
      value: null,
      category: null,
      reason: "Tidak dapat dihitung: target bernilai 0",
      reasonEn: "Not computable: the target is 0",
    };
    const one: Evaluation = { ...e, indicators: [{ ...first, capaianToDate }] };
    expect(kinerjaTable(one).rows[0]?.cells[13]?.text).toBe("Tidak dapat dihitung: target bernilai 0");
  });

  it("keeps the numbers behind the texts for the spreadsheet", () => {
    const [row] = kinerjaTable(e).rows.slice(8, 9);
    expect(row?.cells[13]).toMatchObject({ text: "96,50", value: 96.5, format: "percent" });
    expect(row?.cells[7]).toMatchObject({ text: "24,125", value: 24.125, format: "general" });
  });

  it("states the formulas in use, the lower-is-better one with its mark", () => {
    expect(formulaNotes(e).slice(0, 2)).toEqual([
      "Capaian = Realisasi / Target × 100%",
      "Untuk indikator ↓ (makin rendah makin baik): capaian = (2 × Target − Realisasi) / Target × 100% (minimal 0)",
    ]);
  });

  it("lists budgets with programs numbered and Rupiah formatted", () => {
    const rows = anggaranTable(e);
    expect(rows).toHaveLength(5 + 20);
    expect(rows.filter((r) => r.level === "program").map((r) => r.number)).toEqual(["1", "2", "3", "4", "5"]);
    expect(rows[1]).toMatchObject({ number: "1.1", level: "kegiatan" });
    expect(rows[1]?.cells.map((c) => c.text)).toEqual([
      "Rp 171.605.400",
      "Rp 31.438.109",
      "-",
      "-",
      "-",
      "Rp 31.438.109",
      "18,32",
    ]);
    const noPagu = rows.find((r) => r.name.startsWith("Pengembangan Mutu"));
    expect(noPagu?.cells.map((c) => c.text)).toEqual(["-", "belum ada", "-", "-", "-", "-", "-"]);
  });
});
