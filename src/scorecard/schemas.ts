import { z } from "zod";
import { paperSchema } from "../lib/route-schemas.js";

/** Most cells one scorecard may hold (rows × columns × periods); a bigger one is refused with a 400. */
export const MAX_CELLS = 10_000;

/**
 * A column: `i:<id>` an indicator definition fed by data, `c:<id>` the completeness and `t:<id>` the
 * timeliness of a monthly data set.
 */
const columnKey = z
  .string()
  .regex(
    /^[ict]:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    "kolom: i:<id>, c:<id> atau t:<id>",
  );
const list = (item: z.ZodString, max: number) =>
  z
    .string()
    .transform((s) => s.split(",").filter((p) => p !== ""))
    .pipe(z.array(item).min(1).max(max));
const period = z.string().regex(/^\d{4}(Q[1-4]|S[12]|\d{2})?$/, "periode: 2024, 2024S1, 2024Q1 atau 202401");

export const scorecardQuerySchema = z.object({
  parentId: z.uuid().describe("rows are this unit's children (or its puskesmas)"),
  columns: list(columnKey, 200).describe(
    "comma-separated: i:<definition id>, c:<data set id>, t:<data set id>",
  ),
  periods: list(period, 24).describe("comma-separated period codes: 202401, 2024Q1, 2024S1, 2024"),
  rows: z.enum(["children", "puskesmas"]).default("children").describe("puskesmas: a league table"),
});
export type ScorecardQuery = z.infer<typeof scorecardQuerySchema>;

export const scorecardDownloadQuerySchema = scorecardQuerySchema.extend({
  paper: paperSchema,
  lang: z.enum(["id", "en"]).default("id"),
});

export const cellQuerySchema = z.object({
  orgUnitId: z.uuid(),
  column: columnKey,
  year: z.coerce.number().int().min(2000).max(2100),
  periodType: z.enum(["month", "quarter"]).default("month"),
});

const band = z.enum(["sangat_tinggi", "tinggi", "sedang", "rendah", "sangat_rendah"]);

export const cellSchema = z.object({
  /** Canonical decimal ("96.5"), or null when there is no data (never 0). */
  value: z.string().nullable(),
  numerator: z.string().nullable(),
  denominator: z.string().nullable(),
  band: band.nullable(),
  /** The value of the period before, for the arrow. */
  previous: z.string().nullable(),
  trend: z.enum(["better", "worse", "same"]).nullable(),
  /** Rank among the rows in the indicator's direction (1 = best). */
  rank: z.number().int().nullable(),
});
export type ScorecardCell = z.infer<typeof cellSchema>;

export const columnSchema = z.object({
  key: z.string(),
  kind: z.enum(["indicator", "completeness", "timeliness"]),
  code: z.string().nullable(),
  name: z.string(),
  unit: z.string(),
  polarity: z.enum(["higher", "lower"]),
  legend: z.object({ cuts: z.array(z.string()), source: z.enum(["permendagri", "custom"]) }).nullable(),
});
export type ScorecardColumn = z.infer<typeof columnSchema>;

const unitSchema = z.object({ id: z.uuid(), name: z.string(), type: z.string() });

export const scorecardSchema = z.object({
  parent: unitSchema.extend({ parentId: z.uuid().nullable() }),
  /** From the caller's scope root down to the parent, for the way back up. */
  trail: z.array(unitSchema),
  rowsMode: z.enum(["children", "puskesmas"]),
  periods: z.array(z.object({ code: z.string(), label: z.string(), labelEn: z.string() })),
  columns: z.array(columnSchema),
  /** Cells in column-major order: cells[c × periods + p]. */
  rows: z.array(unitSchema.extend({ hasChildren: z.boolean(), cells: z.array(cellSchema) })),
  /** The parent as a whole (numerators and denominators summed): the average the filter compares to. */
  total: z.object({ cells: z.array(cellSchema) }),
});
export type Scorecard = z.infer<typeof scorecardSchema>;

export const cellTrendSchema = z.object({
  unit: unitSchema,
  column: columnSchema,
  points: z.array(
    z.object({
      period: z.string(),
      label: z.string(),
      labelEn: z.string(),
      value: z.string().nullable(),
      numerator: z.string().nullable(),
      denominator: z.string().nullable(),
      band: band.nullable(),
    }),
  ),
});
export type CellTrend = z.infer<typeof cellTrendSchema>;

/** The pickers of the scorecard screen: fed definitions and monthly data sets in the caller's scope. */
export const scorecardOptionsSchema = z.object({
  indicators: z.array(
    z.object({ key: z.string(), code: z.string().nullable(), name: z.string(), unit: z.string() }),
  ),
  dataSets: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })),
});
export type ScorecardOptions = z.infer<typeof scorecardOptionsSchema>;
