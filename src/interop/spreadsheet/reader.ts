import type { Cell } from "./cells.js";
import { csvGrid, decodeText } from "./csv.js";
import { asImportError } from "./errors.js";
import { type SpreadsheetLimits, tooLarge } from "./limits.js";
import type { WorkerInput, WorkerMessage } from "./worker-protocol.js";
import { mergedRanges, streamXlsx } from "./xlsx-stream.js";
import { guardXlsxZip } from "./zip-guard.js";

/**
 * Rows per message. The worker waits for the main thread to take each chunk before sending more
 * (the Post promise), so a backlog of chunks never lands on the event loop in one go.
 */
const CHUNK = 500;

/** Hands a message on; a promise when the reader should wait before reading further. */
export type Post = (message: WorkerMessage) => void | Promise<void>;

/** Empty cells travel as null: most of a sheet is empty and a shared object does not survive cloning. */
const pack = (cells: Cell[]) => cells.map((cell) => (cell.kind === "empty" ? null : cell));

class Counter {
  private readonly post: Post;
  private rows = 0;
  private cells = 0;
  private sheets = 0;
  private sheetName = "";
  private chunk: Array<[number, (Cell | null)[]]> = [];
  constructor(
    private readonly limits: SpreadsheetLimits,
    post: Post,
  ) {
    this.post = post;
  }

  async sheet(name: string): Promise<void> {
    await this.flush();
    this.sheets++;
    this.sheetName = name;
    if (this.sheets > this.limits.maxSheets)
      throw tooLarge("sheets", this.limits.maxSheets, { sheet: name, row: 0 });
  }

  async row(rowNumber: number, cells: Cell[]): Promise<void> {
    this.rows++;
    this.cells += cells.length;
    const position = { sheet: this.sheetName, row: rowNumber };
    if (this.rows > this.limits.maxRows) throw tooLarge("rows", this.limits.maxRows, position);
    if (this.cells > this.limits.maxCells) throw tooLarge("cells", this.limits.maxCells, position);
    this.chunk.push([rowNumber, pack(cells)]);
    if (this.chunk.length >= CHUNK) await this.flush();
  }

  async flush(): Promise<void> {
    const rows = this.chunk;
    this.chunk = [];
    if (rows.length) await this.post({ type: "rows", rows });
  }
}

const INSTRUCTIONS = /^petunjuk$/i;

/**
 * Reads one upload and posts its sheets and rows in chunks, stopping at the first cap it passes. Runs
 * in the worker for anything but small files, so /api/health keeps answering meanwhile.
 */
export async function readUpload(input: WorkerInput, post: Post): Promise<void> {
  const counter = new Counter(input.limits, post);
  if (input.kind === "csv") {
    const decoded = decodeText(input.bytes);
    post({ type: "csv", legacyEncoding: decoded.legacyEncoding });
    await counter.sheet("CSV");
    post({ type: "sheet", name: "CSV", index: 0 });
    const { rows } = csvGrid(decoded.text);
    for (const [i, cells] of rows.entries()) await counter.row(i + 1, [...cells]);
    await counter.flush();
    return;
  }
  // Here, in the reading worker: inflating every entry to measure it made megabytes of garbage that the
  // server's own thread had to collect while other requests waited.
  await guardXlsxZip(input.bytes);
  const paths: string[] = [];
  let skipping = false;
  await streamXlsx(input.bytes, {
    async sheet(name, index, path) {
      await counter.sheet(name);
      skipping = INSTRUCTIONS.test(name.trim());
      if (skipping) return;
      paths.push(path);
      post({ type: "sheet", name, index });
    },
    async row(rowNumber, cells) {
      if (!skipping) await counter.row(rowNumber, cells);
    },
  });
  await counter.flush();
  if (!input.merges) return;
  for (const [sheet, path] of paths.entries()) {
    post({ type: "merges", sheet, ranges: await mergedRanges(input.bytes, path, input.limits.maxCells) });
  }
}

/** A refusal as it crosses from the worker: ImportError's fields, rebuilt on the other side. */
export function errorMessage(error: unknown): WorkerMessage {
  const e = asImportError(error);
  return {
    type: "error",
    error: {
      code: e.code,
      messageId: e.messageId,
      messageEn: e.messageEn,
      details: { ...e.details },
      statusCode: e.statusCode,
    },
  };
}
