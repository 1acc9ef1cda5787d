import { describe, expect, it } from "vitest";
import { DomainError } from "./errors.js";
import { deadlineOf, isEditable, isOnTime, nextStatus } from "./workflow.js";

describe("the report workflow", () => {
  it("goes draft → submitted → verified → approved", () => {
    expect(nextStatus("draft", "submit")).toBe("submitted");
    expect(nextStatus("submitted", "verify")).toBe("verified");
    expect(nextStatus("verified", "approve")).toBe("approved");
  });

  it("returns a report to the facility only with a reason, and the facility can resubmit", () => {
    expect(() => nextStatus("submitted", "return")).toThrow(
      expect.objectContaining({ code: "REASON_REQUIRED" }),
    );
    expect(nextStatus("submitted", "return", "K4 lebih besar dari sasaran")).toBe("returned");
    expect(nextStatus("returned", "submit")).toBe("submitted");
  });

  it("locks approved data until reopened with a reason", () => {
    expect(isEditable("approved")).toBe(false);
    expect(() => nextStatus("approved", "submit")).toThrow(DomainError);
    expect(() => nextStatus("approved", "reopen", " ")).toThrow(
      expect.objectContaining({ code: "REASON_REQUIRED" }),
    );
    expect(nextStatus("approved", "reopen", "Koreksi data Januari")).toBe("draft");
  });

  it("refuses skipping a step, saying the current status in Indonesian", () => {
    expect(() => nextStatus("draft", "approve")).toThrow(/draf/);
  });

  it("counts a January report on time up to 10 February 23:59 WIB with a 10-day deadline", () => {
    expect(deadlineOf("2024-01-31", 10)).toBe("2024-02-10");
    expect(isOnTime("2024-01-31", 10, new Date("2024-02-10T16:59:00Z"))).toBe(true);
    expect(isOnTime("2024-01-31", 10, new Date("2024-02-10T17:00:00Z"))).toBe(false);
  });
});
