/**
 * Row heights for the xlsx. Neither Excel nor LibreOffice grows a row for wrapped text in a merged
 * cell, and Excel does not always refit rows written by a library, so the export sets every height
 * from an estimate of how many lines each cell wraps to.
 */

/** Characters of 9 pt Arial per unit of Excel column width; a little low so text is never clipped. */
const CHARS_PER_WIDTH = 1.25;
const LINE_HEIGHT_PT = 12;
const PADDING_PT = 3;
export const MIN_ROW_HEIGHT_PT = LINE_HEIGHT_PT + PADDING_PT;

/** Lines `text` needs in a column `width` characters wide, wrapping at spaces like a spreadsheet does. */
export function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * CHARS_PER_WIDTH));
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let used = 0;
    lines += 1;
    for (const word of paragraph.split(" ")) {
      const needed = used === 0 ? word.length : used + 1 + word.length;
      if (needed <= perLine) {
        used = needed;
        continue;
      }
      // The word starts a new line; a word longer than the line breaks over several.
      const wordLines = Math.max(1, Math.ceil(word.length / perLine));
      lines += used === 0 ? wordLines - 1 : wordLines;
      used = word.length - (wordLines - 1) * perLine;
    }
  }
  return lines;
}

export function heightFor(lines: number): number {
  return lines * LINE_HEIGHT_PT + PADDING_PT;
}

/**
 * Grows `heights` (one per row) so a cell covering rows first..first+count-1 gets `needed` points,
 * spreading the shortfall evenly over its rows.
 */
export function growToFit(heights: number[], first: number, count: number, needed: number): void {
  let have = 0;
  for (let i = first; i < first + count; i++) have += heights[i] ?? 0;
  if (have >= needed) return;
  const extra = (needed - have) / count;
  for (let i = first; i < first + count; i++) heights[i] = (heights[i] ?? 0) + extra;
}
