import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "./errors.js";
import { dataElementsOf, evaluate, parseExpression } from "./expression.js";

const errorOf = (source: string): DomainError => {
  try {
    parseExpression(source);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`expected ${source} to be rejected`);
};

describe("indicator formulas over data elements", () => {
  it("reads DHIS2-style references with an optional category option combo", () => {
    expect(parseExpression("#{K4.PEMERINTAH}")).toEqual({
      type: "dataElement",
      dataElement: "K4",
      categoryOptionCombo: "PEMERINTAH",
      key: "K4.PEMERINTAH",
    });
  });

  it("respects precedence and parentheses", () => {
    const values = { A: "2", B: "3", C: "4" };
    expect(evaluate(parseExpression("#{A} + #{B} * #{C}"), values)).toEqual({
      computable: true,
      value: "14",
    });
    expect(evaluate(parseExpression("(#{A} + #{B}) * #{C}"), values)).toEqual({
      computable: true,
      value: "20",
    });
    expect(evaluate(parseExpression("#{C} - #{B} - #{A}"), values)).toEqual({
      computable: true,
      value: "-1",
    });
    expect(evaluate(parseExpression("-#{A} * 2.5"), values)).toEqual({ computable: true, value: "-5" });
  });

  it("adds government and private facilities, as the SPM numerator requires", () => {
    const expression = parseExpression("#{K4} + #{K4_SWASTA}");
    expect(evaluate(expression, { K4: "1200", K4_SWASTA: "340" })).toEqual({
      computable: true,
      value: "1540",
    });
  });

  it("estimates a denominator from population and prevalence exactly", () => {
    const expression = parseExpression("#{PENDUDUK_15_PLUS} * #{PREVALENSI_HT} / 100");
    expect(evaluate(expression, { PENDUDUK_15_PLUS: "1500000", PREVALENSI_HT: "25.8" })).toEqual({
      computable: true,
      value: "387000",
    });
  });

  it("lists the data elements a formula needs, once each", () => {
    expect(dataElementsOf(parseExpression("#{A} + #{B.X} * (#{A} - 1)"))).toEqual(["A", "B.X"]);
  });

  it("reports missing data elements instead of treating them as 0", () => {
    const result = evaluate(parseExpression("#{K4} + #{K4_SWASTA} + #{K4_KLINIK}"), { K4: "10" });
    expect(result).toMatchObject({
      computable: false,
      reason: "missing_data",
      missing: ["K4_SWASTA", "K4_KLINIK"],
    });
  });

  it("treats a division by zero inside a formula as not computable", () => {
    expect(evaluate(parseExpression("#{A} / #{B}"), { A: "1", B: "0" })).toMatchObject({
      reason: "denominator_zero",
    });
  });

  it("rejects a values map that is not a map", () => {
    expect(() => evaluate(parseExpression("1"), null as unknown as Record<string, string>)).toThrow(
      DomainError,
    );
  });
});

describe("formula errors point at the bad token", () => {
  it.each([
    ["#{K4} + * #{K5}", 9, "*"],
    ["#{K4} @ 2", 7, "@"],
    ["#{K4 + 1", 1, "#{K4"],
    ["#{} + 1", 1, "#{}"],
    ["(#{K4} + 1", 11, ""],
    ["#{K4} + 1)", 10, ")"],
    ["#{K4} #{K5}", 7, "#{K5}"],
    ["1,5 * #{A}", 2, ","],
    ["", 1, ""],
  ])("%j fails at position %i on %j", (source, position, token) => {
    const error = errorOf(source);
    expect(error.code).toBe("EXPRESSION_INVALID");
    expect(error.details).toMatchObject({ position, token });
    expect(error.messageId).toContain(`posisi ${position}`);
    expect(error.messageEn).toContain(`position ${position}`);
  });

  it("refuses absurdly long or deep formulas with a DomainError, not a stack overflow", () => {
    expect(() => parseExpression("(".repeat(5000))).toThrow(DomainError);
    expect(() => parseExpression(`${"-".repeat(500)}1`)).toThrow(DomainError);
    expect(() => parseExpression(Array(3000).fill("1").join("+"))).toThrow(DomainError);
  });

  it("never throws anything but DomainError on arbitrary input", () => {
    const fragments = fc.constantFrom(
      "#{A}",
      "#{B.C}",
      "#{",
      "}",
      "1",
      "2.5",
      "+",
      "-",
      "*",
      "/",
      "(",
      ")",
      " ",
      ".",
      "#",
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(fragments).map((parts) => parts.join("")),
          fc.anything(),
        ),
        (input) => {
          try {
            const tree = parseExpression(input as string);
            evaluate(tree, { A: "1", "B.C": "0" });
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
          }
        },
      ),
    );
  });
});
