import type { Cell } from "./cells.js";
import { csvGrid, decodeText } from "./csv.js";
import { asImportError } from "./errors.js";
import { type SpreadsheetLimits, tooLarge } from "./limits.js";
import type { WorkerInput, WorkerMessage } from "./worker-protocol.js";
import { mergedRanges, streamXlsx } from "./xlsx-stream.js";

const CHUNK = 2_000;

/** Empty cells travel as null: most of a sheet is empty and a shared object does not survive cloning. */
const pack = (cells: Cell[]) => cells.map((cell) => (cell.kind === "empty" ? null : cell));

class Counter {
  private readonly post: (message: WorkerMessage) => void;
  private rows = 0;
  private cells = 0;
  private sheets = 0;
  private sheetName = "";
  private chunk: Array<[number, (Cell | null)[]]> = [];
  constructor(
    private readonly limits: SpreadsheetLimits,
    post: (message: WorkerMessage) => void,
  ) {
    this.post = post;
  }

  sheet(name: string): boolean {
    this.flush();
    this.sheets++;
    this.sheetName = name;
    if (this.sheets > this.limits.maxSheets)
      throw tooLarge("sheets", this.limits.maxSheets, { sheet: name, row: 0 });
    return true;
  }

  row(rowNumber: number, cells: Cell[]) {
    this.rows++;
    this.cells += cells.length;
    const position = { sheet: this.sheetName, row: rowNumber };
    if (this.rows > this.limits.maxRows) throw tooLarge("rows", this.limits.maxRows, position);
    if (this.cells > this.limits.maxCells) throw tooLarge("cells", this.limits.maxCells, position);
    this.chunk.push([rowNumber, pack(cells)]);
    if (this.chunk.length >= CHUNK) this.flush();
  }

  flush() {
    if (this.chunk.length) this.post({ type: "rows", rows: this.chunk });
    this.chunk = [];
  }
}

const INSTRUCTIONS = /^petunjuk$/i;

/**
 * Reads one upload and posts its sheets and rows in chunks, stopping at the first cap it passes. Runs
 * in the worker for anything but small files, so /api/health keeps answering meanwhile.
 */
export async function readUpload(input: WorkerInput, post: (message: WorkerMessage) => void): Promise<void> {
  const counter = new Counter(input.limits, post);
  if (input.kind === "csv") {
    const decoded = decodeText(input.bytes);
    post({ type: "csv", legacyEncoding: decoded.legacyEncoding });
    counter.sheet("CSV");
    post({ type: "sheet", name: "CSV", index: 0 });
    csvGrid(decoded.text).rows.forEach((cells, i) => {
      counter.row(i + 1, [...cells]);
    });
    counter.flush();
    return;
  }
  const paths: string[] = [];
  let skipping = false;
  await streamXlsx(input.bytes, {
    sheet(name, index, path) {
      counter.sheet(name);
      skipping = INSTRUCTIONS.test(name.trim());
      if (skipping) return;
      paths.push(path);
      post({ type: "sheet", name, index });
    },
    row(rowNumber, cells) {
      if (!skipping) counter.row(rowNumber, cells);
    },
  });
  counter.flush();
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
