import type { Readable } from "node:stream";
import type { Actor } from "../../audit/record.js";
import type { ScopedRole } from "../../auth/permissions.js";
import type { Database } from "../../db/client.js";
import { type ImportOptions, importValues } from "./import.js";
import { type Format, readValues } from "./read-values.js";
import type { ImportSummary } from "./schemas.js";
import { withStaging } from "./stage.js";

/** How far an import got: values read while the file is parsed, then the checks, then the writing. */
export interface ImportProgress {
  phase: "reading" | "checking" | "writing";
  read: number;
  total?: number;
  counts?: Record<string, number>;
}

/**
 * Reads a file of values and imports it: the request, the background job and the command line all go
 * through here, so they import alike. The values are staged as they are read (never all in memory).
 * `file` names the bytes as received (for the audit record).
 */
export async function readAndImport(
  db: Database,
  source: { stream: Readable; format: Format; file: () => { bytes: number; sha256: string } },
  options: Omit<ImportOptions, "onPhase">,
  roles: readonly ScopedRole[],
  actor: Actor,
  report?: (progress: ImportProgress) => void,
): Promise<ImportSummary> {
  return withStaging(db, options.databaseKind, async (staging) => {
    const late = await readValues(source.format, source.stream, (v) => {
      const flushed = staging.add(v);
      if (staging.count % 1_000 === 0) report?.({ phase: "reading", read: staging.count });
      return flushed;
    });
    await staging.finish(late);
    const total = staging.count;
    report?.({ phase: "reading", read: total });
    return importValues(
      staging,
      { format: source.format, ...source.file() },
      { ...options, onPhase: (phase, counts) => report?.({ phase, read: total, total, counts }) },
      roles,
      actor,
    );
  });
}
