import { Worker } from "node:worker_threads";
import { type Cell, EMPTY, type Grid } from "./cells.js";
import { asImportError, ImportError, type ImportWarning, warning } from "./errors.js";
import { checkFileKind } from "./file-kind.js";
import { DEFAULT_LIMITS, type SpreadsheetLimits } from "./limits.js";
import { errorMessage, readUpload } from "./reader.js";
import type { WorkerInput, WorkerMessage } from "./worker-protocol.js";
import type { MergeRange } from "./xlsx-stream.js";

export interface ReadOptions {
  limits?: Partial<SpreadsheetLimits>;
  /** Resolve merged cells (the RAK header measures its spans with them). */
  merges?: boolean;
}

/** Under tsx/vitest the worker is TypeScript source and is loaded through tsx; built, it is plain .js. */
function startWorker(input: WorkerInput): Worker {
  // A file that still outgrows this is refused; the server's own heap is not touched.
  const options = { workerData: input, resourceLimits: { maxOldGenerationSizeMb: 256 } };
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL("./worker.js", import.meta.url), options);
  const source = JSON.stringify(new URL("./worker.ts", import.meta.url).href);
  const boot = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${source}); });`;
  return new Worker(boot, { ...options, eval: true });
}

/** At most two files are read at once; further uploads wait rather than multiply the memory. */
let running = 0;
const waiting: Array<() => void> = [];
async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= 2) await new Promise<void>((go) => waiting.push(go));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

interface Sheet {
  index: number;
  rows: Cell[][];
}

function applyMerges(sheet: Sheet, ranges: readonly MergeRange[]) {
  for (const { top, left, bottom, right } of ranges) {
    for (let r = top; r <= bottom; r++) {
      const row = sheet.rows[r - 1] ?? [];
      sheet.rows[r - 1] = row;
      for (let c = left; c <= right; c++) {
        while (row.length < c - 1) row.push(EMPTY);
        if (r !== top || c !== left) row[c - 1] = { kind: "merged", masterRow: top - 1, masterCol: left - 1 };
        else row[c - 1] ??= EMPTY;
      }
    }
  }
}

/** Collects the reader's messages into sheets; resolves on "done", rejects on a refusal. */
class Collector {
  readonly sheets: Sheet[] = [];
  legacyEncoding = false;
  /** Returns true once the reading is over. */
  take(message: WorkerMessage): boolean {
    const current = this.sheets.at(-1);
    switch (message.type) {
      case "csv":
        this.legacyEncoding = message.legacyEncoding;
        return false;
      case "sheet":
        this.sheets.push({ index: message.index, rows: [] });
        return false;
      case "rows":
        for (const [rowNumber, cells] of message.rows) {
          if (!current) break;
          while (current.rows.length < rowNumber - 1) current.rows.push([]);
          current.rows[rowNumber - 1] = cells.map((cell) => cell ?? EMPTY);
        }
        return false;
      case "merges": {
        const sheet = this.sheets[message.sheet];
        if (sheet) applyMerges(sheet, message.ranges);
        return false;
      }
      case "done":
        return true;
      case "error": {
        const e = message.error;
        throw new ImportError(e.code, e.messageId, e.messageEn, e.details, e.statusCode);
      }
    }
  }
}

const outOfMemory = () =>
  new ImportError(
    "FILE_TOO_COMPLEX",
    "Berkas terlalu besar untuk dibaca; bagi menjadi beberapa berkas",
    "The file is too large to read; split it into several files",
    {},
    413,
  );

function readInWorker(input: WorkerInput): Promise<Collector> {
  return new Promise((resolve, reject) => {
    const collector = new Collector();
    let settled = false;
    const worker = startWorker(input);
    const finish = (error: unknown) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (error) reject(error);
      else resolve(collector);
    };
    worker.on("message", (message: WorkerMessage) => {
      try {
        if (collector.take(message)) finish(null);
        else if (message.type === "rows") worker.postMessage("ack");
      } catch (error) {
        finish(error);
      }
    });
    worker.on("error", (error: Error & { code?: string }) =>
      finish(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? outOfMemory() : error),
    );
    worker.on("exit", () => finish(new Error("spreadsheet worker stopped early")));
  });
}

/** Small files cost less to read than a worker costs to start; they are read here, same code. */
const IN_THREAD_BYTES = 256 * 1024;

async function readHere(input: WorkerInput): Promise<Collector> {
  const collector = new Collector();
  const messages: WorkerMessage[] = [];
  await readUpload(input, (message) => {
    messages.push(message);
  }).then(
    () => messages.push({ type: "done" }),
    (error: unknown) => messages.push(errorMessage(error)),
  );
  for (const message of messages) collector.take(message);
  return collector;
}

/**
 * Any uploaded spreadsheet (.xlsx or .csv) as grids of cells, after the size, type, encryption and
 * zip-bomb checks, read in a worker thread within the row, cell and sheet caps; every refusal is an
 * ImportError. Shared by every import: RAK, data entry, org units, populations, data-set workbooks.
 */
export async function readSpreadsheet(
  bytes: Uint8Array,
  fileName: string,
  maxBytes: number,
  options: ReadOptions = {},
): Promise<{ grids: Grid[]; warnings: ImportWarning[] }> {
  try {
    const kind = checkFileKind(bytes, String(fileName), maxBytes);
    const limits = { ...DEFAULT_LIMITS, ...options.limits };
    const input: WorkerInput = { bytes, kind, limits, merges: options.merges ?? false };
    const { sheets, legacyEncoding } =
      bytes.length <= IN_THREAD_BYTES ? await readHere(input) : await slot(() => readInWorker(input));
    const warnings = legacyEncoding
      ? [
          warning(
            "CSV_NOT_UTF8",
            "Berkas CSV tidak berenkode UTF-8 dan dibaca sebagai Windows-1252; periksa huruf khusus",
            "The CSV is not UTF-8 and was read as Windows-1252; check special characters",
            null,
          ),
        ]
      : [];
    const grids = sheets.sort((a, b) => a.index - b.index).map((s): Grid => ({ rows: s.rows }));
    return { grids, warnings };
  } catch (error) {
    throw asImportError(error);
  }
}
