import { z } from "zod";
import { LKJIP_SECTIONS } from "../db/schema/index.js";
import { capaianCellSchema } from "../evaluation/schemas.js";
import { paperSchema } from "../lib/route-schemas.js";
import { reasonSchema, revisionSchema } from "../lib/write-schemas.js";

/**
 * The LKjIP of a year (PermenPAN-RB 53/2014; DOMAIN.md §5b) as the routes answer it: the texts the Dinas
 * wrote, and what is computed from the Renstra, the realisasi series and the year's PK.
 */
const polarity = z.enum(["higher", "lower"]);
const standing = z.enum(["better", "worse", "same"]);
const label = z.object({ id: z.string(), en: z.string() });

export const lkjipQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).describe("the year reported"),
});
export const lkjipDownloadQuerySchema = lkjipQuerySchema.extend({ paper: paperSchema });

export const lkjipSectionSchema = z.enum(LKJIP_SECTIONS);

export const lkjipTextSchema = z.object({
  section: lkjipSectionSchema,
  /** The sasaran node (penyebab, solusi) or the Renstra plan indicator (nasional); null for a chapter. */
  subject: z.uuid().nullable(),
  body: z.string(),
  source: z.string().nullable(),
  revision: z.number().int(),
  updatedAt: z.string(),
});

const ikuSchema = z.object({
  planIndicatorId: z.uuid(),
  name: z.string(),
  unit: z.string(),
  polarity,
  /** (1) This year's target as written (the PK's when linked, else the Renstra's), and where it is from. */
  target: z.string(),
  targetFrom: z.enum(["pk", "rak", "renstra"]),
  realisasi: z.string().nullable(),
  capaian: capaianCellSchema,
  /** (2) The realisasi from the kondisi awal to this year, and the change from last year. */
  series: z.array(z.object({ year: z.number().int(), realisasi: z.string().nullable() })),
  previous: z.string().nullable(),
  change: z.string().nullable(),
  changeStanding: standing.nullable(),
  /** (3) The target akhir Renstra and this year's realisasi as a share of it. */
  end: z.string().nullable(),
  shareOfEnd: capaianCellSchema,
  /** (4) The national figure the Dinas entered, with its source. */
  national: z.string().nullable(),
  nationalSource: z.string().nullable(),
  nationalDifference: z.string().nullable(),
  nationalStanding: standing.nullable(),
});

const programSchema = z.object({
  nodeId: z.uuid(),
  code: z.string().nullable(),
  name: z.string(),
  /** The year's pagu, realisasi and serapan from the PK's program of the same code; null: not in the PK. */
  pagu: z.number().int().nullable(),
  realisasi: z.number().int().nullable(),
  serapan: z.string().nullable(),
  indicators: z.array(
    z.object({
      name: z.string(),
      target: z.string(),
      realisasi: z.string().nullable(),
      capaian: capaianCellSchema,
    }),
  ),
  /** (7) Supporting, hindering or not assessed. */
  role: z.enum(["supporting", "hindering", "not_assessed"]),
  roleLabel: label,
});

export const lkjipSasaranSchema = z.object({
  nodeId: z.uuid(),
  number: z.number().int(),
  name: z.string(),
  indicators: z.array(ikuSchema),
  /** (5) Causes and solutions, as written. */
  penyebab: z.string().nullable(),
  solusi: z.string().nullable(),
  /** (6) Capaian kinerja (mean of the IKU) against the serapan of the programs serving the sasaran. */
  efficiency: z.object({
    capaian: z.string().nullable(),
    pagu: z.number().int().nullable(),
    realisasi: z.number().int().nullable(),
    serapan: z.string().nullable(),
    efisiensi: z.string().nullable(),
    level: label.nullable(),
    reason: label.nullable(),
  }),
  programs: z.array(programSchema),
});

export const lkjipBudgetRowSchema = z.object({
  number: z.number().int(),
  code: z.string().nullable(),
  name: z.string(),
  pagu: z.number().int().nullable(),
  realisasi: z.number().int().nullable(),
  serapan: z.string().nullable(),
});

export const lkjipSchema = z.object({
  renstra: z.object({
    id: z.uuid(),
    title: z.string(),
    startYear: z.number().int(),
    endYear: z.number().int(),
    version: z.number().int(),
    versionLabel: z.string(),
  }),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  year: z.number().int(),
  signatory: z.object({ position: z.string(), name: z.string(), nip: z.string() }),
  /** The year's PK in force, the Lampiran; null when the year has none. */
  pk: z.object({ id: z.uuid(), title: z.string(), version: z.number().int() }).nullable(),
  chapters: z.object({
    ikhtisar: z.string().nullable(),
    pendahuluan: z.string().nullable(),
    perencanaan: z.string().nullable(),
    penutup: z.string().nullable(),
  }),
  /** Bab II: every IKU of the Renstra with this year's target. */
  targets: z.array(
    z.object({
      level: z.string(),
      parent: z.string(),
      name: z.string(),
      unit: z.string(),
      target: z.string(),
    }),
  ),
  sasaran: z.array(lkjipSasaranSchema),
  budget: z.object({
    rows: z.array(lkjipBudgetRowSchema),
    pagu: z.number().int(),
    realisasi: z.number().int().nullable(),
    serapan: z.string().nullable(),
  }),
  texts: z.array(lkjipTextSchema),
});

export const lkjipTextInputSchema = z.object({
  section: lkjipSectionSchema,
  subject: z.uuid().nullable().default(null),
  /** Empty removes the text; for "nasional" the figure as typed ("19,8"). */
  body: z.string().trim().max(20_000),
  source: z.string().trim().max(500).nullable().default(null),
  revision: revisionSchema.nullable().describe("the revision the edit started from; null for a new text"),
});

export const lkjipTextsSaveSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  texts: z.array(lkjipTextInputSchema).min(1).max(200),
  reason: reasonSchema,
});

export const lkjipTextsSavedSchema = z.object({
  saved: z.number().int(),
  revisions: z.array(
    z.object({
      section: lkjipSectionSchema,
      subject: z.uuid().nullable(),
      revision: z.number().int().nullable(),
    }),
  ),
});

export type Lkjip = z.infer<typeof lkjipSchema>;
export type LkjipSasaran = z.infer<typeof lkjipSasaranSchema>;
export type LkjipTextsSave = z.infer<typeof lkjipTextsSaveSchema>;
