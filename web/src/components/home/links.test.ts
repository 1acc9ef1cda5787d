import { describe, expect, it } from "vitest";
import { changePercent, formLink } from "./links";

describe("home links and changes", () => {
  it("opens a report on its form, org unit and period", () => {
    expect(formLink({ dataSetId: "d", orgUnitId: "u", period: "202409" })).toBe(
      "/isian?dataSetId=d&orgUnitId=u&period=202409",
    );
  });

  it("gives the change in percent of the earlier value, none without one or from zero", () => {
    expect(changePercent("11.8421", "10")).toBe("18.4");
    expect(changePercent("50", "100")).toBe("-50");
    expect(changePercent("5", null)).toBeNull();
    expect(changePercent("5", "0")).toBeNull();
  });
});
