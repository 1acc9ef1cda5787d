import { ImportError } from "./errors.js";

/**
 * What one upload may hold, checked while the file is read so that a huge sheet is refused after the
 * first rows past the cap, never after it has been held in memory whole.
 */
export interface SpreadsheetLimits {
  /** Worksheets read (the instructions sheet of a template included). */
  maxSheets: number;
  /** Rows over all sheets. */
  maxRows: number;
  /** Cells over all sheets, empty ones inside a row included. */
  maxCells: number;
}

export const DEFAULT_LIMITS: SpreadsheetLimits = {
  maxSheets: 40,
  maxRows: 200_000,
  maxCells: 500_000,
};

/** A RAK is a few hundred rows; beyond 20 000 it is not a RAK, and its tree would not fit a screen. */
export const RAK_LIMITS: SpreadsheetLimits = { maxSheets: 40, maxRows: 20_000, maxCells: 400_000 };

const fmt = (n: number) => n.toLocaleString("id-ID");

/** 413 with where reading stopped: the planner learns which sheet and row broke the cap. */
export function tooLarge(
  what: "sheets" | "rows" | "cells",
  limit: number,
  position: { sheet: string; row: number },
): ImportError {
  const id = { sheets: "lembar kerja", rows: "baris", cells: "sel" }[what];
  return new ImportError(
    `TOO_MANY_${what.toUpperCase()}`,
    `Berkas memuat lebih dari ${fmt(limit)} ${id} (terhenti di lembar "${position.sheet}", baris ${fmt(position.row)}); bagi menjadi beberapa berkas`,
    `The file holds more than ${limit.toLocaleString("en")} ${what} (stopped at sheet "${position.sheet}", row ${position.row}); split it into several files`,
    { limit, ...position },
    413,
  );
}
