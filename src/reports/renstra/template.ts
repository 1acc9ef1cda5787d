import { END_HEADER, FIXED_HEADER } from "./content.js";
import { renstraWorkbook } from "./xlsx.js";

/** How many years a Renstra covers (RPJMD period) unless the template is asked for another length. */
export const RENSTRA_YEARS = 5;

const instructions = (startYear: number, endYear: number) => [
  `Petunjuk pengisian templat Renstra ${startYear}–${endYear}`,
  "",
  '1. Isi lembar "Renstra" mulai baris 5, satu baris untuk setiap indikator. Jangan mengubah baris judul kolom (baris 4).',
  "2. Tulis nama Tujuan, Sasaran Strategis dan Program pada baris pertama bagiannya; baris berikutnya boleh dikosongkan (atau diulang) sampai bagian itu berganti. Indikator ikut bagian terdalam yang disebut di atasnya.",
  '3. Program boleh diawali kodenya (mis. "1.02.02 Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat").',
  '4. Polaritas: "naik" bila makin tinggi makin baik, "turun" bila makin rendah makin baik (kematian, stunting, prevalensi penyakit).',
  `5. Kolom ${startYear} sampai ${endYear}: target tiap tahun seperti tertulis di dokumen (72,18 · ≤ 8,5 · R4 : 11 Unit); "-" bila tidak ada target. ${END_HEADER}: target tahun terakhir atau kondisi akhir.`,
  '6. Pagu indikatif: di bawah program, satu baris yang kolom Indikatornya "Pagu indikatif (Rp)", lalu rupiah bulat per tahun.',
  "7. Simpan sebagai .xlsx (atau CSV berenkode UTF-8), lalu unggah di halaman Renstra: pratinjau menampilkan peringatan sebelum disimpan.",
  "",
  "Contoh (jangan disalin ke baris judul):",
];

/** One filled row of the table, written down the sheet so it is never read as a second table. */
const example = (years: number[]): Array<[string, string]> => [
  ["Tujuan", "Meningkatnya derajat kesehatan masyarakat (contoh)"],
  ["Sasaran Strategis", "Meningkatnya akses dan mutu pelayanan kesehatan (contoh)"],
  ["Program", "1.02.02 Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat"],
  ["Indikator", "Prevalensi stunting pada anak balita"],
  ["Satuan", "%"],
  ["Polaritas", "turun"],
  ...years.map((y, i): [string, string] => [String(y), `≤ ${(12 - i * 0.5).toFixed(1).replace(".", ",")}`]),
  [END_HEADER, `≤ ${(12 - (years.length - 1) * 0.5).toFixed(1).replace(".", ",")}`],
];

/**
 * A blank Renstra in exactly the layout the import reads (the export's header row, one column per year),
 * with a sheet "Petunjuk" holding the instructions and an example row: a new Dinas starts from it.
 */
export async function renstraTemplateXlsx(startYear: number, length = RENSTRA_YEARS): Promise<Buffer> {
  const endYear = startYear + length - 1;
  const workbook = await renstraWorkbook(
    {
      title: "",
      orgUnitName: "",
      startYear,
      endYear,
      tujuan: [],
      signatory: { position: "", name: "", nip: "" },
    },
    {
      titleLines: [
        `Templat impor: isi tabel mulai baris 5 (tahun ${startYear}–${endYear}); petunjuk dan contoh di lembar "Petunjuk"`,
        "Baris 1–2 boleh diganti dengan judul dokumen dan nama Dinas.",
      ],
    },
  );
  const years = Array.from({ length }, (_, i) => startYear + i);
  const help = workbook.addWorksheet("Petunjuk");
  for (const line of instructions(startYear, endYear)) help.addRow([line]);
  for (const [column, value] of example(years)) help.addRow([column, value]);
  help.getColumn(1).width = 28;
  help.getColumn(2).width = 90;
  help.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const RENSTRA_TEMPLATE_COLUMNS = (startYear: number, length = RENSTRA_YEARS) => [
  ...FIXED_HEADER,
  ...Array.from({ length }, (_, i) => String(startYear + i)),
  END_HEADER,
];
