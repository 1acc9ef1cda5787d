import { z } from "zod";
import { dryRunSchema } from "../lib/route-schemas.js";
import { ESTIMATED, POPULATION_CATEGORIES, type PopulationCategory } from "./populations.js";
import { spmRegionYearSchema as region, spmYearSchema as year } from "./schemas.js";

const categories = Object.keys(POPULATION_CATEGORIES) as [PopulationCategory, ...PopulationCategory[]];

export const estimateSchema = z.object({
  code: z.string(),
  label: z.string(),
  value: z.string().nullable(),
  explanation: z.string(),
});
const figuresSchema = z.record(z.string(), z.string().nullable()).describe("category code → whole persons");
export const populationGridSchema = z.object({
  unit: z.object({ id: z.uuid(), code: z.string(), name: z.string(), type: z.string() }),
  year: z.number().int(),
  categories: z.array(z.object({ code: z.string(), label: z.string() })),
  rows: z.array(
    z.object({
      orgUnitId: z.uuid(),
      code: z.string(),
      name: z.string(),
      type: z.string(),
      depth: z.number().int().describe("0: the region itself"),
      cells: z
        .record(
          z.string(),
          z
            .object({ value: z.string(), source: z.string().nullable(), revision: z.number().int() })
            .nullable(),
        )
        .describe("the unit's own entered figures"),
      totals: figuresSchema.describe("the unit's rolled-up figures"),
    }),
  ),
  totals: figuresSchema,
  estimates: z.array(estimateSchema),
  prevalences: z.array(
    z.object({
      code: z.string(),
      orgUnitId: z.uuid().nullable().describe("null: the national figure"),
      percent: z.string(),
      source: z.string(),
      sourceYear: z.number().int(),
    }),
  ),
  yearsWithData: z.array(z.number().int()),
});
const importIssueSchema = z.object({
  column: z.string().nullable(),
  message: z.string(),
  messageEn: z.string(),
});
export const populationImportSchema = z.object({
  dryRun: z.boolean(),
  rows: z.array(
    z.object({
      row: z.number().int(),
      orgUnitCode: z.string(),
      orgUnitName: z.string().nullable(),
      errors: z.array(importIssueSchema),
      changes: z.array(
        z.object({ category: z.string(), label: z.string(), old: z.string().nullable(), new: z.string() }),
      ),
      unchanged: z.number().int(),
      source: z.string().nullable(),
    }),
  ),
  changes: z.number().int(),
  errors: z.number().int(),
  written: z.number().int(),
});

export const populationsWithEstimatesSchema = z.object({
  populations: z.array(z.object({ category: z.string(), label: z.string(), value: z.string().nullable() })),
  estimates: z.array(estimateSchema),
});

/** One unit's target populations for a year. */
export const populationsInputSchema = z.object({
  orgUnitId: z.uuid(),
  year,
  values: z
    .array(
      z.object({
        category: z.enum(categories),
        value: z.string().max(20).nullable(),
        source: z.string().max(200).nullable().optional(),
      }),
    )
    .min(1)
    .max(50),
});

/** A sourced prevalence for the estimated targets; no region means the national figure. */
export const prevalenceInputSchema = z.object({
  code: z.enum(Object.keys(ESTIMATED) as ["HIPERTENSI", "DM"]),
  orgUnitId: z.uuid().nullable().describe("null: the national figure"),
  year,
  percent: z.string().regex(/^\d{1,3}([.,]\d{1,4})?$/),
  source: z.string().trim().min(1).max(200),
  sourceYear: year,
});

/** Many units' populations at once, saved all or nothing. */
export const populationGridInputSchema = region.extend({
  cells: z
    .array(
      z.object({
        orgUnitId: z.uuid(),
        category: z.enum(categories),
        value: z.string().max(20).nullable().describe('as typed, "38.000" = 38000; null deletes'),
        source: z.string().max(200).nullable().optional(),
        revision: z
          .number()
          .int()
          .nullable()
          .optional()
          .describe("the revision the edit started from (null: none yet); a moved one is a 409"),
      }),
    )
    .min(1)
    .max(5000),
});
export const populationGridSavedSchema = z.object({ written: z.number().int() });

export const populationImportQuerySchema = region.extend({ dryRun: dryRunSchema });
