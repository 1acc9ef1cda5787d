import { computeIkm } from "@domain";
import { describe, expect, it } from "vitest";
import {
  blankRow,
  checkRows,
  type DraftRow,
  genderCellOk,
  isBlank,
  responsesOf,
  scoreCellOk,
} from "./drafts";

const period = { start: "2024-01-01", end: "2024-06-30" };
const typed = (respondentNo: number, scores: string[], details: Partial<DraftRow> = {}): DraftRow => ({
  ...blankRow(respondentNo),
  scores,
  ...details,
});
const all = (score: string) => Array.from({ length: 9 }, () => score);

describe("a questionnaire typed into the SKM grid", () => {
  it("is left out while only its number is there", () => {
    expect(isBlank(blankRow(3))).toBe(true);
    expect(isBlank(typed(3, all(""), { gender: "P" }))).toBe(false);
    expect(responsesOf([blankRow(1), typed(2, all("4"))]).map((q) => q.respondentNo)).toEqual([2]);
  });

  it("flags a score outside 1–4 and a gender other than L or P in the cell itself", () => {
    expect(["", "1", "4"].map(scoreCellOk)).toEqual([true, true, true]);
    expect(["5", "0", "2,5", "x"].map(scoreCellOk)).toEqual([false, false, false, false]);
    expect(["", "L", "P", "X"].map(genderCellOk)).toEqual([true, true, true, false]);
  });

  it("reads its details as the server stores them", () => {
    const [q] = responsesOf([typed(7, all("3"), { gender: "p", age: " 41 ", education: " SMA " })]);
    expect(q).toMatchObject({ respondentNo: 7, gender: "P", age: 41, education: "SMA", occupation: null });
    expect(q?.scores).toEqual(Array.from({ length: 9 }, () => 3));
  });
});

describe("the grid's check before saving", () => {
  it("computes the live IKM from the complete questionnaires, as the server would", () => {
    const rows = [
      typed(1, all("4")),
      typed(2, all("3")),
      typed(3, [...all("2").slice(0, 8), ""]),
      blankRow(4),
    ];
    const check = checkRows(rows, period);
    expect(check.complete).toBe(2);
    expect(check.live).toEqual(computeIkm([Array(9).fill(4), Array(9).fill(3)]));
  });

  it("names each problem on the grid row it belongs to and counts what blocks saving", () => {
    const rows = [typed(1, all("4")), blankRow(2), typed(1, all("5"), { gender: "X" })];
    const check = checkRows(rows, period);
    expect([...check.problems.keys()]).toEqual([2]);
    expect(check.problems.get(2)?.map((p) => p.messageEn)).toEqual([
      "Respondent number 1 is already used in row 1.",
      "U1, U2, U3, U4, U5, U6, U7, U8, U9 must be a whole number from 1 to 4.",
    ]);
    expect(check.blocking).toBe(3);
    expect(check.live).toEqual(computeIkm([Array(9).fill(4)]));
  });

  it("has no IKM before the first complete questionnaire", () => {
    expect(checkRows([blankRow(1)], period).live).toBeNull();
  });
});
