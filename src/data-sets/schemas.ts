import { z } from "zod";
import { ELEMENT_CODE } from "../domain/index.js";
import { dryRunSchema, fileNameSchema } from "../lib/route-schemas.js";
import { revisionSchema } from "../lib/write-schemas.js";
import { periodCodeSchema } from "../periods/schemas.js";

const setCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{1,50}$/, "kode: huruf, angka, _ . - (maks. 50)");

export const elementInputSchema = z.object({
  code: z.string().trim().regex(ELEMENT_CODE, "kode: huruf, angka dan _ (maks. 50), dipakai sebagai #{KODE}"),
  name: z.string().trim().min(1).max(300),
  valueType: z.enum(["integer", "number"]),
  description: z.string().trim().max(2000).nullable().optional(),
});

export const elementUpdateSchema = elementInputSchema.extend({
  archived: z.boolean().optional(),
  revision: revisionSchema,
});

export const elementSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  valueType: z.enum(["integer", "number"]),
  description: z.string().nullable(),
  archived: z.boolean(),
  revision: z.number().int(),
  /** Whether the caller may change it (the element belongs to a Dinas in the caller's scope). */
  editable: z.boolean(),
  /** How many data sets hold (or held) it: a used element is archived, not deleted. */
  dataSets: z.number().int(),
});

export const ruleSchema = z.object({
  code: z.string().trim().min(1).max(50),
  left: z.string().trim().min(1).max(1000),
  operator: z.enum(["<=", "<", ">=", ">", "==", "!="]),
  right: z.string().trim().min(1).max(1000),
  severity: z.enum(["error", "warning"]),
  message: z.object({ id: z.string().trim().max(500), en: z.string().trim().max(500) }),
});

export const dataSetInputSchema = z.object({
  code: setCode,
  name: z.string().trim().min(1).max(300),
  periodType: z.enum(["month", "quarter", "year"]),
  deadlineDays: z.number().int().min(0).max(366),
  jumpPercent: z.number().int().min(1).max(10000),
  openFrom: periodCodeSchema.nullable(),
  openFuturePeriods: z.number().int().min(0).max(24),
  rules: z.array(ruleSchema).max(200),
  elements: z
    .array(z.object({ dataElementId: z.uuid(), section: z.string().trim().max(200).nullable() }))
    .max(1000),
  orgUnitIds: z.array(z.uuid()).max(5000),
  /** From which period a change of elements applies; earlier forms keep theirs. Default: the current period. */
  effectiveFrom: periodCodeSchema.nullable().optional(),
});

export const dataSetUpdateSchema = dataSetInputSchema.extend({ revision: revisionSchema });

const memberSchema = z.object({
  dataElementId: z.uuid(),
  code: z.string(),
  name: z.string(),
  valueType: z.enum(["integer", "number"]),
  section: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});

export const dataSetSummarySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  periodType: z.enum(["month", "quarter", "year"]),
  elements: z.number().int(),
  orgUnits: z.number().int(),
  editable: z.boolean(),
});

export const dataSetDetailSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  periodType: z.enum(["month", "quarter", "year"]),
  deadlineDays: z.number().int(),
  jumpPercent: z.number().int(),
  openFrom: z.string().nullable(),
  openFuturePeriods: z.number().int(),
  rules: z.array(ruleSchema),
  revision: z.number().int(),
  editable: z.boolean(),
  /** Whether any report exists: then a change of elements applies from a period on. */
  reported: z.boolean(),
  elements: z.array(memberSchema),
  /** Elements that left the form, with the last period they belonged to. */
  former: z.array(memberSchema),
  orgUnitIds: z.array(z.uuid()),
});

export const importPreviewSchema = z.object({
  code: z.string(),
  name: z.string(),
  exists: z.boolean(),
  /** What will change, one line each, Indonesian and English. */
  changes: z.array(z.object({ id: z.string(), en: z.string() })),
  newElements: z.array(
    z.object({ code: z.string(), name: z.string(), valueType: z.enum(["integer", "number"]) }),
  ),
  errors: z.array(z.object({ id: z.string(), en: z.string() })),
});

export type ElementInput = z.infer<typeof elementInputSchema>;
export type ElementUpdate = z.infer<typeof elementUpdateSchema>;
export type DataElementRow = z.infer<typeof elementSchema>;
export const elementListSchema = z.array(elementSchema);
export const dataSetSummaryListSchema = z.array(dataSetSummarySchema);

/** The import's query: the uploaded file's name and whether to only check it. */
export const dataSetImportQuerySchema = z.object({ fileName: fileNameSchema, dryRun: dryRunSchema });

export type DataSetInput = z.infer<typeof dataSetInputSchema>;
export type DataSetUpdate = z.infer<typeof dataSetUpdateSchema>;
export type DataSetDetail = z.infer<typeof dataSetDetailSchema>;
export type DataSetSummary = z.infer<typeof dataSetSummarySchema>;
export type ImportPreview = z.infer<typeof importPreviewSchema>;
