import { describe, expect, it } from "vitest";
import { todayInJakarta } from "./jakarta-date.js";

describe("today in Jakarta", () => {
  it("turns to the next day at midnight WIB, not at midnight UTC, also asked within the same minute", () => {
    expect(todayInJakarta(new Date("2026-01-31T16:59:59.999Z"))).toBe("2026-01-31");
    expect(todayInJakarta(new Date("2026-01-31T17:00:00.000Z"))).toBe("2026-02-01");
    expect(todayInJakarta(new Date("2026-01-31T17:00:30.000Z"))).toBe("2026-02-01");
    expect(todayInJakarta(new Date("2026-01-31T16:59:30.000Z"))).toBe("2026-01-31");
  });
});
