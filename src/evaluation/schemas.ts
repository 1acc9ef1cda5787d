import { z } from "zod";
import { paperSchema } from "../lib/route-schemas.js";

/**
 * The quarterly evaluation of a RAK (Permendagri 86/2017) as the GET route answers it: per indicator the
 * targets and realisasi per quarter and to date, capaian and category, the forecast, the planner's
 * analysis and, for realisasi computed from data, where it came from; per program/kegiatan the budget.
 */
const level = z.enum(["tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan"]);
const quarterly = <T extends z.ZodType>(item: T) => z.tuple([item, item, item, item]);
const text = z.object({ id: z.string(), en: z.string() });

export const capaianCellSchema = z.object({
  /** Percent with 2 decimals as a canonical decimal string ("96.5"), or null when not computable. */
  value: z.string().nullable(),
  /** Permendagri 86/2017 category, Indonesian ("sangat tinggi" … "sangat rendah"), null when no value. */
  category: z.string().nullable(),
  /** Why there is no value, in Indonesian ("Tidak dapat dihitung: tidak ada target") and English. */
  reason: z.string().nullable(),
  reasonEn: z.string().nullable(),
});

/** Where a realisasi computed from data came from, to date: never a silent 0 for a missing report. */
export const provenanceSchema = z.object({
  definitionId: z.uuid(),
  definitionCode: z.string().nullable(),
  definitionName: z.string(),
  kind: z.enum(["ratio", "count", "direct"]),
  factor: z.number().int().nullable(),
  numerator: z.string().describe("the expression"),
  denominator: z.string().nullable(),
  /** Data element codes the expressions read. */
  elements: z.array(z.string()),
  /** Summed approved values to date; null when no approved report holds them yet. */
  numeratorSum: z.string().nullable(),
  denominatorSum: z.string().nullable(),
  /** Reports of facilities assigned to the data sets holding those elements, × months to date. */
  expectedReports: z.number().int(),
  approvedReports: z.number().int(),
  missing: z.array(z.object({ orgUnitName: z.string(), period: z.string() })),
});

export const evaluationIndicatorRowSchema = z.object({
  planIndicatorId: z.uuid(),
  /** The catalogue indicator, to which a pengelola program may be limited. */
  indicatorId: z.uuid(),
  /** Revision of the entered realisasi/analysis per quarter (null: nothing entered yet), for the next edit. */
  revisions: quarterly(z.number().int().nullable()),
  /** The node the indicator belongs to, and its ancestors by level, for the merged name columns. */
  nodeId: z.uuid(),
  level,
  sasaran: z.string().nullable(),
  program: z.string().nullable(),
  kegiatan: z.string().nullable(),
  subKegiatan: z.string().nullable(),
  indicator: z.string(),
  unit: z.string(),
  polarity: z.enum(["higher", "lower"]),
  /** The formula used for capaian, printed in the report ("realisasi / target × 100%"). */
  formula: z.string(),
  /** Stored targets: canonical decimals, "-" for none, "11 dan 2". */
  targetYear: z.string(),
  targets: quarterly(z.string()),
  /** Realisasi per quarter (canonical decimal strings), null = not reported yet. */
  realisasi: quarterly(z.string().nullable()),
  /** Where realisasi came from: computed from approved data, entered directly, or nothing yet. */
  source: z.enum(["data", "entered", "none"]),
  provenance: provenanceSchema.nullable().optional(),
  targetToDate: z.string().nullable(),
  realisasiToDate: z.string().nullable(),
  capaianQuarter: capaianCellSchema,
  capaianToDate: capaianCellSchema,
  forecast: z.object({
    projected: z.string().nullable(),
    capaian: z.string().nullable(),
    status: z.enum(["on_track", "at_risk", "off_track", "unknown"]),
    explanation: text,
  }),
  faktorPendorong: z.string().nullable(),
  faktorPenghambat: z.string().nullable(),
  tindakLanjut: z.string().nullable(),
});

export const evaluationBudgetRowSchema = z.object({
  nodeId: z.uuid(),
  level,
  name: z.string(),
  /** Pagu, whole Rupiah; null when the plan gives none. */
  pagu: z.number().nullable(),
  realisasi: quarterly(z.number().nullable()),
  /** Revision of each quarter's entry (null: nothing entered yet), for the next edit. */
  revisions: quarterly(z.number().int().nullable()),
  realisasiToDate: z.number().nullable(),
  /** Serapan to date in percent (canonical decimal string), null when not computable. */
  serapan: z.string().nullable(),
});

export const evaluationSchema = z.object({
  plan: z.object({
    id: z.uuid(),
    title: z.string(),
    orgUnitName: z.string(),
    year: z.number().int(),
    version: z.number().int(),
    signatory: z.object({
      position: z.string(),
      name: z.string(),
      nip: z.string(),
      place: z.string().optional(),
      date: z.string().optional(),
    }),
  }),
  /** The quarter evaluated (1–4): "Triwulan I 2024". */
  quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  periodLabel: z.string(),
  indicators: z.array(evaluationIndicatorRowSchema),
  budgets: z.array(evaluationBudgetRowSchema),
  /** ISO timestamp */
  generatedAt: z.string(),
});

const quarter = z.coerce.number().int().min(1).max(4);
const analysisText = z.string().trim().max(4000).nullable().optional();

export const evaluationQuerySchema = z.object({ quarter });
export const evaluationDownloadQuerySchema = z.object({ quarter, paper: paperSchema });

export const indicatorQuarterParamsSchema = z.object({ id: z.uuid(), indicatorId: z.uuid(), quarter });
/** An indicator's direct realisasi and the analysis of one quarter. */
export const indicatorQuarterInputSchema = z.object({
  revision: z.number().int().min(1).nullable().describe("null when nothing was entered yet"),
  realisasi: analysisText,
  faktorPendorong: analysisText,
  faktorPenghambat: analysisText,
  tindakLanjut: analysisText,
});
export const indicatorQuarterSavedSchema = z.object({ revision: z.number().int() }).loose();

export const budgetQuarterParamsSchema = z.object({ id: z.uuid(), nodeId: z.uuid(), quarter });
/** The Rupiah spent by a node in one quarter. */
export const budgetRealisasiInputSchema = z.object({
  revision: z.number().int().min(1).nullable(),
  amount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable().describe("null clears it"),
});
export const budgetRealisasiSavedSchema = z
  .object({ revision: z.number().int(), amount: z.number().int().nullable() })
  .loose();
