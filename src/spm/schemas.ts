import { z } from "zod";

export const spmVersionSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  regulation: z.string(),
  issuedDate: z.string().nullable(),
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
  targets: z.array(z.object({ year: z.number().int(), target: z.string() })),
});

export type SpmVersion = z.infer<typeof spmVersionSchema>;
export type SpmService = z.infer<typeof spmServiceSchema>;
