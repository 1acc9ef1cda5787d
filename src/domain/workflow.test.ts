import { describe, expect, it } from "vitest";
import { DomainError } from "./errors.js";
import {
  type ActionPermission,
  availableActions,
  checkSubmittedContent,
  deadlineOf,
  isEditable,
  isOnTime,
  nextStatus,
  permissionsFor,
} from "./workflow.js";

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

describe("who can take which step", () => {
  const holding =
    (...held: ActionPermission[]) =>
    (p: ActionPermission) =>
      held.includes(p);

  it("lets the Kepala Dinas approve or send back a verified report, but not one still waiting for verification", () => {
    expect(availableActions("verified", holding("data.approve"))).toEqual(["approve", "return"]);
    expect(availableActions("submitted", holding("data.approve"))).toEqual([]);
  });

  it("lets a pengelola program verify or return a submitted report", () => {
    expect(availableActions("submitted", holding("data.verify"))).toEqual(["verify", "return"]);
    expect(permissionsFor("return", "submitted")).toEqual(["data.verify"]);
  });

  it("lets an operator submit a draft or returned report and nothing after that", () => {
    expect(availableActions("draft", holding("data.enter"))).toEqual(["submit"]);
    expect(availableActions("returned", holding("data.enter"))).toEqual(["submit"]);
    expect(availableActions("approved", holding("data.enter"))).toEqual([]);
  });
});

describe("a report needs content", () => {
  it("refuses an empty report unless it is declared nihil with a reason", () => {
    expect(() => checkSubmittedContent(0, undefined)).toThrow(
      expect.objectContaining({ code: "REPORT_EMPTY" }),
    );
    expect(() => checkSubmittedContent(0, "  ")).toThrow(
      expect.objectContaining({ code: "NIHIL_REASON_REQUIRED" }),
    );
    expect(() => checkSubmittedContent(0, "Tidak ada persalinan bulan ini")).not.toThrow();
  });

  it("refuses a nihil report that holds values, and accepts values without nihil", () => {
    expect(() => checkSubmittedContent(3, "kosong")).toThrow(
      expect.objectContaining({ code: "NIHIL_HAS_VALUES" }),
    );
    expect(() => checkSubmittedContent(3, undefined)).not.toThrow();
  });
});
