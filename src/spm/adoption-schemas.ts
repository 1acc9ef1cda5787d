import { z } from "zod";
import { reasonSchema } from "../lib/write-schemas.js";

export const adoptionQuerySchema = z.object({
  orgUnitId: z.uuid().describe("kab/kota, or a unit inside it: its kab/kota's adoptions are shown"),
});

const serviceTargetSchema = z.object({
  serviceId: z.uuid(),
  number: z.number().int(),
  target: z.string().nullable().describe("canonical decimal percentage; null when nothing sets one"),
  source: z
    .enum(["regulation", "region"])
    .nullable()
    .describe("regulation: Lampiran I of the version; region: set by the Dinas when it adopted"),
});

export const regionAdoptionsSchema = z.object({
  region: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  adoptions: z.array(
    z.object({
      year: z.number().int(),
      versionId: z.uuid(),
      versionCode: z.string(),
      versionName: z.string(),
      regulation: z.string(),
      targets: z.array(serviceTargetSchema),
      /** Notes and signatory already written into the year's annual SPM report. */
      reportEntries: z.number().int(),
    }),
  ),
});

export const adoptSchema = z.object({
  orgUnitId: z.uuid().describe("the kab/kota that adopts"),
  versionId: z.uuid(),
  fromYear: z.number().int(),
  toYear: z.number().int(),
  targets: z
    .array(z.object({ serviceId: z.uuid(), target: z.string().trim().min(1).max(20) }))
    .max(100)
    .default([])
    .describe("targets for the years the regulation sets none for; a service left out gets 100"),
  replace: z
    .boolean()
    .default(false)
    .describe("confirm replacing another version in a year whose SPM report already has entries"),
  reason: reasonSchema,
});

export type Adopt = z.infer<typeof adoptSchema>;
export type RegionAdoptions = z.infer<typeof regionAdoptionsSchema>;
