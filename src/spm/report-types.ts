import { z } from "zod";

/**
 * The annual SPM report of the Kepala Dinas to the Wali Kota (Perwal Depok 57/2017 Pasal 9): per service
 * the target, numerator, denominator, capaian and the gap to 100 %, with explanations, and the Survei
 * Kepuasan Masyarakat results. Computed from the facilities' data (spm/report.ts); printed by reports/spm.
 */
export const spmReportServiceSchema = z.object({
  serviceId: z.uuid().optional(),
  number: z.number().int(),
  /** Jenis pelayanan dasar, e.g. "Pelayanan Kesehatan Ibu Hamil". */
  name: z.string(),
  indicator: z.string(),
  /** Target percent as written ("100"). */
  target: z.string(),
  /** Numerator and denominator as canonical decimal strings; null when not reported. */
  numerator: z.string().nullable(),
  denominator: z.string().nullable(),
  /** How the denominator was obtained when estimated ("1.680.000 × 25,8% (Riskesdas, 2013) = 433.440"). */
  denominatorNote: z.string().nullable(),
  /** Capaian percent, 2 decimals, or null with the reason. */
  capaian: z.string().nullable(),
  reason: z.string().nullable(),
  /** 100 − capaian, 2 decimals (negative when above 100); null when capaian is null. */
  gap: z.string().nullable(),
  /** Expected reports and those approved, for the figures' completeness. */
  expectedReports: z.number().int(),
  receivedReports: z.number().int(),
  /** Analysis written by the Dinas. */
  masalah: z.string().nullable(),
  pemecahanMasalah: z.string().nullable(),
  /** Revision of the stored explanation, for optimistic concurrency; null when never written. */
  revision: z.number().int().nullable(),
  /** Survey result for this service over every facility, when a survey was held. */
  ikm: z
    .object({ value: z.string(), band: z.enum(["A", "B", "C", "D"]), respondents: z.number().int() })
    .nullable(),
});

/** One facility's survey of one service: the IKM per facility the report lists after the services. */
export const spmReportSurveySchema = z.object({
  orgUnitName: z.string(),
  serviceNumber: z.number().int(),
  period: z.string(),
  respondents: z.number().int(),
  ikm: z.string(),
  band: z.enum(["A", "B", "C", "D"]),
});

export const spmReportSchema = z.object({
  regulation: z.string(),
  orgUnitName: z.string(),
  /** e.g. "Kota Depok" for the title "… KOTA DEPOK TAHUN 2019". */
  regionName: z.string(),
  year: z.number().int(),
  services: z.array(spmReportServiceSchema),
  surveys: z.array(spmReportSurveySchema),
  signatory: z.object({
    position: z.string(),
    name: z.string(),
    nip: z.string(),
    place: z.string().optional(),
    date: z.string().optional(),
  }),
  /** Revision of the stored signatory/date, for optimistic concurrency; null when never saved. */
  revision: z.number().int().nullable(),
  generatedAt: z.string(),
});

export type SpmReport = z.infer<typeof spmReportSchema>;
export type SpmReportService = z.infer<typeof spmReportServiceSchema>;
export type SpmReportSurvey = z.infer<typeof spmReportSurveySchema>;
