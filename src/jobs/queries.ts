import { desc, eq } from "drizzle-orm";
import type { Reader } from "../db/client.js";
import { jobs, orgUnits } from "../db/schema/index.js";
import type { ImportSummary } from "../interop/dhis2/schemas.js";
import type { JobPhase, JobView } from "./schemas.js";

/** The caller's recent jobs listed: enough to find an import started before a reload. */
const LIST_LIMIT = 20;

type JobRow = typeof jobs.$inferSelect;

const iso = (at: Date | null) => at?.toISOString() ?? null;

function view(row: JobRow): JobView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    phase: row.phase as JobPhase | null,
    progress: { read: row.read, total: row.total },
    counts: row.counts,
    summary: row.status === "done" ? (row.summary as ImportSummary | null) : null,
    error:
      row.status === "failed"
        ? { code: row.errorCode ?? "JOB_FAILED", message: row.errorId ?? "", messageEn: row.errorEn ?? "" }
        : null,
    createdAt: row.createdAt.toISOString(),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
  };
}

/** One job with what deciding who may see it needs: its owner and the path of its unit. */
export async function findJob(db: Reader, id: string) {
  const [found] = await db
    .select({ job: jobs, orgUnitPath: orgUnits.path })
    .from(jobs)
    .innerJoin(orgUnits, eq(orgUnits.id, jobs.orgUnitId))
    .where(eq(jobs.id, id));
  return found && { view: view(found.job), createdBy: found.job.createdBy, orgUnitPath: found.orgUnitPath };
}

export async function listOwnJobs(db: Reader, userId: string) {
  const rows = await db
    .select()
    .from(jobs)
    .where(eq(jobs.createdBy, userId))
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(LIST_LIMIT);
  return { items: rows.map(view) };
}
