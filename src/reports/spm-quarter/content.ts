import { formatNumberId, formatRupiah } from "../../domain/index.js";
import type { SpmQuarterReport, SpmQuarterService } from "../../spm/quarter-types.js";
import type { Paper } from "../rak/options.js";

/**
 * The texts both renderers print. No official layout of the e-SPM upload was found, so the report is a
 * flat table with one row per service, its columns in the order Permendagri 59/2021 Pasal 24 lists them.
 */

export interface SpmQuarterExportOptions {
  paper?: Paper;
}

export const DASH = "–";
export const ROMAN = ["I", "II", "III", "IV"] as const;
export const STATUS_TEXT = { belum: "Belum", proses: "Proses", selesai: "Selesai" } as const;

export const HEADER = [
  "NO",
  "JENIS PELAYANAN DASAR",
  "JUMLAH YANG HARUS DILAYANI",
  "JUMLAH YANG TERLAYANI",
  "CAPAIAN PENERIMA (%)",
  "MUTU BARANG/JASA DAN SDM (%)",
  "INDEKS",
  "ANGGARAN (PAGU, Rp)",
  "REALISASI ANGGARAN S.D. TRIWULAN (Rp)",
  "TAHAPAN PENERAPAN",
  "MASALAH",
  "SOLUSI",
  "RENCANA AKSI",
] as const;
export const COLUMN_COUNT = HEADER.length;

export function titleLines(report: SpmQuarterReport): [string, string, string] {
  return [
    "LAPORAN PENERAPAN STANDAR PELAYANAN MINIMAL BIDANG KESEHATAN (e-SPM)",
    `${report.regionName.toUpperCase()} TAHUN ${report.year} TRIWULAN ${ROMAN[report.quarter - 1]}`,
    `Versi SPM: ${report.version.regulation}`,
  ];
}

export const count = (value: string | null) => (value === null ? DASH : formatNumberId(value));
export const percent = (value: string | null) => (value === null ? DASH : formatNumberId(value, 2));
export const orDash = (text: string | null) => (text === null || text.trim() === "" ? DASH : text);

/** "s.d. Maret 2020" under the served count, or why there is none. */
export function servedNote(s: SpmQuarterService): string {
  if (s.reason) return s.reason;
  if (!s.throughPeriod) return "";
  const month = Number(s.throughPeriod.slice(4)) - 1;
  const name = new Intl.DateTimeFormat("id-ID", { month: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(2000, month, 1)),
  );
  return `s.d. ${name} ${s.throughPeriod.slice(0, 4)}`;
}

/** The four steps, one a line: "1. Pengumpulan data: Selesai — note". */
export function stepsText(s: SpmQuarterService): string {
  return s.steps
    .map(
      (step, i) =>
        `${i + 1}. ${step.label}: ${STATUS_TEXT[step.status]}${step.note ? ` — ${step.note}` : ""}`,
    )
    .join("\n");
}

export function kegiatanNote(s: SpmQuarterService): string {
  return s.budget.kegiatan.length === 0
    ? "belum ditautkan ke kegiatan"
    : s.budget.kegiatan.map((k) => k.name).join("; ");
}

export const rupiah = (amount: number) => formatRupiah(amount);

const longDate = new Intl.DateTimeFormat("id-ID", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});
const dayText = (iso: string) => longDate.format(new Date(`${iso}T00:00:00Z`));

/** Lines under the table: the index of the region, how it was computed, where the catalogue comes from. */
export function footLines(report: SpmQuarterReport): string[] {
  const index =
    report.index.value === null
      ? "Indeks capaian SPM: tidak dapat dihitung"
      : `Indeks capaian SPM: ${formatNumberId(report.index.value, 2)}${
          report.index.missing > 0 ? ` (${report.index.missing} jenis pelayanan belum dapat dinilai)` : ""
        }`;
  return [
    index,
    report.indexRule.note,
    ...(report.version.sourceNote ? [`Sumber katalog: ${report.version.sourceNote}`] : []),
    ...(report.deadline ? [`Batas waktu pelaporan: ${dayText(report.deadline)}`] : []),
  ];
}
