import { z } from "zod";
import { periodCodeSchema } from "../periods/schemas.js";

const period = periodCodeSchema;

/** The workflow's states (src/domain/workflow.ts), as the forms and the completeness list show them. */
export const reportStatusSchema = z.enum(["draft", "submitted", "verified", "approved", "returned"]);

export const formQuerySchema = z.object({ dataSetId: z.uuid(), orgUnitId: z.uuid(), period });

export const formSchema = z.object({
  dataSet: z.object({ id: z.uuid(), code: z.string(), name: z.string(), periodType: z.string() }),
  orgUnit: z.object({ id: z.uuid(), name: z.string() }),
  period: z.object({ code: z.string(), label: z.string(), deadline: z.string() }),
  elements: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      name: z.string(),
      valueType: z.enum(["integer", "number"]),
      section: z.string().nullable(),
    }),
  ),
  values: z.array(
    z.object({
      dataElementId: z.uuid(),
      value: z.string(),
      comment: z.string().nullable(),
      revision: z.number().int(),
    }),
  ),
  report: z.object({
    status: reportStatusSchema,
    revision: z.number().int(),
    returnedReason: z.string().nullable(),
    submittedAt: z.string().nullable(),
    onTime: z.boolean().nullable(),
    /** Submitted as laporan nihil: nothing to report this period. */
    nihil: z.boolean(),
  }),
  findings: z.array(
    z.object({
      code: z.string(),
      severity: z.enum(["error", "warning"]),
      message: z.string(),
      messageEn: z.string(),
      dataElements: z.array(z.string()),
    }),
  ),
  /** Whether the data set opens this period for entry today; a closed form is shown read-only. */
  entry: z.object({ open: z.boolean(), message: z.string().nullable(), messageEn: z.string().nullable() }),
});

export const saveValuesSchema = formQuerySchema.extend({
  values: z
    .array(
      z.object({
        dataElementId: z.uuid(),
        /** As typed ("1.234", "12,5"); empty or null deletes the value. */
        value: z.string().max(40).nullable(),
        comment: z.string().max(1000).nullable().optional(),
        /** The revision the entry started from; omitted for a value that did not exist. */
        revision: z.number().int().min(1).nullable().optional(),
      }),
    )
    .min(1)
    .max(1000),
});

export const transitionSchema = formQuerySchema.extend({
  action: z.enum(["submit", "verify", "approve", "return", "reopen"]),
  reason: z.string().trim().max(1000).optional(),
  nihilReason: z
    .string()
    .max(1000)
    .optional()
    .describe("submit only: laporan nihil, nothing to report this period, and why"),
});

/** A data set as the entry screens pick it: with the reporting units the reader may see. */
export const entryDataSetSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  periodType: z.enum(["month", "quarter", "year"]),
  deadlineDays: z.number().int(),
  orgUnits: z.array(z.object({ id: z.uuid(), name: z.string() })),
});

export const completenessSchema = z.object({
  expected: z.number().int(),
  received: z.number().int(),
  onTime: z.number().int(),
  completenessPercent: z.number().nullable(),
  timelinessPercent: z.number().nullable(),
  units: z.array(
    z.object({
      orgUnitId: z.uuid(),
      name: z.string(),
      status: reportStatusSchema,
      submittedAt: z.string().nullable(),
      onTime: z.boolean().nullable(),
      nihil: z.boolean(),
    }),
  ),
});

export type Form = z.infer<typeof formSchema>;
export type EntryDataSet = z.infer<typeof entryDataSetSchema>;
export type Completeness = z.infer<typeof completenessSchema>;
export type SaveValues = z.infer<typeof saveValuesSchema>;

export const entryDataSetListSchema = z.array(entryDataSetSchema);
export const completenessQuerySchema = z.object({ dataSetId: z.uuid(), period });
