import { describe, expect, it } from "vitest";
import { checkDefinition, type DefinitionDraft } from "./indicator-check.js";

const context = {
  elements: new Set(["BUMIL_K4", "BUMIL_SASARAN", "KEMATIAN_IBU"]),
  indicators: new Set(["IND_K4"]),
};
const ratio: DefinitionDraft = {
  code: "IND_K4",
  kind: "ratio",
  factor: 100,
  unit: "%",
  numerator: "#{BUMIL_K4}",
  denominator: "#{BUMIL_SASARAN}",
};

describe("checking an indicator definition as it is typed", () => {
  it("accepts a ratio of two known data elements in percent", () => {
    expect(checkDefinition(ratio, context)).toEqual([]);
  });

  it("names an unknown data element with its position, in Indonesian and English", () => {
    const [found] = checkDefinition({ ...ratio, numerator: "#{BUMIL_K4} + #{K6}" }, context);
    expect(found).toMatchObject({ field: "numerator", code: "UNKNOWN_ELEMENT", position: 15 });
    expect(found?.message.id).toContain("tidak dikenal");
    expect(found?.message.en).toContain("unknown data element #{K6}");
  });

  it("gives the position of a syntax error", () => {
    const [found] = checkDefinition({ ...ratio, denominator: "#{BUMIL_SASARAN} *" }, context);
    expect(found).toMatchObject({ field: "denominator", code: "EXPRESSION_INVALID", position: 19 });
  });

  it("refuses a division by zero at the operator, and a denominator that is always 0", () => {
    expect(checkDefinition({ ...ratio, numerator: "#{BUMIL_K4} / (2 - 2)" }, context)).toMatchObject([
      { code: "DIVISION_BY_ZERO", position: 13 },
    ]);
    expect(checkDefinition({ ...ratio, denominator: "0" }, context)).toMatchObject([
      { field: "denominator", code: "DIVISION_BY_ZERO" },
    ]);
  });

  it("refuses an expression naming an indicator (itself or another) as a cycle", () => {
    const issues = checkDefinition(
      { ...ratio, code: "IND_BARU", numerator: "#{IND_BARU} + #{IND_K4}" },
      context,
    );
    expect(issues.map((i) => [i.code, i.position])).toEqual([
      ["EXPRESSION_CYCLE", 1],
      ["EXPRESSION_CYCLE", 15],
    ]);
  });

  it("refuses a unit that contradicts the type: % on a count, % with factor 1.000, per 1.000 with factor 100", () => {
    const count: DefinitionDraft = { code: "X", kind: "count", unit: "%", numerator: "#{KEMATIAN_IBU}" };
    expect(checkDefinition(count, context)).toMatchObject([{ field: "unit", code: "UNIT_CONTRADICTS_KIND" }]);
    expect(checkDefinition({ ...ratio, factor: 1000 }, context)).toMatchObject([{ field: "unit" }]);
    expect(checkDefinition({ ...ratio, unit: "per 1.000 kelahiran hidup" }, context)).toMatchObject([
      { field: "unit" },
    ]);
    expect(checkDefinition({ ...count, unit: "kasus" }, context)).toEqual([]);
  });

  it("refuses a ratio factor other than 1, 100, 1.000 or 100.000 and an empty denominator", () => {
    expect(checkDefinition({ ...ratio, unit: "rasio", factor: 10, denominator: "" }, context)).toMatchObject([
      { code: "FACTOR_INVALID" },
      { code: "EXPRESSION_EMPTY", field: "denominator" },
    ]);
  });
});
