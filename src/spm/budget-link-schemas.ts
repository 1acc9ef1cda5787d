import { z } from "zod";
import { reasonSchema } from "../lib/write-schemas.js";
import { spmRegionYearSchema } from "./schemas.js";

export const spmBudgetLinksQuerySchema = spmRegionYearSchema;

/** A kegiatan or sub kegiatan of the region's plans of the year whose pagu may count for a service. */
export const spmBudgetKegiatanSchema = z.object({
  planNodeId: z.uuid(),
  planId: z.uuid(),
  planTitle: z.string(),
  level: z.enum(["kegiatan", "sub_kegiatan"]),
  code: z.string().nullable(),
  name: z.string(),
  budget: z.number().int().nullable().describe("pagu, whole Rupiah"),
});

export const spmBudgetLinksSchema = z.object({
  kegiatan: z
    .array(spmBudgetKegiatanSchema)
    .describe("those of the RAK/PK/Renja in force for the year, and any linked before from another version"),
  links: z.array(z.object({ serviceId: z.uuid(), planNodeIds: z.array(z.uuid()) })),
});

export const spmBudgetLinkSaveSchema = spmRegionYearSchema.extend({
  serviceId: z.uuid(),
  planNodeIds: z.array(z.uuid()).max(200).describe("the kegiatan serving the service; empty: none"),
  reason: reasonSchema,
});
export const spmBudgetLinkSavedSchema = z.object({
  serviceId: z.uuid(),
  planNodeIds: z.array(z.uuid()),
  changed: z.boolean(),
});

export type SpmBudgetLinks = z.infer<typeof spmBudgetLinksSchema>;
export type SpmBudgetLinkSave = z.infer<typeof spmBudgetLinkSaveSchema>;
