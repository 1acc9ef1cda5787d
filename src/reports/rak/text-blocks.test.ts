import { describe, expect, it } from "vitest";
import { rakMetro2024 } from "../../demo/rak-metro-2024.js";
import { signatoryBlock, titleLines } from "./text-blocks.js";

describe("title and signatory blocks", () => {
  it("puts the title in capitals", () => {
    expect(titleLines(rakMetro2024)).toEqual([
      "RENCANA AKSI KINERJA",
      "DINAS KESEHATAN KOTA METRO",
      "TAHUN 2024",
    ]);
  });

  it("prints the position in capitals and the NIP, without a place line when none is given", () => {
    expect(signatoryBlock(rakMetro2024.signatory)).toEqual({
      position: "KEPALA DINAS KESEHATAN KOTA METRO",
      name: "Dr. EKO HENDRO SAPUTRA, ST.M.Kes",
      nip: "NIP. 19720310 199703 1 006",
    });
  });

  it("writes place and date as an Indonesian long date", () => {
    const signatory = { ...rakMetro2024.signatory, place: "Metro", date: "2026-11-24" };
    expect(signatoryBlock(signatory).placeAndDate).toBe("Metro, 24 November 2026");
    expect(signatoryBlock({ ...signatory, date: "2024-01-01" }).placeAndDate).toBe("Metro, 1 Januari 2024");
    expect(signatoryBlock({ ...signatory, place: undefined }).placeAndDate).toBe("24 November 2026");
  });
});
