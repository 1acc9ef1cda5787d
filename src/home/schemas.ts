import { z } from "zod";

export const homeQuerySchema = z.object({
  /** The year to look at; without it, the year of the caller's latest report. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

const text = z.object({ id: z.string(), en: z.string() });
const reportRef = z.object({
  dataSetId: z.uuid(),
  dataSetName: z.string(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  /** Month code, "202409". */
  period: z.string(),
});

const count = z.number().int();

export const homeOverviewSchema = z.object({
  orgUnit: z.object({ id: z.uuid(), name: z.string() }),
  /** The RAK in force for the year, the evaluation's source; null when none exists. */
  plan: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  quarter: z.number().int().min(1).max(4),
  /** Plan indicators per Permendagri 86/2017 band of capaian to date; `none`: not computable yet. */
  categories: z.object({
    sangat_tinggi: count,
    tinggi: count,
    sedang: count,
    rendah: count,
    sangat_rendah: count,
    none: count,
  }),
  /** Indicators whose year-end forecast is off track or at risk, with the forecast's one-line reason. */
  alerts: z.array(
    z.object({
      planIndicatorId: z.uuid(),
      indicator: z.string(),
      status: z.enum(["off_track", "at_risk"]),
      capaian: z.string().nullable(),
      explanation: text,
    }),
  ),
  /** Capaian kinerja (mean of the program's indicators' capaian to date) against serapan anggaran. */
  programs: z.array(
    z.object({
      nodeId: z.uuid(),
      name: z.string(),
      capaian: z.string().nullable(),
      serapan: z.string().nullable(),
      pagu: z.number().nullable(),
      realisasi: z.number().nullable(),
    }),
  ),
  /** SPM capaian of the year so far per service; null when the kota adopted no SPM version that year. */
  spm: z
    .array(
      z.object({
        number: z.number().int(),
        name: z.string(),
        capaian: z.string().nullable(),
        target: z.string().nullable(),
      }),
    )
    .nullable(),
  completeness: z.array(
    z.object({
      dataSetId: z.uuid(),
      dataSetName: z.string(),
      period: z.string(),
      expected: z.number().int(),
      received: z.number().int(),
      onTime: z.number().int(),
      completenessPercent: z.number().nullable(),
      timelinessPercent: z.number().nullable(),
    }),
  ),
  /** Verified reports the caller may approve (first ones) and how many in all. */
  toApprove: z.object({ count: z.number().int(), reports: z.array(reportRef) }),
  /** Draft plans the caller may sign. */
  toSign: z.array(z.object({ id: z.uuid(), title: z.string(), year: z.number().int() })),
  /** The next entry deadline of each data set (other deadlines and reminders live elsewhere). */
  deadlines: z.array(
    z.object({
      dataSetId: z.uuid(),
      dataSetName: z.string(),
      period: z.string(),
      deadline: z.string(),
      daysLeft: z.number().int(),
    }),
  ),
});

const ratioSchema = z.object({
  indicatorId: z.uuid(),
  name: z.string(),
  unit: z.string(),
  value: z.string().nullable(),
  previous: z.string().nullable(),
  lastYear: z.string().nullable(),
});

export const homeVerificationSchema = z.object({
  count: z.number().int(),
  reports: z.array(reportRef.extend({ submittedAt: z.string().nullable(), ratios: z.array(ratioSchema) })),
});

export const homeOperatorSchema = z.object({
  due: z.array(
    reportRef.extend({
      deadline: z.string(),
      daysLeft: z.number().int(),
      status: z.enum(["draft", "returned"]),
    }),
  ),
  returned: z.array(reportRef.extend({ reason: z.string().nullable() })),
  approved: z.array(reportRef.extend({ at: z.string() })),
});

export const homeAuditSchema = z.object({ lastWeek: z.number().int(), lastMonth: z.number().int() });

export const homeSchema = z.object({
  year: z.number().int(),
  /** The month the figures are of: the latest month of the year with a report in the caller's scope. */
  period: z.string(),
  /** The org units the caller's roles are held in: what the page speaks of. */
  units: z.array(z.object({ id: z.uuid(), name: z.string() })),
  overview: homeOverviewSchema.nullable(),
  verification: homeVerificationSchema.nullable(),
  operator: homeOperatorSchema.nullable(),
  audit: homeAuditSchema.nullable(),
});

export type Home = z.infer<typeof homeSchema>;
export type HomeOverview = z.infer<typeof homeOverviewSchema>;
export type HomeVerification = z.infer<typeof homeVerificationSchema>;
export type HomeOperator = z.infer<typeof homeOperatorSchema>;
export type HomeRatio = z.infer<typeof ratioSchema>;
