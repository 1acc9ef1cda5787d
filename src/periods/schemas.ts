import { z } from "zod";
import { DomainError, parsePeriod } from "../domain/index.js";

const isPeriodCode = (code: string) => {
  try {
    parsePeriod(code);
    return true;
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
};

/** A period code as the domain reads it (2024, 2024S1, 2024Q1, 202401, 2024/2025); its range is checked where it is used. */
export const periodCodeSchema = z
  .string()
  .max(16)
  .refine(isPeriodCode, "kode periode: 2024, 2024S1, 2024Q1, 202401, 2024/2025")
  .describe("DHIS2 period code: 2024, 2024S1, 2024Q1, 202401; school year 2024/2025");

const yearList = z.array(z.number().int());

/** Per screen, the years it has data in for the user; `any` is all of them together. */
export const yearsWithDataSchema = z.object({
  plans: yearList,
  data: yearList,
  spm: yearList,
  populations: yearList,
  skm: yearList,
  any: yearList,
  latestPeriods: z.array(z.object({ dataSetId: z.uuid(), period: z.string() })),
});
export type YearsWithData = z.infer<typeof yearsWithDataSchema>;
