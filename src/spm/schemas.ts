import { z } from "zod";

export const spmYearSchema = z.coerce.number().int().min(2000).max(2100);
/** A region and a year: what most SPM screens are about. */
export const spmRegionYearSchema = z.object({ orgUnitId: z.uuid(), year: spmYearSchema });

export const spmVersionSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  regulation: z.string(),
  issuedDate: z.string().nullable(),
  /** Where the catalogue's texts come from and what of the regulation could not be found. */
  sourceNote: z.string().nullable(),
  adoptions: z.array(z.object({ orgUnitId: z.uuid(), orgUnitName: z.string(), year: z.number().int() })),
});

export const spmServiceSchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  name: z.string(),
  standardStatement: z.string(),
  indicatorId: z.uuid(),
  indicatorName: z.string(),
  unit: z.string(),
  /** Lampiran II's formula as expressions: numerator data elements over target populations. */
  numerator: z.string().nullable(),
  denominator: z.string().nullable(),
  /** Lampiran II as written: pengertian, definisi operasional, the formula's words and its note. */
  definition: z.string().nullable(),
  operationalDefinition: z.string().nullable(),
  numeratorText: z.string().nullable(),
  denominatorText: z.string().nullable(),
  formulaNote: z.string().nullable(),
  periodType: z.enum(["year", "school_year"]),
  targets: z.array(z.object({ year: z.number().int(), target: z.string() })),
});

export type SpmVersion = z.infer<typeof spmVersionSchema>;
export type SpmService = z.infer<typeof spmServiceSchema>;

export const spmVersionListSchema = z.array(spmVersionSchema);
export const spmServiceListSchema = z.array(spmServiceSchema);
