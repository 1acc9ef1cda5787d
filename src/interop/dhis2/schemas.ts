import { z } from "zod";

const scheme = z
  .enum(["UID", "CODE", "NAME", "uid", "code", "name"])
  .transform((s) => s.toUpperCase() as "UID" | "CODE" | "NAME");
const flag = z
  .enum(["true", "false"])
  .transform((v) => v === "true")
  .optional();

export type IdScheme = "UID" | "CODE" | "NAME";

/** DHIS2's import options that capaian honours; `format` overrides the content type. */
export const importQuerySchema = z.object({
  dryRun: flag,
  importStrategy: z
    .enum(["CREATE", "UPDATE", "CREATE_AND_UPDATE", "DELETE", "NEW_AND_UPDATES", "NEW", "UPDATES"])
    .optional(),
  atomicMode: z.enum(["ALL", "NONE"]).optional(),
  idScheme: scheme.optional(),
  dataElementIdScheme: scheme.optional(),
  orgUnitIdScheme: scheme.optional(),
  dataSetIdScheme: scheme.optional(),
  dataSet: z.string().trim().min(1).max(200).optional(),
  format: z.enum(["json", "csv", "adx"]).optional(),
  /** true: run as a job whatever the size (answers 202); large files always do. */
  async: flag,
});

export type ImportQuery = z.infer<typeof importQuerySchema>;

const count = z.number().int().nonnegative();

/** DHIS2's ImportSummary; `value` is the Indonesian message, `valueEn` the English one. */
export const importSummarySchema = z.object({
  responseType: z.literal("ImportSummary"),
  status: z.enum(["SUCCESS", "WARNING", "ERROR"]),
  description: z.string(),
  descriptionEn: z.string(),
  dryRun: z.boolean(),
  importCount: z.object({ imported: count, updated: count, ignored: count, deleted: count }),
  conflicts: z.array(
    z.object({
      object: z.string(),
      value: z.string(),
      valueEn: z.string(),
      errorCode: z.string(),
      indexes: z.array(count),
    }),
  ),
  /** Conflicts beyond the first thousand are counted, not listed. */
  totalConflicts: count,
});

export type ImportSummary = z.infer<typeof importSummarySchema>;

export const exportQuerySchema = z
  .object({
    dataSet: z.string().trim().min(1).max(200),
    orgUnit: z.string().trim().min(1).max(200),
    children: flag,
    period: z.string().trim().min(1).max(40).optional(),
    startDate: z.iso.date().optional(),
    endDate: z.iso.date().optional(),
    idScheme: scheme.optional(),
    format: z.enum(["json", "csv", "adx"]).optional(),
  })
  .refine((q) => q.period !== undefined || (q.startDate !== undefined && q.endDate !== undefined), {
    message: "period, or startDate and endDate",
  });

export type ExportQuery = z.infer<typeof exportQuerySchema>;
