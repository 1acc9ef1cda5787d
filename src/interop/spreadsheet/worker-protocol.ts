import type { Cell } from "./cells.js";
import type { SpreadsheetLimits } from "./limits.js";
import type { MergeRange } from "./xlsx-stream.js";

/** What the reading worker is given and what it answers, chunk by chunk. */
export interface WorkerInput {
  bytes: Uint8Array;
  kind: "xlsx" | "csv";
  limits: SpreadsheetLimits;
  /** Read merged ranges too (the RAK header needs them; the flat uploads do not). */
  merges: boolean;
}

export type WorkerMessage =
  | { type: "csv"; legacyEncoding: boolean }
  | { type: "sheet"; name: string; index: number }
  | { type: "rows"; rows: Array<[number, (Cell | null)[]]> }
  | { type: "merges"; sheet: number; ranges: MergeRange[] }
  | { type: "done" }
  | {
      type: "error";
      error: {
        code: string;
        messageId: string;
        messageEn: string;
        details: Record<string, unknown>;
        statusCode: 400 | 413 | 422;
      };
    };
