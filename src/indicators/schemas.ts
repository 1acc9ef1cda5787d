import { z } from "zod";
import { TIME_AGGREGATIONS } from "../domain/index.js";
import { reasonSchema, revisionSchema } from "../lib/write-schemas.js";

const expression = z.string().max(2000);

/** A definition as the editor sends it: to check, to preview, to save. */
export const definitionDraftSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9_]{1,50}$/, "huruf besar, angka dan _ / capitals, digits and _"),
  name: z.string().trim().min(1).max(1000),
  unit: z.string().trim().max(100),
  kind: z.enum(["ratio", "count", "direct"]),
  factor: z.number().int().nullable().optional().describe("1, 100, 1000 or 100000 for a ratio"),
  polarity: z.enum(["higher", "lower"]),
  lowerFormula: z.enum(["two_target_minus", "target_over_realisasi"]),
  timeAggregation: z.enum(TIME_AGGREGATIONS),
  numerator: expression.describe("#{KODE} expression; the value of a count or direct indicator"),
  denominator: expression.nullable().optional(),
  definition: z.string().trim().max(4000).nullable().optional().describe("definisi operasional"),
});

export const definitionCreateSchema = definitionDraftSchema.extend({
  orgUnitId: z.uuid().describe("the Dinas that owns the definition"),
});

export const definitionEditSchema = definitionDraftSchema.extend({
  revision: revisionSchema,
  reason: reasonSchema.describe("alasan; required once a signed plan uses it"),
});

export const checkSchema = definitionDraftSchema.extend({
  orgUnitId: z.uuid().describe("the kab/kota whose approved data the preview reads"),
  puskesmasId: z.uuid().optional().describe("the facility to preview; default: the first with data"),
  id: z.uuid().optional().describe("the definition being edited, so its own code is not a clash"),
});

const issueSchema = z.object({
  field: z.enum(["numerator", "denominator", "unit", "factor"]),
  code: z.string(),
  position: z.number().int().nullable(),
  message: z.object({ id: z.string(), en: z.string() }),
});

const previewValueSchema = z.object({
  orgUnitId: z.uuid(),
  name: z.string(),
  value: z.string().nullable(),
  numerator: z.string().nullable(),
  denominator: z.string().nullable(),
  reason: z.object({ id: z.string(), en: z.string() }).nullable(),
});

export const checkResultSchema = z.object({
  issues: z.array(issueSchema),
  preview: z
    .object({
      period: z.string().describe("YYYYMM, the last month with approved values of these elements"),
      kota: previewValueSchema,
      puskesmas: previewValueSchema.nullable(),
    })
    .nullable(),
});

export const definitionSchema = z.object({
  id: z.uuid(),
  code: z.string().nullable(),
  name: z.string(),
  unit: z.string(),
  kind: z.enum(["ratio", "count", "direct"]),
  factor: z.number().int().nullable(),
  polarity: z.enum(["higher", "lower"]),
  lowerFormula: z.enum(["two_target_minus", "target_over_realisasi"]),
  timeAggregation: z.enum(TIME_AGGREGATIONS),
  numerator: z.string().nullable(),
  denominator: z.string().nullable(),
  definition: z.string().nullable(),
  ownerOrgUnitId: z.uuid().nullable(),
  revision: z.number().int(),
  /** Plan indicators linked to it or standing for it, and how many of those are in signed plans. */
  usedBy: z.number().int(),
  usedBySigned: z.number().int(),
});

export const savedDefinitionSchema = definitionSchema.omit({ usedBy: true, usedBySigned: true });

export const definitionListSchema = z.object({
  elements: z.array(z.object({ code: z.string(), name: z.string() })),
  definitions: z.array(definitionSchema),
});

export const listQuerySchema = z.object({
  fed: z.enum(["true", "false"]).optional().describe("true: only definitions fed by data elements"),
});

export type DefinitionDraftInput = z.infer<typeof definitionDraftSchema>;
export type DefinitionCreate = z.infer<typeof definitionCreateSchema>;
export type DefinitionEdit = z.infer<typeof definitionEditSchema>;
export type CheckInput = z.infer<typeof checkSchema>;
export type CheckResult = z.infer<typeof checkResultSchema>;
export type DefinitionRow = z.infer<typeof definitionSchema>;
export type DefinitionList = z.infer<typeof definitionListSchema>;
