import { z } from "zod";
import { paperSchema } from "../lib/route-schemas.js";
import { spmRegionYearSchema } from "./schemas.js";

/** The four steps of applying the SPM (Permendagri 59/2021), in their order. */
export const SPM_STEPS = [
  { key: "pengumpulan_data", label: "Pengumpulan data", labelEn: "Data collection" },
  {
    key: "penghitungan_kebutuhan",
    label: "Penghitungan kebutuhan pemenuhan pelayanan dasar",
    labelEn: "Calculating the needs",
  },
  { key: "penyusunan_rencana", label: "Penyusunan rencana pemenuhan pelayanan dasar", labelEn: "Planning" },
  { key: "pelaksanaan", label: "Pelaksanaan pemenuhan pelayanan dasar", labelEn: "Implementation" },
] as const;
export const SPM_STEP_STATUS = ["belum", "proses", "selesai"] as const;

export const spmQuarterQuerySchema = spmRegionYearSchema.extend({
  quarter: z.coerce.number().int().min(1).max(4),
});
export const spmQuarterDownloadQuerySchema = spmQuarterQuerySchema.extend({ paper: paperSchema });

const text = z.string().trim().max(4000).nullable();
const stepSchema = z.object({ status: z.enum(SPM_STEP_STATUS), note: text });

export const spmQuarterEntryInputSchema = z.object({
  serviceId: z.uuid(),
  steps: z.array(stepSchema).length(SPM_STEPS.length),
  masalah: text,
  solusi: text,
  rencanaAksi: text,
  /** How far the quality standard of goods/services and staff was met, percent 0–100 ("85", "92.5"). */
  mutuPercent: z.string().trim().max(10).nullable(),
  revision: z.number().int().min(1).nullable().describe("null when nothing was saved yet"),
});
export const spmQuarterSaveSchema = spmQuarterQuerySchema.extend({
  entries: z.array(spmQuarterEntryInputSchema).min(1).max(50),
});
export type SpmQuarterSave = z.infer<typeof spmQuarterSaveSchema>;
export const spmQuarterSavedSchema = z.object({
  saved: z.number().int(),
  revisions: z.record(z.string(), z.number()),
});

const kegiatanSchema = z.object({ name: z.string(), pagu: z.number().int(), realisasi: z.number().int() });

export const spmQuarterServiceSchema = z.object({
  serviceId: z.uuid(),
  number: z.number().int(),
  name: z.string(),
  indicator: z.string(),
  target: z.string(),
  /** Jumlah yang harus dilayani: the year's target population (denominator). */
  mustServe: z.string().nullable(),
  /** Jumlah yang terlayani: approved services counted from the start of the period to the quarter's end. */
  served: z.string().nullable(),
  /** Up to which month `served` counts (the school year's services end in June). */
  throughPeriod: z.string().nullable(),
  penerimaCapaian: z.string().nullable(),
  reason: z.string().nullable(),
  denominatorNote: z.string().nullable(),
  budget: z.object({
    pagu: z.number().int(),
    realisasi: z.number().int(),
    kegiatan: z.array(kegiatanSchema),
  }),
  steps: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      status: z.enum(SPM_STEP_STATUS),
      note: z.string().nullable(),
    }),
  ),
  masalah: z.string().nullable(),
  solusi: z.string().nullable(),
  rencanaAksi: z.string().nullable(),
  mutuPercent: z.string().nullable(),
  index: z.string().nullable(),
  revision: z.number().int().nullable(),
});

export const spmQuarterReportSchema = z.object({
  orgUnitId: z.uuid(),
  regionName: z.string(),
  orgUnitName: z.string(),
  year: z.number().int(),
  quarter: z.number().int(),
  version: z.object({ code: z.string(), regulation: z.string(), sourceNote: z.string().nullable() }),
  indexRule: z.object({ penerimaWeight: z.string(), mutuWeight: z.string(), note: z.string() }),
  index: z.object({ value: z.string().nullable(), missing: z.number().int() }),
  deadline: z.string().nullable(),
  services: z.array(spmQuarterServiceSchema),
  generatedAt: z.string(),
});

export type SpmQuarterReport = z.infer<typeof spmQuarterReportSchema>;
export type SpmQuarterService = z.infer<typeof spmQuarterServiceSchema>;
