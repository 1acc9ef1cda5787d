import { z } from "zod";
import { fileNameSchema, paperSchema } from "../lib/route-schemas.js";
import { reasonSchema, revisionSchema } from "../lib/write-schemas.js";

const written = z
  .string()
  .describe('target as written in the Renstra: "72,18", "≤ 8,5", "R4 : 11 Unit", "-"');

const realisasiSchema = z.object({
  value: z.string().nullable().describe("canonical decimal; null: none yet"),
  source: z.enum(["data", "entered"]).nullable().describe("computed from approved data, or entered"),
  entered: z.string().nullable().describe("the entered value, also when data take precedence"),
  note: z.string().nullable(),
  revision: z.number().int().nullable().describe("revision of the entered value, for the next edit"),
});

export const departureSchema = z
  .enum(["same", "weaker", "stronger", "not_comparable"])
  .describe("the yearly target against the Renstra's target that year, by the indicator's polarity");

export const renstraCascadeSchema = z.object({
  id: z.uuid(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  orgUnitPath: z.string(),
  title: z.string(),
  startYear: z.number().int(),
  endYear: z.number().int(),
  version: z.number().int(),
  versionLabel: z.string().describe("Murni, Perubahan I, Perubahan II"),
  status: z.enum(["draft", "signed"]),
  versions: z.array(
    z.object({
      id: z.uuid(),
      version: z.number().int(),
      status: z.enum(["draft", "signed"]),
      label: z.string(),
    }),
  ),
  years: z.array(z.number().int()),
  rows: z.array(
    z.object({
      planIndicatorId: z.uuid(),
      indicatorId: z.uuid(),
      nodeId: z.uuid(),
      level: z.enum(["tujuan", "sasaran", "program"]),
      tujuan: z.string().nullable(),
      sasaran: z.string().nullable(),
      program: z.string().nullable(),
      name: z.string(),
      unit: z.string(),
      polarity: z.enum(["higher", "lower"]),
      end: written.nullable().describe("target akhir Renstra; null when the document gives none"),
      baseline: realisasiSchema.describe("realisasi of the year before the Renstra (kondisi awal)"),
      years: z.array(
        z.object({
          year: z.number().int(),
          renstra: written,
          yearly: z.array(
            z.object({
              planId: z.uuid(),
              planIndicatorId: z.uuid(),
              kind: z.enum(["pk", "rak"]),
              title: z.string(),
              version: z.number().int(),
              target: z.string(),
              departure: departureSchema,
            }),
          ),
          realisasi: realisasiSchema,
        }),
      ),
    }),
  ),
  programs: z.array(
    z.object({
      nodeId: z.uuid(),
      code: z.string().nullable(),
      name: z.string(),
      sasaran: z.string().nullable(),
      budgets: z.array(z.object({ year: z.number().int(), amount: z.number().int().nullable() })),
      total: z.number().int().nullable(),
    }),
  ),
});

/** A Renstra upload's query: the org unit it is for and the file's original name. */
export const renstraImportQuerySchema = z.object({
  orgUnitId: z.uuid(),
  fileName: fileNameSchema.describe("nama berkas asli, untuk mengenali .csv"),
});

const warningSchema = z.object({
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
  row: z.number().int().nullable(),
});
const summarySchema = z.object({
  tujuan: z.number().int(),
  sasaran: z.number().int(),
  program: z.number().int(),
  indicators: z.number().int(),
});

export const renstraImportPreviewSchema = z.object({
  startYear: z.number().int(),
  endYear: z.number().int(),
  summary: summarySchema,
  warnings: z.array(warningSchema),
  document: z.unknown(),
});

export const renstraImportedSchema = z.object({
  planId: z.uuid(),
  version: z.number().int(),
  versionLabel: z.string(),
  summary: summarySchema,
  warnings: z.array(warningSchema),
});

export const renstraExportQuerySchema = z.object({ paper: paperSchema });

export const renstraTemplateQuerySchema = z.object({
  startYear: z.coerce.number().int().min(2000).max(2096).describe("the Renstra's first year"),
  years: z.coerce.number().int().min(1).max(10).default(5).describe("how many years it covers"),
});

export const renstraLinkParamsSchema = z.object({ id: z.uuid(), indicatorId: z.uuid() });
export const renstraLinkInputSchema = z.object({
  renstraIndicatorId: z.uuid().nullable().describe("the Renstra indicator served; null to unlink"),
  reason: reasonSchema,
});
export const renstraLinkedSchema = z.object({ revision: z.number().int() });

export const renstraOptionsSchema = z.object({
  year: z.number().int().describe("the yearly plan's year: the targets shown are the Renstra's for it"),
  groups: z.array(
    z.object({
      planId: z.uuid(),
      title: z.string(),
      startYear: z.number().int(),
      endYear: z.number().int(),
      version: z.number().int(),
      versionLabel: z.string(),
      active: z.boolean().describe("the version in force of that Renstra"),
      indicators: z.array(
        z.object({
          planIndicatorId: z.uuid(),
          name: z.string(),
          unit: z.string(),
          level: z.enum(["tujuan", "sasaran", "program"]),
          nodeName: z.string(),
          target: written,
        }),
      ),
    }),
  ),
});
export type RenstraOptions = z.infer<typeof renstraOptionsSchema>;

export const yearRealisasiInputSchema = z.object({
  indicatorId: z.uuid().describe("the catalogue indicator of a Renstra row"),
  year: z.number().int().min(2000).max(2100),
  value: z.string().trim().min(1).max(40).describe('as typed, "72,21" or "72.21"'),
  note: z.string().trim().max(2000).nullable().default(null),
  revision: revisionSchema.nullable(),
});
export const yearRealisasiSavedSchema = z.object({ revision: z.number().int(), value: z.string() });

export type RenstraCascade = z.infer<typeof renstraCascadeSchema>;
export type RenstraImportQuery = z.infer<typeof renstraImportQuerySchema>;
