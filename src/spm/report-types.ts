/**
 * The annual SPM report of the Kepala Dinas to the Wali Kota (Perwal Depok 57/2017 Pasal 9): per service
 * the target, numerator, denominator, capaian and the gap to 100 %, with explanations, and the Survei
 * Kepuasan Masyarakat results. Computed from the facilities' data; printed by reports/spm.
 */
export interface SpmReportService {
  number: number;
  /** Jenis pelayanan dasar, e.g. "Pelayanan Kesehatan Ibu Hamil". */
  name: string;
  indicator: string;
  /** Target percent as written ("100"). */
  target: string;
  /** Numerator and denominator as canonical decimal strings; null when not reported. */
  numerator: string | null;
  denominator: string | null;
  /** How the denominator was obtained when estimated ("1500000 × 25,8% (Riskesdas 2013, 2013) = 387000"). */
  denominatorNote: string | null;
  /** Capaian percent, 2 decimals, or null with the reason. */
  capaian: string | null;
  reason: string | null;
  /** 100 − capaian, 2 decimals (negative when above 100); null when capaian is null. */
  gap: string | null;
  /** Expected reports and those that arrived, for the figures' completeness. */
  expectedReports: number;
  receivedReports: number;
  /** Analysis written by the Dinas. */
  masalah: string | null;
  pemecahanMasalah: string | null;
  /** Survey result for this service, when a survey was held. */
  ikm: { value: string; band: "A" | "B" | "C" | "D"; respondents: number } | null;
}

export interface SpmReport {
  regulation: string;
  orgUnitName: string;
  /** e.g. "Kota Depok" for the title "… KOTA DEPOK TAHUN 2019". */
  regionName: string;
  year: number;
  services: SpmReportService[];
  signatory: { position: string; name: string; nip: string; place?: string; date?: string };
  generatedAt: string;
}
