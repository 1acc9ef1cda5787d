import { z } from "zod";

export const SETUP_STEPS = ["orgUnits", "users", "dataSets", "plan", "spm"] as const;
export type SetupStepKey = (typeof SETUP_STEPS)[number];

export const setupStepSchema = z.object({
  key: z.enum(SETUP_STEPS),
  done: z.boolean(),
  /** What is there so far, e.g. 3 puskesmas; the screen words it. */
  count: z.number().int(),
});

export const setupStatusSchema = z.object({
  orgUnit: z.object({ id: z.uuid(), name: z.string(), officeName: z.string().nullable() }),
  steps: z.array(setupStepSchema),
  done: z.boolean(),
});
export const setupStatusListSchema = z.array(setupStatusSchema);
export type SetupStatus = z.infer<typeof setupStatusSchema>;
