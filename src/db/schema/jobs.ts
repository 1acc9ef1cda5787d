import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth.js";
import { createdAt } from "./columns.js";
import { orgUnits } from "./core.js";

export type JobStatus = "queued" | "running" | "done" | "failed";

/**
 * Work that outlives its request (a large DHIS2 import): who asked, where its admins sit, how far it got,
 * and its result or its error. A job left queued or running by a stopped server is failed at the next start.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** "dhis2.import". */
    kind: text().notNull(),
    status: text().$type<JobStatus>().notNull().default("queued"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The unit of the role it was started with: its admins may follow it too. */
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    /** "receiving", "reading", "checking", "writing". */
    phase: text(),
    /** Values read so far, and how many the file holds once it is read through. */
    read: integer().notNull().default(0),
    total: integer(),
    counts: jsonb().$type<Record<string, number>>(),
    /** The job's answer when done (an ImportSummary). */
    summary: jsonb(),
    errorCode: text("error_code"),
    errorId: text("error_id"),
    errorEn: text("error_en"),
    /** The uploaded file while the job needs it; removed at the end, or at the next start. */
    filePath: text("file_path"),
    createdAt: createdAt(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("jobs_created_by_idx").on(t.createdBy, t.createdAt)],
);
