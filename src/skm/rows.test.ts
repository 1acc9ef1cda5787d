import { describe, expect, it } from "vitest";
import { readDate } from "./import.js";
import { questionnaireProblems } from "./rows.js";

const full = [4, 4, 3, 4, 3, 4, 4, 3, 4];
const period = { start: "2019-01-01", end: "2019-06-30" };

describe("checking questionnaires before they are saved", () => {
  it("accepts complete questionnaires with optional respondent details left out", () => {
    expect(
      questionnaireProblems(
        [
          { respondentNo: 1, scores: full },
          { respondentNo: 2, scores: full, gender: "L", age: 40, respondedOn: "2019-06-30" },
        ],
        { period },
      ),
    ).toEqual([]);
  });

  it("names every problem of every row, in the words the entry grid shows", () => {
    const problems = questionnaireProblems(
      [
        { respondentNo: 1, scores: [4, null, 3, 4, 0, 4, 4, 2.5, 4] },
        { respondentNo: 1, scores: [4, 4, 4] },
        { respondentNo: 0, scores: full, age: 130, respondedOn: "2019-07-01" },
      ],
      { period, rowOf: (i) => i + 10 },
    );
    expect(problems.map((p) => `${p.row}: ${p.message}`)).toEqual([
      "10: U2 belum diisi.",
      "10: U5, U8 harus bilangan bulat 1–4.",
      "11: No. responden 1 sudah dipakai di baris 10.",
      "11: Harus ada 9 nilai (U1–U9), ada 3.",
      "12: No. responden harus bilangan bulat 1–99999.",
      "12: Umur harus bilangan bulat 0–120.",
      "12: Tanggal 2019-07-01 di luar periode survei (2019-01-01 s.d. 2019-06-30).",
    ]);
    expect(problems[1]?.messageEn).toBe("U5, U8 must be a whole number from 1 to 4.");
  });

  it("reads the dates people type into the upload sheet", () => {
    expect(readDate("2019-03-05")).toBe("2019-03-05");
    expect(readDate("5/3/2019")).toBe("2019-03-05");
    expect(readDate("05-03-2019")).toBe("2019-03-05");
    expect(readDate("29/02/2019")).toBeNull();
    expect(readDate("Maret 2019")).toBeNull();
  });
});
