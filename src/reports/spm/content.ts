import {
  formatNumberId,
  parsePeriod,
  periodLabel,
  SKM_BAND_LABEL,
  type SkmBand,
  spmTargetReached,
} from "../../domain/index.js";
import type { SpmReport, SpmReportService, SpmReportSurvey } from "../../spm/report-types.js";
import type { Paper } from "../rak/options.js";

/** The texts both renderers print, so the xlsx and the pdf say the same thing. */

export interface SpmExportOptions {
  paper?: Paper;
}

export const NO_DATA = "belum ada data";
export const NO_SURVEY = "belum ada survei";
/** Shown for an empty analysis or a gap that cannot be computed, so the cell is visibly left empty on purpose. */
export const DASH = "–";

export const HEADER = [
  "NO",
  "JENIS PELAYANAN DASAR",
  "INDIKATOR",
  "TARGET (%)",
  "PEMBILANG\n(jumlah yang dilayani sesuai standar)",
  "PENYEBUT\n(jumlah sasaran)",
  "CAPAIAN (%)",
  "SELISIH DARI 100%",
  "IKM\n(nilai, mutu)",
  "MASALAH",
  "PEMECAHAN MASALAH",
] as const;

export const COLUMN_COUNT = HEADER.length;

export function titleLines(report: SpmReport): [string, string, string] {
  return [
    "LAPORAN PENERAPAN DAN PENCAPAIAN STANDAR PELAYANAN MINIMAL BIDANG KESEHATAN",
    `${report.regionName.toUpperCase()} TAHUN ${report.year}`,
    report.regulation,
  ];
}

export interface Summary {
  total: number;
  reached: number;
  below: number;
  noData: number;
}

/** Services that met their year's target, fell short of it, and have no capaian. */
export function summarize(report: SpmReport): Summary {
  const counts = { total: report.services.length, reached: 0, below: 0, noData: 0 };
  for (const s of report.services) {
    if (s.capaian === null) counts.noData += 1;
    else if (spmTargetReached(s.capaian, s.target)) counts.reached += 1;
    else counts.below += 1;
  }
  return counts;
}

export function summaryLines(summary: Summary): string[] {
  return [
    `Jumlah jenis pelayanan dasar: ${summary.total}`,
    `Mencapai target: ${summary.reached} jenis pelayanan`,
    `Di bawah target: ${summary.below} jenis pelayanan`,
    `Belum ada data: ${summary.noData} jenis pelayanan`,
  ];
}

/** Counts print as whole numbers when they are whole; capaian and gap always with 2 decimals. */
export const count = (value: string | null): string => (value === null ? NO_DATA : formatNumberId(value));
export const percent = (value: string): string => formatNumberId(value, 2);

export function capaianText(s: SpmReportService): string {
  return s.capaian === null ? (s.reason ?? NO_DATA) : percent(s.capaian);
}

export function gapText(s: SpmReportService): string {
  return s.gap === null ? DASH : percent(s.gap);
}

export function completenessNote(s: SpmReportService): string {
  return `Data dari ${s.receivedReports} dari ${s.expectedReports} laporan`;
}

/** "B (Baik), 240 responden": the line under the IKM value; empty without a survey. */
export function ikmNote(ikm: SpmReportService["ikm"]): string {
  if (ikm === null) return "";
  return `${ikm.band} (${SKM_BAND_LABEL[ikm.band].id}), ${formatNumberId(String(ikm.respondents))} responden`;
}

export const analysisText = (text: string | null): string =>
  text === null || text.trim() === "" ? DASH : text;

/** The appendix after the signatory: the Survei Kepuasan Masyarakat result of every facility surveyed. */
export const SURVEY_SHEET_NAME = "IKM per fasilitas";
export const SURVEY_TITLE = "LAMPIRAN: INDEKS KEPUASAN MASYARAKAT PER FASILITAS";

export const SURVEY_HEADER = [
  "NO",
  "FASILITAS",
  "JENIS PELAYANAN",
  "PERIODE",
  "JUMLAH RESPONDEN",
  "IKM",
  "MUTU PELAYANAN",
] as const;

/** Title, region and year, and how to read the IKM (Permenpan RB 14/2017). */
export function surveyTitleLines(report: SpmReport): [string, string, string] {
  return [
    SURVEY_TITLE,
    `${report.regionName.toUpperCase()} TAHUN ${report.year}`,
    "IKM 25–100 (Permenpan RB 14/2017). Mutu pelayanan: A 88,31–100 Sangat Baik; B 76,61–88,30 Baik; " +
      "C 65,00–76,60 Kurang Baik; D 25,00–64,99 Tidak Baik.",
  ];
}

/** "A (Sangat Baik)". */
export const bandText = (band: SkmBand): string => `${band} (${SKM_BAND_LABEL[band].id})`;

/** "2019", "Semester I 2019"; a code the domain does not know is printed as given. */
export function periodText(code: string): string {
  try {
    return periodLabel(parsePeriod(code), "id");
  } catch {
    return code;
  }
}

/** "1. Pelayanan Kesehatan Ibu Hamil", by the service's number in the report. */
export function surveyServiceText(report: SpmReport, survey: SpmReportSurvey): string {
  const service = report.services.find((s) => s.number === survey.serviceNumber);
  return service === undefined ? String(survey.serviceNumber) : `${service.number}. ${service.name}`;
}
