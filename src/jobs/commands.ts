import { rm } from "node:fs/promises";
import { and, eq, inArray, isNotNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "../db/client.js";
import { jobs } from "../db/schema/index.js";
import { AppError } from "../lib/errors.js";
import type { JobPhase } from "./schemas.js";

/** How far a job got: the same shape the command line prints. */
export interface JobProgress {
  phase: JobPhase;
  read: number;
  total?: number;
  counts?: Record<string, number>;
}

export const INTERRUPTED = {
  code: "JOB_INTERRUPTED",
  id: "Dihentikan karena server dimulai ulang; tidak ada yang tersimpan, jalankan lagi.",
  en: "Stopped by a server restart; nothing was saved, run it again.",
};

export async function createJob(
  db: Database,
  job: { kind: string; createdBy: string; orgUnitId: string; filePath: string },
) {
  const [row] = await db
    .insert(jobs)
    .values({ ...job, phase: "receiving" })
    .returning({ id: jobs.id, status: jobs.status });
  if (!row) throw new Error("job insert returned nothing");
  return row;
}

/** A job whose upload was refused (too large, cut off): nobody has its id yet, so it goes. */
export async function dropJob(db: Database, id: string) {
  await db.delete(jobs).where(eq(jobs.id, id));
}

/**
 * Writes a job's progress at most every `everyMs` (and at each new phase), one write at a time, never
 * waited for by the work it reports on: the import must not slow down for its own progress bar.
 */
export function progressWriter(db: Database, id: string, everyMs = 500) {
  let last = 0;
  let phase: JobPhase | null = null;
  let chain: Promise<unknown> = Promise.resolve();
  return {
    report(p: JobProgress) {
      const now = Date.now();
      if (p.phase === phase && now - last < everyMs) return;
      last = now;
      phase = p.phase;
      chain = chain
        .then(() =>
          db
            .update(jobs)
            .set({ phase: p.phase, read: p.read, total: p.total ?? null, counts: p.counts ?? null })
            .where(and(eq(jobs.id, id), eq(jobs.status, "running"))),
        )
        .catch(() => undefined);
    },
    settled: () => chain,
  };
}

/**
 * Runs a job's work in the background of the process: marks it running, stores its result or its error
 * as a bilingual message, and removes its file in every case. Never throws: nobody waits for it.
 */
export async function runJob<T extends { importCount?: Record<string, number> }>(
  db: Database,
  id: string,
  filePath: string,
  work: (report: (p: JobProgress) => void) => Promise<T>,
  log: { error(o: object, message: string): void },
): Promise<void> {
  const progress = progressWriter(db, id);
  let outcome: Partial<typeof jobs.$inferInsert>;
  try {
    await db.update(jobs).set({ status: "running", startedAt: new Date() }).where(eq(jobs.id, id));
    const result = await work(progress.report);
    outcome = { status: "done", summary: result, counts: result.importCount ?? null };
  } catch (error) {
    const known = error instanceof AppError;
    if (!known) log.error({ err: error, job: id }, "pekerjaan gagal / job failed");
    outcome = {
      status: "failed",
      errorCode: known ? error.code : "JOB_FAILED",
      errorId: known ? error.messageId : "Pekerjaan gagal karena kesalahan server; tidak ada yang tersimpan.",
      errorEn: known ? error.messageEn : "The job failed on a server error; nothing was saved.",
    };
  }
  await progress.settled();
  await rm(filePath, { force: true });
  // One last write: whoever sees the job ended sees its file gone too.
  await db
    .update(jobs)
    .set({ ...outcome, filePath: null, finishedAt: new Date() })
    .where(eq(jobs.id, id))
    .catch((e: unknown) =>
      log.error({ err: e, job: id }, "status pekerjaan tidak tersimpan / job status lost"),
    );
}

/**
 * At start: a job still queued or running belonged to a server that stopped. Its import was one
 * transaction, so nothing of it was saved; it is failed with that said, and its file removed.
 */
export async function failInterruptedJobs(db: Database): Promise<number> {
  const unfinished = inArray(jobs.status, ["queued", "running"]);
  const files = await db
    .select({ filePath: jobs.filePath })
    .from(jobs)
    .where(or(unfinished, isNotNull(jobs.filePath)));
  const stopped = await db
    .update(jobs)
    .set({
      status: "failed",
      errorCode: INTERRUPTED.code,
      errorId: INTERRUPTED.id,
      errorEn: INTERRUPTED.en,
      finishedAt: sql`now()`,
    })
    .where(unfinished)
    .returning({ id: jobs.id });
  await Promise.all(files.flatMap((j) => (j.filePath ? [rm(j.filePath, { force: true })] : [])));
  await db.update(jobs).set({ filePath: null }).where(isNotNull(jobs.filePath));
  return stopped.length;
}

/** How long a finished job stays listed: long enough to come back for an import's summary. */
export const JOB_RETENTION_DAYS = 30;

/**
 * The daily upkeep: jobs finished more than `days` ago are deleted, with any file one still names.
 * Queued and running jobs are never touched.
 */
export async function purgeFinishedJobs(db: Database, days = JOB_RETENTION_DAYS): Promise<number> {
  const gone = await db
    .delete(jobs)
    .where(
      and(
        inArray(jobs.status, ["done", "failed"]),
        lt(jobs.finishedAt, sql`now() - make_interval(days => ${days})`),
      ),
    )
    .returning({ filePath: jobs.filePath });
  await Promise.all(gone.flatMap((j) => (j.filePath ? [rm(j.filePath, { force: true })] : [])));
  return gone.length;
}
