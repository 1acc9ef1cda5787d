import { z } from "zod";

export const yearSchema = z.coerce.number().int().min(2000).max(2100);

export const surveyListQuerySchema = z.object({ orgUnitId: z.uuid(), year: yearSchema });

export const skmResultSchema = z.object({
  respondents: z.number().int(),
  ikm: z.string().describe('IKM 25–100, desimal kanonik ("86.11")'),
  band: z.enum(["A", "B", "C", "D"]),
  elementMeans: z.array(z.string()).describe("rata-rata U1–U9"),
});

export const surveySummarySchema = z.object({
  id: z.uuid(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  serviceId: z.uuid(),
  serviceNumber: z.number().int(),
  serviceName: z.string(),
  period: z.string(),
  note: z.string().nullable(),
  revision: z.number().int(),
  respondents: z.number().int(),
  result: skmResultSchema.nullable().describe("null: belum ada kuesioner"),
});

export const surveyListSchema = z.object({
  surveys: z.array(surveySummarySchema),
  services: z
    .array(z.object({ id: z.uuid(), number: z.number().int(), name: z.string() }))
    .describe("jenis pelayanan SPM yang berlaku di wilayah ini pada tahun itu"),
  facilities: z
    .array(z.object({ id: z.uuid(), name: z.string() }))
    .describe("fasyankes di bawah unit ini yang surveinya boleh Anda isi"),
});

export const createSurveySchema = z.object({
  orgUnitId: z.uuid(),
  serviceId: z.uuid(),
  period: z.string().trim().min(4).max(10).describe("2024 (tahun), 2024S1 (semester) atau 2024Q1 (triwulan)"),
  note: z.string().trim().max(500).nullable().optional(),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");

export const questionnaireSchema = z.object({
  respondentNo: z.number().int(),
  // Loose on purpose: a wrong score is answered with a 422 naming the row, not a bare validation error.
  scores: z.array(z.number().nullable()).max(20),
  respondedOn: isoDate.nullable().optional(),
  gender: z.enum(["L", "P"]).nullable().optional(),
  age: z.number().nullable().optional(),
  education: z.string().trim().max(100).nullable().optional(),
  occupation: z.string().trim().max(100).nullable().optional(),
});

export const setResponsesSchema = z.object({
  revision: z.number().int().describe("revisi survei saat kuesioner dibuka"),
  responses: z.array(questionnaireSchema).max(5000),
});

export const surveyDetailSchema = surveySummarySchema.extend({
  canEdit: z.boolean(),
  periodStart: z.string(),
  periodEnd: z.string(),
  responses: z.array(
    questionnaireSchema.extend({
      scores: z.array(z.number().int()),
      respondedOn: z.string().nullable(),
      gender: z.enum(["L", "P"]).nullable(),
      age: z.number().int().nullable(),
      education: z.string().nullable(),
      occupation: z.string().nullable(),
    }),
  ),
});

const rowProblemSchema = z.object({
  row: z.number().int(),
  respondentNo: z.number().int().nullable(),
  message: z.string(),
  messageEn: z.string(),
});

export const importQuerySchema = z.object({
  dryRun: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true")
    .describe("true: pratinjau saja; false: simpan"),
  fileName: z.string().trim().min(1).max(255).describe("nama berkas asli, untuk mengenali .csv"),
  revision: z.coerce.number().int().optional().describe("revisi survei saat pratinjau; ditolak bila berubah"),
});

export const importResultSchema = z.object({
  dryRun: z.boolean(),
  rowsRead: z.number().int(),
  problems: z.array(rowProblemSchema),
  result: skmResultSchema.nullable(),
  replaces: z.number().int().describe("jumlah kuesioner yang sekarang ada dan akan diganti"),
  revision: z.number().int(),
});

export type SurveyList = z.infer<typeof surveyListSchema>;
export type SurveyDetail = z.infer<typeof surveyDetailSchema>;
export type ImportResult = z.infer<typeof importResultSchema>;
