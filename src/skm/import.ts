import { SKM_ELEMENTS } from "../domain/index.js";
import {
  type Cell,
  cellAt,
  cellText,
  type Grid,
  ImportError,
  readSpreadsheet,
} from "../interop/spreadsheet/index.js";
import { AppError } from "../lib/errors.js";
import { type PeriodBounds, type Questionnaire, questionnaireProblems, type RowProblem } from "./rows.js";

const MAX_BYTES = 5 * 1024 * 1024;

type Field = "respondentNo" | "respondedOn" | "gender" | "age" | "education" | "occupation";

/** Header words, as in our template and as people retype them (“No”, “JK”, “Usia”, “U1 Persyaratan”). */
const FIELD_HEADERS: ReadonlyArray<[RegExp, Field]> = [
  [/^(no\.?|nomor)( ?responden)?$/, "respondentNo"],
  [/^tanggal/, "respondedOn"],
  [/^(jenis kelamin|jk\b|l\/p)/, "gender"],
  [/^(umur|usia)/, "age"],
  [/^pendidikan/, "education"],
  [/^pekerjaan/, "occupation"],
];

interface Layout {
  headerRow: number;
  fields: Partial<Record<Field, number>>;
  /** Column of U1 … U9. */
  scores: number[];
}

const normalized = (cell: Cell) => cellText(cell).toLowerCase().replace(/\s+/g, " ").trim();

function findLayout(grid: Grid): Layout | null {
  for (let r = 0; r < Math.min(grid.rows.length, 30); r++) {
    const fields: Partial<Record<Field, number>> = {};
    const scores: number[] = [];
    (grid.rows[r] ?? []).forEach((cell, c) => {
      const text = normalized(cell);
      const element = /^u ?([1-9])\b/.exec(text);
      if (element) scores[Number(element[1]) - 1] ??= c;
      for (const [pattern, field] of FIELD_HEADERS) if (pattern.test(text)) fields[field] ??= c;
    });
    const complete = SKM_ELEMENTS.every((_, e) => scores[e] !== undefined);
    if (fields.respondentNo !== undefined && complete) return { headerRow: r, fields, scores };
  }
  return null;
}

const DATE_FORMS: ReadonlyArray<[RegExp, (m: RegExpExecArray) => [string, string, string]]> = [
  [/^(\d{4})-(\d{1,2})-(\d{1,2})$/, (m) => [m[1] as string, m[2] as string, m[3] as string]],
  [/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/, (m) => [m[3] as string, m[2] as string, m[1] as string]],
];

/** "2024-03-15", "15/03/2024" or "15-3-2024" as an ISO date; null when it is not a real calendar date. */
export function readDate(text: string): string | null {
  for (const [pattern, parts] of DATE_FORMS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const [y, m, d] = parts(match);
    const iso = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
    const date = new Date(`${iso}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
  }
  return null;
}

const GENDERS: Record<string, "L" | "P"> = { l: "L", "laki-laki": "L", p: "P", perempuan: "P" };

export interface ParsedUpload {
  /** Questionnaires found (rows numbered only, with nothing filled in, are not counted). */
  questionnaires: Questionnaire[];
  problems: RowProblem[];
}

/** Reads one data row; problems the shared checks cannot see (unreadable text) are added here. */
function readRow(grid: Grid, r: number, layout: Layout, problems: RowProblem[]): Questionnaire | null {
  const text = (col: number | undefined) => (col === undefined ? "" : cellText(cellAt(grid, r, col)).trim());
  const scoreTexts = layout.scores.map((c) => text(c));
  const details = (["respondedOn", "gender", "age", "education", "occupation"] as const).map((f) =>
    text(layout.fields[f]),
  );
  if ([...scoreTexts, ...details].every((t) => t === "")) return null;
  const numberText = text(layout.fields.respondentNo);
  const respondentNo = numberText === "" ? Number.NaN : Number(numberText);
  const row = r + 1;
  const problem = (message: string, messageEn: string) =>
    problems.push({
      row,
      respondentNo: Number.isInteger(respondentNo) ? respondentNo : null,
      message,
      messageEn,
    });
  const [dateText = "", genderText = "", ageText = "", education = "", occupation = ""] = details;
  const respondedOn = dateText ? readDate(dateText) : null;
  if (dateText && !respondedOn)
    problem(
      `Tanggal "${dateText}" tidak terbaca; tulis 31/12/2024 atau 2024-12-31.`,
      `Date "${dateText}" is unreadable; write 31/12/2024 or 2024-12-31.`,
    );
  const gender = genderText ? (GENDERS[genderText.toLowerCase()] ?? null) : null;
  if (genderText && !gender)
    problem(`Jenis kelamin "${genderText}": tulis L atau P.`, `Gender "${genderText}": write L or P.`);
  for (const [value, name] of [
    [education, "Pendidikan"],
    [occupation, "Pekerjaan"],
  ] as const)
    if (value.length > 100)
      problem(`${name} lebih dari 100 huruf.`, `${name} is longer than 100 characters.`);
  return {
    respondentNo,
    scores: scoreTexts.map((t) => (t === "" ? null : Number(t))),
    respondedOn,
    gender,
    age: ageText === "" ? null : Number(ageText),
    education: education || null,
    occupation: occupation || null,
  };
}

/**
 * Questionnaires from an uploaded .xlsx (our template or any sheet with the same column titles) or
 * .csv, through the shared reader that refuses zip bombs, encrypted and old .xls files. A file whose
 * layout is unrecognisable is refused whole; row problems come back with the spreadsheet row number.
 */
export async function readQuestionnaireFile(
  bytes: Uint8Array,
  fileName: string,
  period: PeriodBounds,
): Promise<ParsedUpload> {
  const { grids } = await readSpreadsheet(bytes, fileName, MAX_BYTES).catch((error: unknown) => {
    if (error instanceof ImportError)
      throw new AppError(error.statusCode, error.code, error.messageId, error.messageEn, error.details);
    throw error;
  });
  const found = grids.map((grid) => ({ grid, layout: findLayout(grid) })).find((g) => g.layout);
  if (!found?.layout) {
    throw new AppError(
      400,
      "SKM_FILE_LAYOUT",
      "Kolom No. responden dan U1–U9 tidak ditemukan. Unduh templat kuesioner lalu isi sesuai kolomnya.",
      "The columns No. responden and U1–U9 were not found. Download the questionnaire template and fill it in.",
    );
  }
  const { grid, layout } = found;
  const problems: RowProblem[] = [];
  const questionnaires: Questionnaire[] = [];
  const rows: number[] = [];
  for (let r = layout.headerRow + 1; r < grid.rows.length; r++) {
    // Our template names the elements in the row under U1–U9; that row is a header, not a questionnaire.
    const subHeader =
      r === layout.headerRow + 1 &&
      cellText(cellAt(grid, r, layout.fields.respondentNo as number)) === "" &&
      /^[^\d]/.test(cellText(cellAt(grid, r, layout.scores[0] as number)));
    if (subHeader) continue;
    const questionnaire = readRow(grid, r, layout, problems);
    if (!questionnaire) continue;
    questionnaires.push(questionnaire);
    rows.push(r + 1);
  }
  if (questionnaires.length === 0) {
    throw new AppError(
      400,
      "SKM_FILE_EMPTY",
      "Berkas ini tidak berisi kuesioner yang terisi.",
      "This file holds no filled-in questionnaire.",
    );
  }
  problems.push(...questionnaireProblems(questionnaires, { rowOf: (i) => rows[i] as number, period }));
  problems.sort((a, b) => a.row - b.row);
  return { questionnaires, problems };
}
