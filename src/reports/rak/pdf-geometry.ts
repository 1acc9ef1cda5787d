import type { Paper } from "./options.js";
import { COLUMN_COUNT } from "./table-rows.js";

/** Page and column geometry of the pdf, in points, kept apart so the arithmetic can be tested. */

const MM = 72 / 25.4;

/** Landscape page sizes: A4 297 × 210 mm; F4 330 × 215 mm. */
export const PAGE_SIZE: Record<Paper, { width: number; height: number }> = {
  A4: { width: 841.89, height: 595.28 },
  F4: { width: round2(330 * MM), height: round2(215 * MM) },
};

/** 1 cm left and right, as Dinas documents are usually printed; a little more at the foot for the page number. */
export const PAGE_MARGINS: [number, number, number, number] = [28, 28, 28, 34];

export const CELL_PADDING_X = 3;
export const LINE_WIDTH = 0.5;

/**
 * Numeric columns get fixed widths sized for their widest value at 7.5 pt ("Rp 343.221.061.270",
 * "per 100.000 penduduk" on two lines); the four text columns share what is left by weight.
 */
const FIXED = { unit: 46, target: 36, quarter: 29, budget: 80 } as const;
const TEXT_WEIGHTS = [0.19, 0.22, 0.27, 0.32] as const;

/** Content widths of the 11 columns; with padding and rules they fill the page between the margins exactly. */
export function columnWidths(paper: Paper): number[] {
  const fixed = FIXED.unit + FIXED.target + 4 * FIXED.quarter + FIXED.budget;
  const free = contentWidth(paper) - tableOverhead() - fixed;
  return [
    ...TEXT_WEIGHTS.map((weight) => free * weight),
    FIXED.unit,
    FIXED.target,
    FIXED.quarter,
    FIXED.quarter,
    FIXED.quarter,
    FIXED.quarter,
    FIXED.budget,
  ];
}

/** Width between the page margins. */
export function contentWidth(paper: Paper): number {
  return PAGE_SIZE[paper].width - PAGE_MARGINS[0] - PAGE_MARGINS[2];
}

/** What pdfmake adds to the column widths: padding on both sides of each cell and every vertical rule. */
export function tableOverhead(): number {
  return COLUMN_COUNT * 2 * CELL_PADDING_X + (COLUMN_COUNT + 1) * LINE_WIDTH;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
