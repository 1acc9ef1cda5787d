/** Pure rules shared by every "choose a file → preview → save" screen (no React, no fetch). */

/** What the file pickers accept: the filled templates are xlsx or csv. */
export const SPREADSHEET_ACCEPT =
  ".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv";

/** Why a preview cannot be saved: rows with problems, or nothing that would change. */
export type SaveBlock = "errors" | "nothing" | null;

export function saveBlock({ errors, changes }: { errors: number; changes: number }): SaveBlock {
  if (errors > 0) return "errors";
  if (changes === 0) return "nothing";
  return null;
}

/**
 * The "shown N of M rows" line of a paged preview: only when the server sent fewer rows than the file
 * has, so a short file shows no line at all.
 */
export function pageOf(shown: number, total: number): { shown: number; total: number } | null {
  return shown < total ? { shown, total } : null;
}

/**
 * The text of a failed upload. The upload helper already turns the server's `{error:{message,messageEn}}`
 * into an error in the user's language, so its message is shown as is.
 */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
