import { describe, expect, it } from "vitest";
import { rakMetro2024 } from "../../demo/rak-metro-2024.js";
import type { RakDocument, RakIndicatorRow } from "../../plans/rak-document.js";
import { buildRakTable } from "./table-rows.js";

const metro = buildRakTable(rakMetro2024);
const spansOf = (column: string) => metro.spans.filter((s) => s.column === column);

describe("buildRakTable on the Metro 2024 RAK", () => {
  it("has one row per indicator, in document order", () => {
    expect(metro.rows).toHaveLength(43);
    expect(metro.rows[0]?.indicator).toBe("Angka Harapan Hidup");
    expect(metro.rows[6]?.indicator).toBe("Cakupan pelayanan administrasi perangkat daerah");
    expect(metro.rows[42]?.indicator).toBe("Persentase terpenuhinya pengembangan dan pelaksanaan UKBM");
  });

  it("formats targets the Indonesian way and keeps '-' and compound targets", () => {
    expect(metro.rows[0]).toMatchObject({ target: "72,18", quarters: ["-", "-", "-", "72,18"] });
    const blud = metro.rows.find((r) => r.unit === "puskesmas dan rsud");
    expect(blud?.target).toBe("11 dan 2");
    const hiv = metro.rows.find((r) => r.indicator === "Prevalensi HIV/AIDS");
    expect(hiv).toMatchObject({ target: "0,013", quarters: ["0,003", "0,003", "0,003", "0,003"] });
  });

  it("spans the sasaran over all its rows and each program over its own and its kegiatan's rows", () => {
    expect(spansOf("sasaran")).toEqual([expect.objectContaining({ first: 0, count: 43 })]);
    expect(spansOf("program").map((s) => [s.first, s.count, s.bold])).toEqual([
      [6, 9, true],
      [15, 17, true],
      [32, 3, true],
      [35, 4, true],
      [39, 4, true],
    ]);
    expect(spansOf("kegiatan")).toHaveLength(20);
    expect(spansOf("kegiatan").every((s) => s.count === 1 && !s.bold)).toBe(true);
  });

  it("spans each budget over the node's own rows and prints it in Rupiah", () => {
    const budgets = spansOf("budget");
    expect(budgets[0]).toMatchObject({
      first: 0,
      count: 6,
      text: "Rp 343.221.061.270",
      amount: 343221061270,
    });
    expect(budgets.find((s) => s.first === 15)).toMatchObject({ count: 13, text: "Rp 51.205.355.475" });
    const unbudgeted = budgets.filter((s) => s.amount === null);
    expect(unbudgeted).toEqual([expect.objectContaining({ text: "", count: 1 })]);
  });

  it("makes the program's own rows bold and nothing else", () => {
    expect(metro.rows.filter((r) => r.bold)).toHaveLength(1 + 13 + 1 + 1 + 1);
    expect(metro.rows[6]?.bold).toBe(true);
    expect(metro.rows[7]?.bold).toBe(false);
  });
});

describe("buildRakTable on other shapes", () => {
  const indicator: RakIndicatorRow = {
    name: "Jumlah dokumen",
    unit: "dokumen",
    target: "2",
    quarters: ["-", "1", "-", "1"],
  };
  const doc: RakDocument = {
    title: "RAK",
    orgUnitName: "Dinas Kesehatan Kota Contoh",
    year: 2025,
    signatory: { position: "Kepala Dinas", name: "Nama", nip: "1" },
    sasaran: [
      {
        name: "Sasaran",
        budget: null,
        indicators: [],
        programs: [
          {
            code: "1.02.02",
            name: "Program Tanpa Indikator",
            budget: 500,
            indicators: [],
            kegiatan: [
              {
                code: "1.02.02.2.02",
                name: "Kegiatan Induk",
                budget: null,
                indicators: [],
                subKegiatan: [
                  { code: "1.02.02.2.02.0001", name: "Sub Kegiatan", budget: 100, indicators: [indicator] },
                ],
              },
            ],
          },
        ],
      },
    ],
  };
  const table = buildRakTable(doc);

  it("prints codes before names and indents sub kegiatan in the KEGIATAN column", () => {
    const names = table.spans.filter((s) => s.column !== "budget").map((s) => [s.column, s.text, s.depth]);
    expect(names).toEqual([
      ["kegiatan", "1.02.02.2.02 Kegiatan Induk", 0],
      ["kegiatan", "1.02.02.2.02.0001 Sub Kegiatan", 1],
      ["program", "1.02.02 Program Tanpa Indikator", 0],
      ["sasaran", "Sasaran", 0],
    ]);
  });

  it("gives a node without indicators an empty row when its name or budget would be lost", () => {
    // Program (has a budget), kegiatan (its name shares the column with the sub kegiatan), sub kegiatan.
    expect(table.rows.map((r) => r.indicator)).toEqual(["", "", "Jumlah dokumen"]);
    expect(table.spans.filter((s) => s.column === "budget").map((s) => [s.first, s.text])).toEqual([
      [0, "Rp 500"],
      [1, ""],
      [2, "Rp 100"],
    ]);
    expect(table.spans.find((s) => s.column === "sasaran")).toMatchObject({ first: 0, count: 3 });
  });
});
