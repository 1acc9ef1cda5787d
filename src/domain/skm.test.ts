import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "./errors.js";
import { computeIkm, skmBand } from "./skm.js";

describe("the public satisfaction index (IKM) of Permenpan RB 14/2017", () => {
  it("is the mean score times 25", () => {
    const result = computeIkm([
      [4, 4, 3, 4, 3, 4, 4, 3, 4],
      [3, 3, 3, 4, 3, 3, 4, 3, 3],
    ]);
    expect(result.ikm).toBe("86.11");
    expect(result.band).toBe("B");
    expect(result.elementMeans[0]).toBe("3.5");
  });

  it.each([
    ["100", "A"],
    ["88.31", "A"],
    ["88.3", "B"],
    ["76.61", "B"],
    ["76.6", "C"],
    ["65", "C"],
    ["64.99", "D"],
    ["25", "D"],
  ])("puts %s in band %s", (ikm, band) => {
    expect(skmBand(ikm)).toBe(band);
  });

  it("refuses a questionnaire with a score outside 1–4, naming it", () => {
    expect(() =>
      computeIkm([
        [4, 4, 4, 4, 4, 4, 4, 4, 4],
        [4, 4, 5, 4, 4, 4, 4, 4, 4],
      ]),
    ).toThrow(expect.objectContaining({ messageId: "Kuesioner ke-2: harus 9 nilai bulat 1–4." }));
  });

  it("always lands between 25 and 100 (property)", () => {
    const score = fc.integer({ min: 1, max: 4 });
    fc.assert(
      fc.property(
        fc.array(fc.array(score, { minLength: 9, maxLength: 9 }), { minLength: 1, maxLength: 30 }),
        (qs) => {
          const ikm = Number(computeIkm(qs).ikm);
          expect(ikm).toBeGreaterThanOrEqual(25);
          expect(ikm).toBeLessThanOrEqual(100);
        },
      ),
    );
  });

  it("throws only domain errors on nonsense", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.anything())), (qs) => {
        try {
          computeIkm(qs as number[][]);
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
        }
      }),
    );
  });
});
