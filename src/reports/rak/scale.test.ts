import { describe, expect, it } from "vitest";
import { rakMetro2024 } from "../../demo/rak-metro-2024.js";
import type { RakDocument } from "../../plans/rak-document.js";
import { rakPdf, rakXlsx } from "./index.js";

/** The Metro RAK with its sasaran copied 20 times: 860 indicator rows, some 60 pages. */
const large: RakDocument = {
  ...rakMetro2024,
  sasaran: Array.from({ length: 20 }, (_, i) =>
    rakMetro2024.sasaran.map((s) => ({ ...s, name: `${s.name} (${i + 1})` })),
  ).flat(),
};

describe("a RAK twenty times the seed", () => {
  it("renders as xlsx", async () => {
    const xlsx = await rakXlsx(large);
    expect(xlsx.subarray(0, 2).toString("latin1")).toBe("PK");
  });

  it("renders as pdf on F4", async () => {
    const pdf = await rakPdf(large, { paper: "F4" });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.toString("latin1").match(/\/Type \/Page\b/g)?.length).toBeGreaterThan(20);
  });
});
