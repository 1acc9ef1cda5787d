import { z } from "zod";

/** One service's figures for one org unit over a span of months: the numerator counted so far. */
const figuresSchema = z.object({
  /** Canonical decimal strings ("1234", "433440"); null when not known. */
  numerator: z.string().nullable(),
  denominator: z.string().nullable(),
  /** Percent, 2 decimals; null when it cannot be computed, with the reason. */
  capaian: z.string().nullable(),
  reason: z.enum(["missing_data", "denominator_zero"]).nullable(),
  /** The data elements or populations that are missing when reason = missing_data. */
  missing: z.array(z.string()),
});

export const spmServiceAchievementSchema = figuresSchema.extend({
  serviceId: z.uuid(),
  number: z.number().int(),
  name: z.string(),
  indicator: z.string(),
  /** Target percent for the year as written ("100"). */
  target: z.string().nullable(),
  /** 100 − capaian, 2 decimals; null when capaian is null. */
  gap: z.string().nullable(),
  /** "year" or "school_year" (service 5: tahun ajaran July of the year before – June). */
  periodType: z.enum(["year", "school_year"]),
  /** The months the numerator covers, e.g. ["201807", …, "201906"] or ["201901", …, "201912"]. */
  months: z.array(z.string()),
  /** How an estimated denominator was obtained, with its source ("1.680.000 × 25,8% (Riskesdas, 2013) = 433.440"). */
  denominatorNote: z.string().nullable(),
  /** Numerator split by provider group of the reporting facility (PEMERINTAH, SWASTA). */
  byProvider: z.array(z.object({ provider: z.string(), numerator: z.string() })),
  /** Cumulative capaian month by month over `months`. */
  monthly: z.array(figuresSchema.extend({ period: z.string() })),
  expectedReports: z.number().int(),
  receivedReports: z.number().int(),
});

/** One child unit (kecamatan, puskesmas, hospital …) with each service's yearly figures. */
export const spmUnitAchievementSchema = z.object({
  orgUnitId: z.uuid(),
  code: z.string(),
  name: z.string(),
  type: z.string(),
  ownerType: z.string().nullable(),
  services: z.array(figuresSchema.extend({ number: z.number().int() })),
  /** Mean capaian over the services that could be computed, 2 decimals, for the ranking. */
  meanCapaian: z.string().nullable(),
});

export const spmAchievementSchema = z.object({
  orgUnit: z.object({ id: z.uuid(), code: z.string(), name: z.string(), type: z.string() }),
  year: z.number().int(),
  version: z.object({ id: z.uuid(), code: z.string(), regulation: z.string() }),
  /** Only approved reports count. */
  services: z.array(spmServiceAchievementSchema),
  /** The level below: kecamatan for a kota, puskesmas and other facilities for a kecamatan. */
  children: z.array(spmUnitAchievementSchema),
  /** Every puskesmas in the unit, ranked by meanCapaian (highest first). */
  puskesmas: z.array(spmUnitAchievementSchema),
});

export type SpmAchievement = z.infer<typeof spmAchievementSchema>;
export type SpmServiceAchievement = z.infer<typeof spmServiceAchievementSchema>;
export type SpmUnitAchievement = z.infer<typeof spmUnitAchievementSchema>;
