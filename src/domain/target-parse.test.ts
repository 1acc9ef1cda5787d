import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "./errors.js";
import { formatTarget, parseTarget, storedTarget, targetAmount } from "./target-parse.js";

describe("reading target cells as written in the plan", () => {
  it("keeps '-' as no target, never zero", () => {
    expect(parseTarget("-")).toEqual({ kind: "none", text: "-" });
    expect(targetAmount(parseTarget("-"))).toBeNull();
  });

  it("keeps decimals exactly as written next to their value", () => {
    expect(parseTarget("0.013")).toEqual({ kind: "decimal", text: "0.013", value: "0.013" });
    expect(parseTarget("24.5")).toEqual({ kind: "decimal", text: "24.5", value: "24.5" });
    expect(targetAmount(parseTarget("72,18"))).toBe("72.18");
    expect(targetAmount(parseTarget("100%"))).toBe("100");
  });

  it("reads '11 dan 2' as two counts that total 13, keeping the original text", () => {
    expect(parseTarget("11 dan 2")).toEqual({
      kind: "compound",
      text: "11 dan 2",
      components: ["11", "2"],
      value: "13",
    });
  });

  it("explains an unreadable target in both languages", () => {
    try {
      parseTarget("sebelas");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: "TARGET_INVALID" });
      expect((error as DomainError).messageId).toContain("sebelas");
    }
  });

  it("never throws anything but DomainError on arbitrary cells", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.stringMatching(/^[\d.,]{1,6}( dan [\d.,]{1,4})?%?$/), fc.anything()),
        (cell) => {
          try {
            parseTarget(cell as string);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
          }
        },
      ),
    );
  });
});

describe("showing a stored target the Indonesian way", () => {
  it.each([
    ["72.18", "72,18"],
    ["0.013", "0,013"],
    ["343221061270", "343.221.061.270"],
    ["11 dan 2", "11 dan 2"],
    ["-", "-"],
    ["", "-"],
  ])("%s → %s", (stored, shown) => {
    expect(formatTarget(stored)).toBe(shown);
  });
});

describe("storing a target typed by a planner", () => {
  it.each([
    ["72,18", "72.18"],
    ["72.18", "72.18"],
    [" 11 dan 2 ", "11 dan 2"],
    ["", "-"],
    ["-", "-"],
    ["1.234,5", "1234.5"],
  ])("%s is stored as %s", (typed, stored) => {
    expect(storedTarget(typed)).toBe(stored);
    expect(formatTarget(storedTarget(typed))).toBe(formatTarget(stored));
  });

  it("refuses text that is not a target, naming it", () => {
    expect(() => storedTarget("sepuluh")).toThrow(/sepuluh/);
  });
});
