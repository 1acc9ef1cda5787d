import { describe, expect, it } from "vitest";
import { rakMetro2024 } from "../../demo/rak-metro-2024.js";
import {
  DOTTED_NAME,
  defaultSecondPartyPosition,
  pkBudgetTable,
  pkStatement,
  pkTargetTable,
} from "./content.js";

describe("PK content", () => {
  it("derives the superior from the region of the org unit", () => {
    expect(defaultSecondPartyPosition("Dinas Kesehatan Kota Metro")).toBe("Wali Kota Metro");
    expect(defaultSecondPartyPosition("Dinas Kesehatan Kabupaten Lampung Tengah")).toBe(
      "Bupati Lampung Tengah",
    );
    expect(defaultSecondPartyPosition("Dinas Kesehatan Provinsi Lampung")).toBe("Gubernur Lampung");
    expect(defaultSecondPartyPosition("Dinas Kesehatan")).toBe(DOTTED_NAME);
  });

  it("leaves the superior's name to be written by hand unless given", () => {
    expect(pkStatement(rakMetro2024).second).toMatchObject({
      name: DOTTED_NAME,
      position: "Wali Kota Metro",
    });
    const given = pkStatement(rakMetro2024, { name: "Drs. H. WAHDI", position: "Wali Kota Metro" });
    expect(given.second.name).toBe("Drs. H. WAHDI");
  });

  it("lists every indicator once with its annual target, numbered under its sasaran and program", () => {
    const table = pkTargetTable(rakMetro2024);
    expect(table.rows).toHaveLength(43);
    expect(table.rows[0]).toEqual({
      indicator: "Angka Harapan Hidup",
      unit: "angka",
      target: "72,18",
      bold: false,
    });
    expect(table.rows.find((r) => r.unit === "puskesmas dan rsud")?.target).toBe("11 dan 2");
    expect(table.spans.slice(0, 3).map((s) => [s.number, s.first, s.count, s.bold])).toEqual([
      ["1", 0, 6, false],
      ["1.1", 6, 1, true],
      ["1.1.1", 7, 1, false],
    ]);
    const rowsCovered = table.spans.reduce((n, s) => n + s.count, 0);
    expect(rowsCovered).toBe(43);
  });

  it("totals the program budgets exactly, not the sasaran figure", () => {
    const budget = pkBudgetTable(rakMetro2024);
    expect(budget.rows.map((r) => r.text)).toEqual([
      "Rp 288.199.777.013",
      "Rp 51.205.355.475",
      "Rp 778.314.600",
      "Rp 107.180.000",
      "Rp 1.776.391.000",
    ]);
    expect(budget.total).toBe(342_067_018_088);
    expect(budget.totalText).toBe("Rp 342.067.018.088");
  });
});
