import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Actor } from "../../audit/record.js";
import type { ScopedRole } from "../../auth/permissions.js";
import type { Database } from "../../db/client.js";
import { createJob, dropJob, type JobStarted, runJob } from "../../jobs/index.js";
import { measured } from "./body.js";
import type { ImportOptions } from "./import.js";
import { readAndImport } from "./import-file.js";
import type { Format } from "./read-values.js";

/** Where uploads wait for their job; a job's file is removed when it ends, or at the next start. */
const JOB_FILES = join(tmpdir(), "capaian-jobs");

export interface ImportJobRequest {
  body: Readable;
  format: Format;
  maxBytes: number;
  options: Omit<ImportOptions, "onPhase">;
  roles: readonly ScopedRole[];
  actor: Actor;
  userId: string;
  /** The unit of the role the import is made with: its admins may follow the job. */
  orgUnitId: string;
  log: { error(o: object, message: string): void };
}

/**
 * Receives the body to a file (streamed, with the same byte cap as the request), then answers with the
 * job while the import runs from that file in the background of this process.
 */
export async function startImportJob(db: Database, r: ImportJobRequest): Promise<JobStarted> {
  await mkdir(JOB_FILES, { recursive: true });
  const filePath = join(JOB_FILES, `${randomUUID()}.${r.format}`);
  const job = await createJob(db, {
    kind: "dhis2.import",
    createdBy: r.userId,
    orgUnitId: r.orgUnitId,
    filePath,
  });
  const input = measured(r.body, r.maxBytes);
  try {
    await pipeline(input.stream, createWriteStream(filePath));
  } catch (error) {
    await rm(filePath, { force: true });
    await dropJob(db, job.id);
    throw error;
  }
  const received = input.done();
  void runJob(
    db,
    job.id,
    filePath,
    (report) =>
      readAndImport(
        db,
        { stream: createReadStream(filePath), format: r.format, file: () => received },
        r.options,
        r.roles,
        r.actor,
        report,
      ),
    r.log,
  );
  return { job };
}
