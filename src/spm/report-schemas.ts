import { z } from "zod";
import { paperSchema } from "../lib/route-schemas.js";
import { spmRegionYearSchema } from "./schemas.js";

const text = z.string().trim().max(4000).nullable();
const revision = z.number().int().min(1).nullable().describe("null when nothing was saved yet");

export const spmReportDownloadQuerySchema = spmRegionYearSchema.extend({ paper: paperSchema });

/** What the Dinas writes under a service's result in the annual report. */
export const spmReportNoteInputSchema = spmRegionYearSchema.extend({
  serviceId: z.uuid(),
  masalah: text,
  pemecahanMasalah: text,
  revision,
});

/** Who signs the annual report, where and when. */
export const spmReportSignatoryInputSchema = spmRegionYearSchema.extend({
  position: z.string().trim().min(1).max(300),
  name: z.string().trim().min(1).max(300),
  nip: z.string().trim().max(40),
  place: z.string().trim().max(100).nullable(),
  date: z.iso.date().nullable(),
  revision,
});

export const spmReportSavedSchema = z.object({ revision: z.number().int() });
