import { describe, expect, it } from "vitest";
import { checkRules, isElementCode } from "./rule-check.js";
import type { ValidationRule } from "./validation.js";

const rule = (over: Partial<ValidationRule> = {}): ValidationRule => ({
  code: "K4_LE_SASARAN",
  left: "#{K4}",
  operator: "<=",
  right: "#{SASARAN}",
  severity: "error",
  message: { id: "K4 melebihi sasaran", en: "K4 exceeds the target" },
  ...over,
});
const form = new Set(["K4", "SASARAN"]);

describe("checking a form's validation rules", () => {
  it("accepts a rule over the form's elements", () => {
    expect(checkRules([rule()], form)).toEqual([]);
  });

  it("names an element the form does not have", () => {
    const [problem] = checkRules([rule({ right: "#{BUMIL} * 2" })], form);
    expect(problem).toMatchObject({ rule: 0, field: "right" });
    expect(problem?.message.id).toContain("BUMIL bukan data dalam formulir ini");
  });

  it("reports a syntax error with its position", () => {
    const [problem] = checkRules([rule({ left: "#{K4} +" })], form);
    expect(problem?.field).toBe("left");
    expect(problem?.message.id).toContain("posisi");
  });

  it("refuses duplicate codes and missing messages", () => {
    const problems = checkRules([rule(), rule({ message: { id: "x", en: " " } })], form);
    expect(problems.map((p) => p.field)).toEqual(["code", "message"]);
  });

  it("accepts only codes an expression can name", () => {
    expect(isElementCode("BUMIL_K4")).toBe(true);
    expect(isElementCode("BUMIL-K4")).toBe(false);
    expect(isElementCode("K4.SWASTA")).toBe(false);
    expect(isElementCode("")).toBe(false);
  });
});
