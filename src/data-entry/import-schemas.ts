import { z } from "zod";
import { fileNameSchema } from "../lib/route-schemas.js";
import { formQuerySchema } from "./schemas.js";

export const valuesTemplateQuerySchema = z.object({
  dataSetId: z.uuid(),
  period: formQuerySchema.shape.period.optional(),
});

export const valuesImportQuerySchema = z.object({ dataSetId: z.uuid(), fileName: fileNameSchema });

const importRowSchema = z.object({
  row: z.number().int(),
  orgUnitCode: z.string(),
  orgUnitName: z.string().nullable(),
  period: z.string(),
  errors: z.array(z.string()),
  changes: z.array(z.object({ code: z.string(), old: z.string().nullable(), new: z.string() })),
  unchanged: z.number().int(),
});

/** At most 200 rows of an upload, those with errors first; the rest only counted. */
export const valuesImportPreviewSchema = z.object({
  rows: z.array(importRowSchema),
  counts: z.object({
    rows: z.number().int(),
    withErrors: z.number().int(),
    forms: z.number().int(),
    values: z.number().int(),
    unchanged: z.number().int(),
  }),
});

export const valuesImportedSchema = z.object({ forms: z.number().int(), values: z.number().int() });
