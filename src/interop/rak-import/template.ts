import type ExcelJS from "exceljs";
import { newWorkbook } from "../../lib/exceljs.js";
import type { RakDocument, RakIndicatorRow, RakKegiatan } from "../../plans/rak-document.js";

/**
 * Our plain RAK template: one row per indicator, every level named in its own column, the budget of the
 * deepest node named on the row written on its first row only. parseRakFile reads it back, also saved
 * as CSV.
 */
export const TEMPLATE_COLUMNS = [
  "Sasaran",
  "Kode Program",
  "Program",
  "Kode Kegiatan",
  "Kegiatan",
  "Kode Sub Kegiatan",
  "Sub Kegiatan",
  "Indikator",
  "Satuan",
  "Polaritas",
  "Target",
  "TW I",
  "TW II",
  "TW III",
  "TW IV",
  "Anggaran",
] as const;

/** A template row: names and codes as text, targets in canonical form, budget in whole Rupiah. */
export type TemplateRow = [...(string | null)[], number | null];

interface Path {
  sasaran: string;
  program?: { code?: string; name: string };
  kegiatan?: { code?: string; name: string };
  subKegiatan?: { code?: string; name: string };
}

function rowsOf(path: Path, budget: number | null, indicators: readonly RakIndicatorRow[]): TemplateRow[] {
  const names = [
    path.sasaran,
    path.program?.code ?? null,
    path.program?.name ?? null,
    path.kegiatan?.code ?? null,
    path.kegiatan?.name ?? null,
    path.subKegiatan?.code ?? null,
    path.subKegiatan?.name ?? null,
  ];
  if (indicators.length === 0) return [[...names, null, null, null, null, null, null, null, null, budget]];
  return indicators.map((indicator, i) => [
    ...names,
    indicator.name,
    indicator.unit,
    indicator.polarity === "lower" ? "turun" : "naik",
    indicator.target,
    ...indicator.quarters,
    i === 0 ? budget : null,
  ]);
}

const named = (node: { code?: string; name: string }) =>
  node.code === undefined ? { name: node.name } : { code: node.code, name: node.name };

function kegiatanRows(path: Path, kegiatan: RakKegiatan, level: "kegiatan" | "subKegiatan"): TemplateRow[] {
  const here = { ...path, [level]: named(kegiatan) };
  const own = rowsOf(here, kegiatan.budget, kegiatan.indicators);
  const subs = (kegiatan.subKegiatan ?? []).flatMap((sub) => kegiatanRows(here, sub, "subKegiatan"));
  return kegiatan.indicators.length === 0 && kegiatan.budget === null && subs.length > 0
    ? subs
    : [...own, ...subs];
}

/** The document as template rows, in document order. */
export function templateRows(document: RakDocument): TemplateRow[] {
  return document.sasaran.flatMap((sasaran) => [
    ...rowsOf({ sasaran: sasaran.name }, sasaran.budget, sasaran.indicators),
    ...sasaran.programs.flatMap((program) => {
      const path: Path = { sasaran: sasaran.name, program: named(program) };
      return [
        ...rowsOf(path, program.budget, program.indicators),
        ...program.kegiatan.flatMap((kegiatan) => kegiatanRows(path, kegiatan, "kegiatan")),
      ];
    }),
  ]);
}

const EXAMPLE: TemplateRow = [
  "Meningkatnya upaya kesehatan perorangan dan upaya kesehatan masyarakat",
  "1.02.02",
  "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat",
  "1.02.02.2.02",
  "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota",
  null,
  null,
  "Persentase Standar Pelayanan Minimal Kesehatan",
  "%",
  "naik",
  "100",
  "25",
  "25",
  "25",
  "25",
  31_401_368_330,
];

const INSTRUCTIONS = [
  "Petunjuk pengisian templat Rencana Aksi Kinerja (RAK)",
  "",
  "1. Isi satu baris untuk setiap indikator pada lembar pertama. Jangan mengubah baris judul kolom.",
  "2. Tulis nama Sasaran, Program, Kegiatan dan Sub Kegiatan tempat indikator itu berada. Kosongkan kolom yang lebih dalam bila indikator milik tingkat di atasnya (mis. indikator program: kolom Kegiatan kosong).",
  "3. Kode Program, Kode Kegiatan dan Kode Sub Kegiatan mengikuti nomenklatur nasional (mis. 1.02.02, 1.02.02.2.02, 1.02.02.2.02.0001); boleh dikosongkan.",
  '4. Polaritas: "naik" bila makin tinggi makin baik, "turun" bila makin rendah makin baik (kematian, stunting, prevalensi penyakit). Bila kosong, ditebak dari nama indikator.',
  '5. Target dan TW I–IV: angka (72,18 atau 72.18), "-" bila tidak ada target, atau target gabungan seperti "11 dan 2". Nilai diimpor apa adanya; selisih antara jumlah triwulan dan target tahunan ditampilkan sebagai peringatan.',
  "6. Anggaran: rupiah bulat untuk tingkat terdalam yang disebut pada baris itu, cukup sekali pada baris pertama tingkat tersebut.",
  '7. Judul (mis. "RENCANA AKSI KINERJA / DINAS KESEHATAN KOTA ... / TAHUN 2025") boleh ditulis di atas baris judul kolom; penanda tangan (jabatan, nama, "NIP. ...") boleh ditulis di bawah tabel.',
  "8. Baris contoh boleh dihapus atau ditimpa. Simpan sebagai .xlsx, atau sebagai CSV (pemisah ; atau ,) berenkode UTF-8.",
];

/** Plain decimals go in as numbers so Excel can sum them; "-" and "11 dan 2" stay text. */
const cellValue = (value: string | number | null, col: number): ExcelJS.CellValue => {
  const isTarget = col >= 10 && col <= 14;
  if (
    isTarget &&
    typeof value === "string" &&
    /^-?\d+(\.\d+)?$/.test(value) &&
    String(Number(value)) === value
  ) {
    return Number(value);
  }
  return value;
};

/** The template as .xlsx: a header row, the example row (or the given document), and "Petunjuk". */
export async function rakTemplateWorkbook(document?: RakDocument): Promise<Buffer> {
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet("RAK");
  sheet.addRow([...TEMPLATE_COLUMNS]).font = { bold: true };
  for (const row of document ? templateRows(document) : [EXAMPLE]) {
    sheet.addRow(row.map(cellValue));
  }
  sheet.getColumn(TEMPLATE_COLUMNS.length).numFmt = "#,##0";
  sheet.columns.forEach((column, i) => {
    column.width = [0, 2, 4, 6, 7].includes(i) ? 40 : 12;
  });
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  const help = workbook.addWorksheet("Petunjuk");
  for (const line of INSTRUCTIONS) help.addRow([line]);
  help.getColumn(1).width = 120;
  help.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
