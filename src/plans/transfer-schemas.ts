import { z } from "zod";
import { fileNameSchema, paperSchema } from "../lib/route-schemas.js";
import { importVersionSchema, planChangeSchema } from "./version-schemas.js";

/** A RAK upload's query: the region and year it is for, and the file's original name. */
export const rakImportQuerySchema = z.object({
  orgUnitId: z.uuid(),
  year: z.coerce.number().int().min(2000).max(2100),
  fileName: fileNameSchema.describe("nama berkas asli, untuk mengenali .csv"),
});

const warningSchema = z.object({
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
  row: z.number().int().nullable(),
});
const summarySchema = z.object({
  sasaran: z.number().int(),
  program: z.number().int(),
  kegiatan: z.number().int(),
  subKegiatan: z.number().int(),
  indicators: z.number().int(),
  budgetTotal: z.number().int(),
});

export const rakImportPreviewSchema = z.object({
  summary: summarySchema,
  warnings: z.array(warningSchema),
  document: z.unknown(),
  version: importVersionSchema,
});

export const rakImportedSchema = z.object({
  planId: z.uuid(),
  version: z.number().int(),
  summary: summarySchema,
  warnings: z.array(warningSchema),
  changes: z.array(planChangeSchema),
  carried: z.object({ indicatorQuarters: z.number().int(), budgetQuarters: z.number().int() }),
});

export const planExportQuerySchema = z.object({
  paper: paperSchema,
  document: z.enum(["rak", "pk"]).default("rak").describe("rak = with quarters; pk = Perjanjian Kinerja"),
});

export type RakImportQuery = z.infer<typeof rakImportQuerySchema>;
