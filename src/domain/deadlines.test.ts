import { describe, expect, it } from "vitest";
import {
  dataSetPeriodsDue,
  defaultRegionDeadlines,
  regionDeadlines,
  reminderDue,
  reminderText,
} from "./deadlines.js";

describe("a region's yearly deadlines", () => {
  it("default to the 15th (evaluation) and 20th (e-SPM) of the month after each quarter, January for the year", () => {
    const d = defaultRegionDeadlines(2024);
    const of = (kind: string, period: string) =>
      d.find((x) => x.kind === kind && x.period === period)?.dueDate;
    expect(d).toHaveLength(9);
    expect(of("evaluation_quarter", "2024Q1")).toBe("2024-04-15");
    expect(of("spm_quarter", "2024Q2")).toBe("2024-07-20");
    expect(of("spm_quarter", "2024Q4")).toBe("2025-01-20");
    expect(of("spm_annual", "2024")).toBe("2025-01-31");
  });

  it("take the admin's date where one is stored", () => {
    const d = regionDeadlines(2024, [{ kind: "spm_quarter", period: "2024Q1", dueDate: "2024-04-22" }]);
    expect(d.find((x) => x.kind === "spm_quarter" && x.period === "2024Q1")).toEqual({
      kind: "spm_quarter",
      period: "2024Q1",
      dueDate: "2024-04-22",
      isDefault: false,
    });
    expect(d.filter((x) => x.isDefault)).toHaveLength(8);
  });
});

describe("which reminder is due", () => {
  it("is 'before' from N days ahead to the day, 'overdue' for a week after, nothing otherwise", () => {
    expect(reminderDue("2024-04-20", "2024-04-16", 3)).toBeNull();
    expect(reminderDue("2024-04-20", "2024-04-17", 3)).toBe("before");
    expect(reminderDue("2024-04-20", "2024-04-20", 3)).toBe("before");
    expect(reminderDue("2024-04-20", "2024-04-21", 3)).toBe("overdue");
    expect(reminderDue("2024-04-20", "2024-04-28", 3)).toBeNull();
    expect(reminderDue("2024-12-30", "2025-01-02", 0)).toBe("overdue");
  });

  it("finds a monthly form's period whose deadline is near, across a year's end", () => {
    // January's form is due 10 days after 31 January.
    expect(dataSetPeriodsDue({ periodType: "month", deadlineDays: 10 }, "2024-02-08", 3)).toEqual([
      { period: "202401", dueDate: "2024-02-10", reminder: "before" },
    ]);
    expect(dataSetPeriodsDue({ periodType: "month", deadlineDays: 10 }, "2025-01-11", 3)).toEqual([
      { period: "202412", dueDate: "2025-01-10", reminder: "overdue" },
    ]);
    expect(dataSetPeriodsDue({ periodType: "month", deadlineDays: 10 }, "2024-02-20", 3)).toEqual([]);
  });
});

describe("a reminder's text", () => {
  it("reads in Indonesian and in English", () => {
    const input = {
      kind: "spm_quarter" as const,
      reminder: "before" as const,
      period: "2024Q1",
      dueDate: "2024-04-20",
      subject: "Kota Metro",
    };
    expect(reminderText(input, "id")).toEqual({
      title: "Tenggat Laporan e-SPM: 20 April 2024",
      body: "Laporan e-SPM Triwulan I 2024 untuk Kota Metro harus selesai paling lambat 20 April 2024.",
    });
    expect(reminderText({ ...input, reminder: "overdue" }, "en").title).toBe("e-SPM report overdue");
  });
});
