import { describe, expect, it } from "vitest";
import { rakMetro2024 } from "../demo/rak-metro-2024.js";
import { parseRakFile } from "../interop/rak-import/index.js";
import { rakXlsx } from "../reports/rak/index.js";

describe("exporting a RAK and importing the export", () => {
  it("gives back the same plan, number for number", async () => {
    const file = await rakXlsx(rakMetro2024);
    const imported = await parseRakFile(new Uint8Array(file), "rak-metro-2024.xlsx");
    expect(imported.document.sasaran).toEqual(rakMetro2024.sasaran);
    expect(imported.document.year).toBe(2024);
    expect(imported.summary).toMatchObject({
      indicators: 43,
      program: 5,
      kegiatan: 20,
      budgetTotal: 343_221_061_270,
    });
  });

  it("keeps the signatory", async () => {
    const imported = await parseRakFile(new Uint8Array(await rakXlsx(rakMetro2024)), "rak.xlsx");
    expect(imported.document.signatory).toMatchObject({
      name: rakMetro2024.signatory.name,
      nip: rakMetro2024.signatory.nip,
    });
  });
});
