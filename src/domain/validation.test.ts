import { describe, expect, it } from "vitest";
import { findingKey, unexplainedWarnings, type ValidationRule, validateValues } from "./validation.js";

const k4NotAboveSasaran: ValidationRule = {
  code: "K4_LE_SASARAN",
  left: "#{K4}",
  operator: "<=",
  right: "#{BUMIL_SASARAN}",
  severity: "error",
  message: { id: "K4 tidak boleh melebihi jumlah ibu hamil.", en: "K4 cannot exceed the pregnant women." },
};
const types = { K4: "integer", BUMIL_SASARAN: "integer", HB: "number" } as const;

describe("validating a facility's monthly form", () => {
  it("accepts a consistent form", () => {
    expect(
      validateValues({
        rules: [k4NotAboveSasaran],
        values: { K4: "40", BUMIL_SASARAN: "52" },
        valueTypes: types,
      }),
    ).toEqual([]);
  });

  it("blocks a numerator above its denominator, naming both cells", () => {
    const [finding] = validateValues({
      rules: [k4NotAboveSasaran],
      values: { K4: "60", BUMIL_SASARAN: "52" },
      valueTypes: types,
    });
    expect(finding).toMatchObject({
      code: "K4_LE_SASARAN",
      severity: "error",
      dataElements: ["K4", "BUMIL_SASARAN"],
    });
  });

  it("waits for both values before checking a rule", () => {
    expect(validateValues({ rules: [k4NotAboveSasaran], values: { K4: "60" }, valueTypes: types })).toEqual(
      [],
    );
  });

  it("refuses negative values and fractions of people", () => {
    const codes = validateValues({
      rules: [],
      values: { K4: "-1", BUMIL_SASARAN: "2.5", HB: "11.2" },
      valueTypes: types,
    }).map((f) => [f.code, f.dataElements[0]]);
    expect(codes).toEqual([
      ["NEGATIVE", "K4"],
      ["NOT_WHOLE", "BUMIL_SASARAN"],
    ]);
  });

  it("warns about a jump of more than half from the previous month", () => {
    const [jump] = validateValues({
      rules: [],
      values: { K4: "90", BUMIL_SASARAN: "52" },
      previous: { K4: "40", BUMIL_SASARAN: "50" },
      valueTypes: types,
    });
    expect(jump).toMatchObject({ code: "BIG_JUMP", severity: "warning", dataElements: ["K4"] });
    expect(jump?.message.id).toContain("+125%");
  });

  it("names the data element in its messages, not its code", () => {
    const [jump, negative] = validateValues({
      rules: [],
      values: { K4: "90", HB: "-1" },
      previous: { K4: "40" },
      valueTypes: types,
      names: { K4: "Ibu hamil mendapat pelayanan K4", HB: "Kadar Hb" },
    }).sort((a, b) => a.code.localeCompare(b.code));
    expect(jump?.message.id).toMatch(/^Ibu hamil mendapat pelayanan K4: berubah \+125%/);
    expect(jump?.message.en).toMatch(/^Ibu hamil mendapat pelayanan K4: changed/);
    expect(negative?.message).toEqual({
      id: "Kadar Hb: nilai tidak boleh negatif.",
      en: "Kadar Hb: the value cannot be negative.",
    });
  });
});

describe("warnings waiting for a comment", () => {
  const jumps = validateValues({
    rules: [],
    values: { K4: "90", BUMIL_SASARAN: "200" },
    previous: { K4: "40", BUMIL_SASARAN: "50" },
    valueTypes: types,
  });

  it("keys each warning by what it is about, so two jumps are two warnings", () => {
    expect(jumps.map(findingKey)).toEqual(["BIG_JUMP:K4", "BIG_JUMP:BUMIL_SASARAN"]);
  });

  it("explains only the warnings whose own values carry a comment", () => {
    expect(unexplainedWarnings(jumps, new Set(["K4"])).map((f) => f.dataElements)).toEqual([
      ["BUMIL_SASARAN"],
    ]);
    expect(unexplainedWarnings(jumps, new Set(["K4", "BUMIL_SASARAN"]))).toEqual([]);
    expect(unexplainedWarnings(jumps, new Set())).toHaveLength(2);
  });
});
