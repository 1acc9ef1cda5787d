import { computeIkm, SKM_ELEMENTS } from "@domain";
import {
  isScore,
  type Questionnaire,
  questionnaireProblems,
  type RowProblem,
} from "../../../../src/skm/rows";
import type { SurveyDetail } from "./skmApi";

/** One questionnaire as typed into the grid: every cell is text until it is saved. */
export interface DraftRow {
  key: number;
  respondentNo: string;
  respondedOn: string;
  gender: string;
  age: string;
  education: string;
  occupation: string;
  scores: string[];
}

export type DetailField = "respondedOn" | "gender" | "age" | "education" | "occupation";
export const DETAIL_FIELDS: readonly DetailField[] = [
  "respondedOn",
  "gender",
  "age",
  "education",
  "occupation",
];

let nextKey = 0;
const emptyScores = () => SKM_ELEMENTS.map(() => "");

export function blankRow(respondentNo: number): DraftRow {
  return {
    key: nextKey++,
    respondentNo: String(respondentNo),
    respondedOn: "",
    gender: "",
    age: "",
    education: "",
    occupation: "",
    scores: emptyScores(),
  };
}

export function draftsOf(survey: SurveyDetail): DraftRow[] {
  const rows = survey.responses.map((r) => ({
    key: nextKey++,
    respondentNo: String(r.respondentNo),
    respondedOn: r.respondedOn ?? "",
    gender: r.gender ?? "",
    age: r.age === null ? "" : String(r.age),
    education: r.education ?? "",
    occupation: r.occupation ?? "",
    scores: r.scores.map(String),
  }));
  return rows.length ? rows : [blankRow(1)];
}

/** A row someone has not started: only the number the grid gave it. Such rows are not saved. */
export const isBlank = (row: DraftRow) =>
  row.scores.every((s) => s.trim() === "") && DETAIL_FIELDS.every((f) => row[f].trim() === "");

const numberOrNull = (text: string) => (text.trim() === "" ? null : Number(text.trim()));

export const scoreCellOk = (text: string) => text === "" || isScore(Number(text));
export const genderCellOk = (text: string) => text === "" || text === "L" || text === "P";

export function toQuestionnaire(row: DraftRow): Questionnaire {
  const gender = row.gender.trim().toUpperCase();
  return {
    respondentNo: row.respondentNo.trim() === "" ? Number.NaN : Number(row.respondentNo),
    scores: row.scores.map(numberOrNull),
    respondedOn: row.respondedOn || null,
    gender: gender === "L" || gender === "P" ? gender : null,
    age: numberOrNull(row.age),
    education: row.education.trim() || null,
    occupation: row.occupation.trim() || null,
  };
}

export interface GridCheck {
  /** Problems per row index of the grid (blank rows have none). */
  problems: Map<number, RowProblem[]>;
  /** Problems that block saving, cells the grid itself flags included. */
  blocking: number;
  /** The IKM of the complete, valid questionnaires, recomputed at every keystroke. */
  live: ReturnType<typeof computeIkm> | null;
  complete: number;
}

/** The same checks the server makes, so the grid shows the refusal before anyone presses save. */
export function checkRows(rows: readonly DraftRow[], period: { start: string; end: string }): GridCheck {
  const filled = rows.map((row, index) => ({ row, index })).filter(({ row }) => !isBlank(row));
  const found = questionnaireProblems(
    filled.map(({ row }) => toQuestionnaire(row)),
    { period, rowOf: (i) => (filled[i]?.index ?? 0) + 1 },
  );
  const problems = new Map<number, RowProblem[]>();
  for (const p of found) problems.set(p.row - 1, [...(problems.get(p.row - 1) ?? []), p]);
  const badGender = filled.filter(({ row }) => !genderCellOk(row.gender.trim().toUpperCase())).length;
  const complete = filled
    .map(({ row }) => toQuestionnaire(row).scores)
    .filter((scores) => scores.every(isScore)) as number[][];
  return {
    problems,
    blocking: found.length + badGender,
    live: complete.length ? computeIkm(complete) : null,
    complete: complete.length,
  };
}

/** The body of PUT /skm/surveys/:id/responses. */
export const responsesOf = (rows: readonly DraftRow[]) =>
  rows.filter((row) => !isBlank(row)).map(toQuestionnaire);
