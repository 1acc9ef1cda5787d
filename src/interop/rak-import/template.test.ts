import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { rakMetro2024 } from "../../demo/rak-metro-2024.js";
import type { RakDocument } from "../../plans/rak-document.js";
import { templateCsv } from "./fixtures.js";
import { parseRakFile, rakTemplateWorkbook, TEMPLATE_COLUMNS } from "./index.js";

const encode = (text: string) => new TextEncoder().encode(text);

/** A plan with codes, sub kegiatan and an explicit polarity, which the printed seed does not have. */
const withSubKegiatan: RakDocument = {
  ...rakMetro2024,
  sasaran: [
    {
      name: "Meningkatnya derajat kesehatan masyarakat",
      budget: 500_000_000,
      indicators: [],
      programs: [
        {
          code: "1.02.02",
          name: "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat",
          budget: 500_000_000,
          indicators: [
            {
              name: "Angka kematian ibu",
              unit: "kasus",
              target: "2",
              quarters: ["-", "1", "-", "1"],
              polarity: "lower",
            },
          ],
          kegiatan: [
            {
              code: "1.02.02.2.02",
              name: "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota",
              budget: 500_000_000,
              indicators: [],
              subKegiatan: [
                {
                  code: "1.02.02.2.02.0001",
                  name: "Pengelolaan Pelayanan Kesehatan Ibu Hamil",
                  budget: 300_000_000,
                  indicators: [
                    {
                      name: "Cakupan K4",
                      unit: "%",
                      target: "95",
                      quarters: ["23.75", "47.5", "71.25", "95"],
                    },
                  ],
                },
                {
                  code: "1.02.02.2.02.0002",
                  name: "Pengelolaan Pelayanan Kesehatan Ibu Bersalin",
                  budget: 200_000_000,
                  indicators: [
                    {
                      name: "Cakupan persalinan di fasyankes",
                      unit: "%",
                      target: "100",
                      quarters: ["25", "25", "25", "25"],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
  ],
};

describe("the RAK import template", () => {
  it("has our header row, one example row and a sheet Petunjuk in Indonesian", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await rakTemplateWorkbook()) as never);
    const [sheet, help] = workbook.worksheets;
    expect(((sheet?.getRow(1).values ?? []) as unknown[]).slice(1)).toEqual([...TEMPLATE_COLUMNS]);
    expect(sheet?.rowCount).toBe(2);
    expect(help?.name).toBe("Petunjuk");
    expect(String(help?.getCell("A1").value)).toContain("Petunjuk pengisian");
  });

  it("imports its own example row as one indicator with codes and budget", async () => {
    const result = await parseRakFile(await rakTemplateWorkbook(), "template.xlsx");
    const program = result.document.sasaran[0]?.programs[0];
    expect(program?.code).toBe("1.02.02");
    expect(program?.kegiatan[0]).toMatchObject({ code: "1.02.02.2.02", budget: 31_401_368_330 });
    expect(result.summary.indicators).toBe(1);
  });

  it("round-trips the RAK Kota Metro 2024 through the template", async () => {
    const result = await parseRakFile(await rakTemplateWorkbook(rakMetro2024), "rak.xlsx");
    expect(result.document.sasaran).toEqual(rakMetro2024.sasaran);
    expect(result.summary.budgetTotal).toBe(343_221_061_270);
  });

  it("round-trips codes, sub kegiatan and polarity", async () => {
    const result = await parseRakFile(await rakTemplateWorkbook(withSubKegiatan), "rak-2025.xlsx");
    expect(result.document.sasaran).toEqual(withSubKegiatan.sasaran);
    expect(result.document.year).toBe(2025);
    expect(result.summary).toMatchObject({ subKegiatan: 2, indicators: 3 });
    expect(result.warnings.filter((w) => w.row !== null)).toEqual([]);
  });

  it("says what the template cannot carry: the organisation unit and the signatory", async () => {
    const result = await parseRakFile(await rakTemplateWorkbook(withSubKegiatan), "rak.xlsx");
    expect(result.warnings.map((w) => w.code)).toEqual([
      "YEAR_MISSING",
      "ORG_UNIT_MISSING",
      "SIGNATORY_MISSING",
    ]);
  });
});

describe("the template saved as CSV", () => {
  it("reads ; with Indonesian decimals (24,5) and thousands (343.221.061.270), with a BOM", async () => {
    const result = await parseRakFile(encode(templateCsv(rakMetro2024, { bom: true })), "rak.csv");
    expect(result.document.sasaran).toEqual(rakMetro2024.sasaran);
    expect(result.warnings.some((w) => w.code.startsWith("DECIMAL"))).toBe(false);
  });

  it("reads , with decimal points and plain amounts, without a BOM", async () => {
    const header = TEMPLATE_COLUMNS.join(",");
    const row = '"Sasaran A",,Program A,,,,,Prevalensi stunting,%,,8.5,2.13,2.13,2.13,2.13,1500000';
    const result = await parseRakFile(encode(`${header}\n${row}\n`), "rak.csv");
    expect(result.document.sasaran[0]?.programs[0]).toMatchObject({
      budget: 1_500_000,
      indicators: [{ target: "8.5", quarters: ["2.13", "2.13", "2.13", "2.13"], polarity: "lower" }],
    });
  });

  it("warns about each number it had to guess when the file mixes 1,5 and 1.5", async () => {
    const header = TEMPLATE_COLUMNS.join(";");
    const rows = [
      "S;;P;;;;;Indikator A;%;;72,18;-;-;-;72,18;",
      "S;;P;;;;;Indikator B;%;;98.5;24.5;24.5;24.5;25;",
      "S;;P;;;;;Indikator C;kasus;;1.500;-;-;-;1.500;",
    ];
    const result = await parseRakFile(encode([header, ...rows].join("\n")), "rak.csv");
    const decimals = result.warnings.filter((w) => w.code.startsWith("DECIMAL"));
    expect(decimals.map((w) => [w.row, w.code])).toEqual([
      [null, "DECIMAL_CONVENTION_MIXED"],
      [4, "DECIMAL_AMBIGUOUS"],
      [4, "DECIMAL_AMBIGUOUS"],
    ]);
    expect(decimals[1]?.message).toContain('"1.500"');
  });

  it("reads a CSV saved by older Excel in Windows-1252 and says so", async () => {
    const csv = `${TEMPLATE_COLUMNS.join(";")}\nS;;P;;;;;Cakupan pelayanan caf\u00e9;%;;100;25;25;25;25;\n`;
    const result = await parseRakFile(Buffer.from(csv, "latin1"), "rak.csv");
    expect(result.document.sasaran[0]?.programs[0]?.indicators[0]?.name).toBe("Cakupan pelayanan caf\u00e9");
    expect(result.warnings.map((w) => w.code)).toContain("CSV_NOT_UTF8");
  });

  it("takes an explicit polarity over the name and warns about an unknown one", async () => {
    const header = TEMPLATE_COLUMNS.join(";");
    const rows = [
      "S;;P;;;;;Jumlah kasus kematian ibu;kasus;naik;2;-;1;-;1;",
      "S;;P;;;;;Cakupan K4;%;tinggi;95;25;25;25;20;",
    ];
    const result = await parseRakFile(encode([header, ...rows].join("\n")), "rak.csv");
    const indicators = result.document.sasaran[0]?.programs[0]?.indicators;
    expect(indicators?.[0]?.polarity).toBeUndefined();
    expect(result.warnings.find((w) => w.code === "POLARITY_UNKNOWN")?.row).toBe(3);
  });
});
