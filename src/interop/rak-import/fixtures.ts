import { crc32, deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { rakMetro2024 } from "../../demo/rak-metro-2024.js";
import type { RakDocument, RakIndicatorRow } from "../../plans/rak-document.js";
import { TEMPLATE_COLUMNS, templateRows } from "./template.js";

/**
 * Test support: seed 000 as the .xlsx a Dinas would upload, built from rakMetro2024 in the printed
 * layout with every irregularity a real sheet has — title block, two header rows, merged sasaran and
 * program cells, bold program rows, "Rp" in its own cell or inside the amount, amounts as US-style text
 * or as numbers, "-" cells, a program name broken over two rows, and the signatory block.
 */

export const SEED_FIRST_DATA_ROW = 7;
const BROKEN_PROGRAM = "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat";
const BROKEN_AFTER = 5;

type BudgetStyle = "rp-then-text" | "rp-then-number" | "inline";
const STYLES: BudgetStyle[] = ["rp-then-text", "rp-then-number", "inline"];

const plainNumber = (text: string) => /^\d+(\.\d+)?$/.test(text);

function writeBudget(row: ExcelJS.Row, budget: number | null, style: BudgetStyle): void {
  if (budget === null) return;
  const usText = budget.toLocaleString("en-US");
  if (style === "inline") row.getCell(11).value = `Rp ${usText}`;
  else {
    row.getCell(11).value = "Rp";
    row.getCell(12).value = style === "rp-then-text" ? usText : budget;
    if (style === "rp-then-number") row.getCell(12).numFmt = "#,##0";
  }
}

function writeIndicator(row: ExcelJS.Row, indicator: RakIndicatorRow, asText: boolean): void {
  row.getCell(4).value = indicator.name;
  row.getCell(5).value = indicator.unit;
  [indicator.target, ...indicator.quarters].forEach((value, i) => {
    row.getCell(6 + i).value = !asText && plainNumber(value) ? Number(value) : value;
  });
}

export async function seedWorkbook(document: RakDocument = rakMetro2024): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("RAK 2024");
  ["RENCANA AKSI KINERJA", "DINAS KESEHATAN KOTA METRO", "TAHUN 2024"].forEach((text, i) => {
    sheet.getCell(i + 1, 1).value = text;
    sheet.getCell(i + 1, 1).font = { bold: true };
    sheet.mergeCells(i + 1, 1, i + 1, 12);
  });
  const header = [
    "SASARAN",
    "PROGRAM",
    "KEGIATAN",
    "INDIKATOR KINERJA PROGRAM/\nKEGIATAN",
    "SATUAN",
    "  TARGET ",
    "TARGET TRIWULAN",
  ];
  header.forEach((text, i) => {
    sheet.getCell(5, i + 1).value = text;
  });
  sheet.getCell(5, 11).value = "ANGGARAN";
  for (let c = 1; c <= 6; c++) sheet.mergeCells(5, c, 6, c);
  sheet.mergeCells(5, 7, 5, 10);
  sheet.mergeCells(5, 11, 6, 12);
  ["I", "II", "III", "IV"].forEach((text, i) => {
    sheet.getCell(6, 7 + i).value = text;
  });

  let r = SEED_FIRST_DATA_ROW;
  let budgets = 0;
  const nextStyle = () => STYLES[budgets++ % STYLES.length] as BudgetStyle;
  for (const sasaran of document.sasaran) {
    const first = r;
    sheet.getCell(r, 1).value = sasaran.name;
    writeBudget(sheet.getRow(r), sasaran.budget, nextStyle());
    for (const indicator of sasaran.indicators) writeIndicator(sheet.getRow(r++), indicator, true);
    for (const program of sasaran.programs) {
      const start = r;
      const row = sheet.getRow(r);
      row.font = { bold: true };
      writeBudget(row, program.budget, nextStyle());
      for (const indicator of program.indicators) writeIndicator(sheet.getRow(r++), indicator, false);
      for (const kegiatan of program.kegiatan) {
        sheet.getCell(r, 3).value = kegiatan.name;
        writeBudget(sheet.getRow(r), kegiatan.budget, nextStyle());
        for (const indicator of kegiatan.indicators) writeIndicator(sheet.getRow(r++), indicator, false);
      }
      // A page break in the printed RAK splits this name: "… Upaya Kesehatan" / "Masyarakat".
      const pieces =
        program.name === BROKEN_PROGRAM
          ? [
              { text: program.name.replace(/ Masyarakat$/, ""), from: start, to: start + BROKEN_AFTER - 1 },
              { text: "Masyarakat", from: start + BROKEN_AFTER, to: r - 1 },
            ]
          : [{ text: program.name, from: start, to: r - 1 }];
      for (const piece of pieces) {
        sheet.getCell(piece.from, 2).value = piece.text;
        if (piece.to > piece.from) sheet.mergeCells(piece.from, 2, piece.to, 2);
      }
    }
    if (r - 1 > first) sheet.mergeCells(first, 1, r - 1, 1);
  }

  const { position, name, nip } = document.signatory;
  const signatory: [number, string][] = [
    [r + 1, position.toUpperCase()],
    [r + 5, name],
    [r + 6, `NIP. ${nip}`],
  ];
  for (const [row, text] of signatory) {
    sheet.getCell(row, 9).value = text;
    sheet.mergeCells(row, 9, row, 12);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The template rows as CSV the way Excel with Indonesian settings saves it: `;`, "24,5", "1.234.567". */
export function templateCsv(document: RakDocument, options: { bom?: boolean } = {}): string {
  const indonesian = (value: string | number | null, col: number): string => {
    if (value === null) return "";
    if (typeof value === "number") return value.toLocaleString("de-DE");
    return col >= 10 && col <= 14 ? value.replace(".", ",") : value;
  };
  const quote = (text: string) => (/[;"\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = [
    [...TEMPLATE_COLUMNS],
    ...templateRows(document).map((row) => row.map((value, col) => indonesian(value, col))),
  ].map((cells) => cells.map(quote).join(";"));
  return `${options.bom ? "\uFEFF" : ""}${lines.join("\r\n")}\r\n`;
}

/**
 * Seed 000 as CSV in the printed layout, the way a PDF-to-Excel conversion saved with Indonesian
 * settings looks: no merges (continuation cells empty), "72,18", "Rp 343.221.061.270", `;`.
 */
export function seedCsv(document: RakDocument = rakMetro2024): string {
  const id = (text: string) => (plainNumber(text) ? text.replace(".", ",") : text);
  const rp = (budget: number | null) => (budget === null ? "" : `Rp ${budget.toLocaleString("de-DE")}`);
  const rows: string[][] = [
    ["RENCANA AKSI KINERJA"],
    ["DINAS KESEHATAN KOTA METRO"],
    ["TAHUN 2024"],
    [],
    [
      "SASARAN",
      "PROGRAM",
      "KEGIATAN",
      "INDIKATOR KINERJA PROGRAM/ KEGIATAN",
      "SATUAN",
      "TARGET",
      "TARGET TRIWULAN",
      "",
      "",
      "",
      "ANGGARAN",
    ],
    ["", "", "", "", "", "", "I", "II", "III", "IV", ""],
  ];
  const indicatorRow = (names: string[], indicator: RakIndicatorRow, budget: string) => [
    ...names,
    indicator.name,
    indicator.unit,
    ...[indicator.target, ...indicator.quarters].map(id),
    budget,
  ];
  for (const sasaran of document.sasaran) {
    sasaran.indicators.forEach((indicator, i) => {
      rows.push(
        indicatorRow([i === 0 ? sasaran.name : "", "", ""], indicator, i === 0 ? rp(sasaran.budget) : ""),
      );
    });
    for (const program of sasaran.programs) {
      const broken = program.name === BROKEN_PROGRAM;
      program.indicators.forEach((indicator, i) => {
        const name = i === 0 ? (broken ? program.name.replace(/ Masyarakat$/, "") : program.name) : "";
        const rest = broken && i === BROKEN_AFTER ? "Masyarakat" : name;
        rows.push(indicatorRow(["", rest, ""], indicator, i === 0 ? rp(program.budget) : ""));
      });
      for (const kegiatan of program.kegiatan) {
        kegiatan.indicators.forEach((indicator, i) => {
          rows.push(
            indicatorRow(
              ["", "", i === 0 ? kegiatan.name : ""],
              indicator,
              i === 0 ? rp(kegiatan.budget) : "",
            ),
          );
        });
      }
    }
  }
  const { position, name, nip } = document.signatory;
  rows.push([], [position.toUpperCase()], [], [], [name], [`NIP. ${nip}`]);
  return rows
    .map((cells) => cells.map((c) => (/[;"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(";"))
    .join("\n");
}

/** A zip archive of the given entries, deflated unless stored; for crafting hostile uploads. */
export function zipOf(entries: { name: string; data: Uint8Array; store?: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const data = entry.store ? Buffer.from(entry.data) : deflateRawSync(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.store ? 0 : 8, 8);
    local.writeUInt32LE(crc32(entry.data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.store ? 0 : 8, 10);
    central.writeUInt32LE(crc32(entry.data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
