import { z } from "zod";
import { importSummarySchema } from "../interop/dhis2/schemas.js";

export const JOB_STATUSES = ["queued", "running", "done", "failed"] as const;

/** Where a job is: the file received, its values read, then checked, then written. */
export const JOB_PHASES = ["receiving", "reading", "checking", "writing"] as const;
export type JobPhase = (typeof JOB_PHASES)[number];

/**
 * A job as its owner follows it. `summary` is the import's answer once done: an import the checks refused
 * (atomic, with conflicts) is done with an ERROR summary, as the synchronous import answers 409 with it.
 * `error` is set when the job failed: the file could not be read, the data set was not found, the server
 * stopped. Nothing is saved by a failed job.
 */
export const jobSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  status: z.enum(JOB_STATUSES),
  phase: z.enum(JOB_PHASES).nullable(),
  progress: z.object({
    /** Values read from the file so far. */
    read: z.number().int().nonnegative(),
    /** The file's values, once it is read through. */
    total: z.number().int().nonnegative().nullable(),
  }),
  counts: z.record(z.string(), z.number()).nullable(),
  summary: importSummarySchema.nullable(),
  error: z.object({ code: z.string(), message: z.string(), messageEn: z.string() }).nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type JobView = z.infer<typeof jobSchema>;

export const jobListSchema = z.object({ items: z.array(jobSchema) });

/** The answer of a request that became a job: where to follow it (GET /api/jobs/{id}). */
export const jobStartedSchema = z.object({
  job: z.object({ id: z.uuid(), status: z.enum(JOB_STATUSES) }),
});
export type JobStarted = z.infer<typeof jobStartedSchema>;
