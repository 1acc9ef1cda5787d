import { z } from "zod";
import { reasonSchema } from "../lib/write-schemas.js";

export const planStartSchema = z.object({
  orgUnitId: z.uuid(),
  year: z.number().int().describe("tahun rencana: 2000 sampai tahun ini + 5"),
  copyFromYear: z
    .number()
    .int()
    .optional()
    .describe("salin versi yang berlaku dari tahun ini; tanpa ini rencana dibuat kosong"),
  reason: reasonSchema,
});

export const planStartedSchema = z.object({
  id: z.uuid(),
  orgUnitId: z.uuid(),
  year: z.number().int(),
  version: z.number().int(),
  copiedFrom: z.object({ planId: z.uuid(), year: z.number().int(), version: z.number().int() }).nullable(),
  nodes: z.number().int(),
  indicators: z.number().int(),
});

export type PlanStart = z.infer<typeof planStartSchema>;
