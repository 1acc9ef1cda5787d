import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rakMetro2024 } from "../../demo/rak-metro-2024.js";
import { ImportError, ZIP_LIMITS } from "../spreadsheet/index.js";
import { seedWorkbook, templateCsv, zipOf } from "./fixtures.js";
import { parseRakFile, TEMPLATE_COLUMNS } from "./index.js";

const encode = (text: string) => new TextEncoder().encode(text);

async function refusal(promise: Promise<unknown>): Promise<ImportError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

const xlsxParts = [
  { name: "[Content_Types].xml", data: encode("<Types/>") },
  { name: "xl/workbook.xml", data: encode("<workbook/>") },
];

describe("files the import refuses, with a message the planner can act on", () => {
  it("refuses a file over 20 MB with 413", async () => {
    const error = await refusal(parseRakFile(new Uint8Array(20 * 1024 * 1024 + 1), "besar.xlsx"));
    expect(error).toMatchObject({ code: "FILE_TOO_LARGE", statusCode: 413 });
    expect(error.messageId).toContain("melebihi batas 20 MB");
  });

  it("honours a smaller limit from the caller", async () => {
    const error = await refusal(
      parseRakFile(encode(templateCsv(rakMetro2024)), "rak.csv", { maxBytes: 100 }),
    );
    expect(error.statusCode).toBe(413);
  });

  it("refuses a file that is neither xlsx nor csv", async () => {
    const pdf = encode("%PDF-1.7\n\0\0binary");
    const error = await refusal(parseRakFile(pdf, "rak.xlsx"));
    expect(error).toMatchObject({ code: "NOT_SPREADSHEET", statusCode: 400 });
  });

  it("refuses a broken zip", async () => {
    const error = await refusal(parseRakFile(encode("PK\u0003\u0004 truncated"), "rak.xlsx"));
    expect(error.code).toBe("NOT_XLSX");
  });

  it("refuses a zip that is not a workbook (e.g. a .docx)", async () => {
    const docx = zipOf([{ name: "word/document.xml", data: encode("<w:document/>") }]);
    expect((await refusal(parseRakFile(docx, "rak.xlsx"))).code).toBe("NOT_XLSX");
  });

  it("refuses a password-protected workbook (an encrypted CFB container)", async () => {
    const cfb = new Uint8Array(4096);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    cfb.set(Buffer.from("EncryptionInfo", "utf16le"), 1024);
    const error = await refusal(parseRakFile(cfb, "rak.xlsx"));
    expect(error.code).toBe("FILE_ENCRYPTED");
    expect(error.messageId).toContain("dilindungi kata sandi");
  });

  it("refuses an old binary .xls and asks for .xlsx", async () => {
    const xls = new Uint8Array(4096);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await refusal(parseRakFile(xls, "rak.xls"))).code).toBe("XLS_NOT_SUPPORTED");
  });

  it("refuses a zip bomb: one highly compressible 64 MB sheet", async () => {
    const bomb = zipOf([
      ...xlsxParts,
      { name: "xl/worksheets/sheet1.xml", data: new Uint8Array(64 * 1024 * 1024) },
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const error = await refusal(parseRakFile(bomb, "rak.xlsx"));
    expect(error.code).toBe("ZIP_BOMB");
    expect(error.details).toMatchObject({ reason: "compression ratio" });
  });

  it("refuses a zip whose directory understates what an entry inflates to", async () => {
    const zip = zipOf([
      ...xlsxParts,
      { name: "xl/worksheets/sheet1.xml", data: new Uint8Array(4 * 1024 * 1024) },
    ]);
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const central = zip.lastIndexOf(Buffer.from("xl/worksheets/sheet1.xml")) - 46;
    view.setUint32(central + 24, 1000, true); // claims 1 000 bytes
    const error = await refusal(parseRakFile(zip, "rak.xlsx"));
    expect(error.code).toBe("ZIP_BOMB");
  });

  it("refuses a zip with more entries than any workbook has", async () => {
    const many = Array.from({ length: ZIP_LIMITS.maxEntries + 1 }, (_, i) => ({
      name: `x/${i}`,
      data: new Uint8Array(0),
      store: true,
    }));
    expect((await refusal(parseRakFile(zipOf([...xlsxParts, ...many]), "rak.xlsx"))).code).toBe("ZIP_BOMB");
  });

  it("refuses a sheet without the INDIKATOR and TARGET header", async () => {
    const error = await refusal(parseRakFile(encode("Nama;Nilai\nA;1\n"), "rak.csv"));
    expect(error.code).toBe("HEADER_NOT_FOUND");
    expect(error.messageId).toContain("INDIKATOR");
  });

  it("refuses a header without indicator rows under it", async () => {
    const error = await refusal(parseRakFile(encode(`${TEMPLATE_COLUMNS.join(";")}\n`), "rak.csv"));
    expect(error.code).toBe("NO_INDICATORS");
  });

  it("refuses an unreadable target and points at the row and the cell text", async () => {
    const row = "S;;P;;;;;Cakupan K4;%;;sekitar 90;25;25;25;25;";
    const error = await refusal(parseRakFile(encode(`${TEMPLATE_COLUMNS.join(";")}\n${row}\n`), "rak.csv"));
    expect(error.code).toBe("TARGET_UNREADABLE");
    expect(error.details).toMatchObject({ row: 2, cell: "K2", text: "sekitar 90" });
    expect(error.messageId).toContain('Baris 2, sel K2 (Target): target "sekitar 90"');
  });

  it("refuses a budget that is not whole Rupiah", async () => {
    const row = "S;;P;;;;;Cakupan K4;%;;100;25;25;25;25;Rp 1.500,50";
    const error = await refusal(parseRakFile(encode(`${TEMPLATE_COLUMNS.join(";")}\n${row}\n`), "rak.csv"));
    expect(error).toMatchObject({ code: "BUDGET_UNREADABLE", details: { row: 2, cell: "P2" } });
  });

  it("never throws anything but ImportError, whatever the bytes", async () => {
    const seed = new Uint8Array(await seedWorkbook());
    const damaged = fc
      .array(fc.tuple(fc.nat(seed.length - 1), fc.integer({ min: 0, max: 255 })), {
        minLength: 1,
        maxLength: 8,
      })
      .map((flips) => {
        const copy = seed.slice();
        for (const [at, value] of flips) copy[at] = value;
        return copy;
      });
    const names = fc.constantFrom("rak.xlsx", "rak.csv", "rak");
    const bytes = fc.oneof(
      damaged,
      fc.uint8Array({ maxLength: 2048 }),
      fc.uint8Array({ maxLength: 2048 }).map((tail) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...tail])),
      fc.string({ maxLength: 500 }).map((text) => encode(`${TEMPLATE_COLUMNS.join(";")}\n${text}`)),
    );
    await fc.assert(
      fc.asyncProperty(bytes, names, async (input, name) => {
        await parseRakFile(input, name).catch((error: unknown) => {
          if (!(error instanceof ImportError)) throw error;
        });
      }),
      { numRuns: 300 },
    );
  });
});
