import { SKM_ELEMENTS } from "../domain/index.js";

/**
 * The checks every questionnaire of a Survei Kepuasan Masyarakat must pass before anything is saved,
 * shared by the entry grid (web), the save route and the upload. Pure, so the screen flags a cell with
 * the same words the server would answer with.
 */
export interface Questionnaire {
  respondentNo: number;
  /** U1–U9 in the order of SKM_ELEMENTS; null for a cell left empty. */
  scores: readonly (number | null)[];
  respondedOn?: string | null;
  gender?: "L" | "P" | null;
  age?: number | null;
  education?: string | null;
  occupation?: string | null;
}

export interface RowProblem {
  /** 1-based: the row of the entry grid, or the spreadsheet row of an upload. */
  row: number;
  respondentNo: number | null;
  message: string;
  messageEn: string;
}

/** "U1".."U9", the names the printed questionnaire gives the elements. */
export const elementCode = (index: number) => `U${index + 1}`;

export const isScore = (value: unknown): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 4;

/** The first day and last day of the surveyed period, to check the dates questionnaires were filled in. */
export interface PeriodBounds {
  start: string;
  end: string;
}

/**
 * Every problem of every questionnaire, so one answer lists all the rows to fix. `rowOf` gives the row
 * number a person sees for the i-th questionnaire.
 */
export function questionnaireProblems(
  rows: readonly Questionnaire[],
  options: { rowOf?: (index: number) => number; period?: PeriodBounds } = {},
): RowProblem[] {
  const rowOf = options.rowOf ?? ((i: number) => i + 1);
  const problems: RowProblem[] = [];
  const firstRowOf = new Map<number, number>();
  rows.forEach((q, i) => {
    const row = rowOf(i);
    const problem = (message: string, messageEn: string) =>
      problems.push({
        row,
        respondentNo: Number.isInteger(q.respondentNo) ? q.respondentNo : null,
        message,
        messageEn,
      });
    if (!Number.isInteger(q.respondentNo) || q.respondentNo < 1 || q.respondentNo > 99_999) {
      problem(
        "No. responden harus bilangan bulat 1–99999.",
        "The respondent number must be a whole number 1–99999.",
      );
    } else {
      const earlier = firstRowOf.get(q.respondentNo);
      if (earlier === undefined) firstRowOf.set(q.respondentNo, row);
      else
        problem(
          `No. responden ${q.respondentNo} sudah dipakai di baris ${earlier}.`,
          `Respondent number ${q.respondentNo} is already used in row ${earlier}.`,
        );
    }
    if (q.scores.length !== SKM_ELEMENTS.length) {
      problem(
        `Harus ada 9 nilai (U1–U9), ada ${q.scores.length}.`,
        `There must be 9 scores (U1–U9); there are ${q.scores.length}.`,
      );
    } else {
      const empty = q.scores.flatMap((s, e) => (s === null ? [elementCode(e)] : []));
      const wrong = q.scores.flatMap((s, e) => (s !== null && !isScore(s) ? [elementCode(e)] : []));
      if (empty.length)
        problem(
          `${empty.join(", ")} belum diisi.`,
          `${empty.join(", ")} ${empty.length > 1 ? "are" : "is"} empty.`,
        );
      if (wrong.length)
        problem(
          `${wrong.join(", ")} harus bilangan bulat 1–4.`,
          `${wrong.join(", ")} must be a whole number from 1 to 4.`,
        );
    }
    if (q.age !== null && q.age !== undefined && (!Number.isInteger(q.age) || q.age < 0 || q.age > 120)) {
      problem("Umur harus bilangan bulat 0–120.", "Age must be a whole number 0–120.");
    }
    const { period } = options;
    if (q.respondedOn && period && (q.respondedOn < period.start || q.respondedOn > period.end)) {
      problem(
        `Tanggal ${q.respondedOn} di luar periode survei (${period.start} s.d. ${period.end}).`,
        `The date ${q.respondedOn} is outside the survey period (${period.start} to ${period.end}).`,
      );
    }
  });
  return problems;
}

/** Scores in the shape computeIkm takes; computeIkm itself refuses any empty cell that slipped through. */
export const scoresOf = (rows: readonly Questionnaire[]) => rows.map((q) => q.scores as readonly number[]);
