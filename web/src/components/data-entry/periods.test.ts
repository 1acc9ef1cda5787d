import { describe, expect, it } from "vitest";
import { defaultPeriod, formatDay, labelOf, languageOf, openingPeriod, readPeriod } from "./periods";

describe("periods in the address bar and on screen", () => {
  it("reads a period code from the address, and nothing from a wrong one", () => {
    expect(readPeriod("202403")?.code).toBe("202403");
    expect(readPeriod("2024Q2")?.code).toBe("2024Q2");
    expect(readPeriod("2024-13")).toBeNull();
    expect(readPeriod(null)).toBeNull();
  });

  it("labels a period in the reader's language, and shows an unreadable code as it is", () => {
    expect(labelOf("202403", "id")).toBe("Maret 2024");
    expect(labelOf("202403", "en")).toBe("March 2024");
    expect(labelOf("zzz", "id")).toBe("zzz");
    expect(languageOf("fr")).toBe("id");
  });

  it("writes a deadline date as people read it", () => {
    expect(formatDay("2024-02-10", "id")).toBe("10 Februari 2024");
    expect(formatDay("2024-02-10", "en")).toBe("10 February 2024");
  });

  it("opens on the last period reported in a past year with data, else on the one asked for or the last one ended", () => {
    expect(openingPeriod("month", null, "202409", 2024)).toBe("202409");
    expect(openingPeriod("month", "202403", "202409", 2024)).toBe("202403");
    expect(openingPeriod("month", "2024Q1", "202409", 2024)).toBe("202409");
    const thisYear = new Date().getFullYear();
    expect(openingPeriod("month", null, `${thisYear}01`, thisYear)).toBe(defaultPeriod("month"));
    expect(openingPeriod("month", null, undefined, 2024)).toBe(defaultPeriod("month"));
  });
});
