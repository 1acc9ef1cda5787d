import { describe, expect, it } from "vitest";
import { type Membership, membersAt, planMembership } from "./membership.js";
import { parsePeriod } from "./periods.js";

const row = (
  id: string,
  position: number,
  validFrom: string | null = null,
  validTo: string | null = null,
): Membership => ({
  dataElementId: id,
  position,
  section: null,
  validFrom,
  validTo,
});
const ids = (rows: Membership[]) => rows.map((r) => r.dataElementId);

describe("a form's elements over time", () => {
  const history = [row("A", 0), row("B", 1, null, "202605"), row("C", 2, "202606")];

  it("shows an earlier period the elements it had", () => {
    expect(ids(membersAt(history, parsePeriod("202605")))).toEqual(["A", "B"]);
    expect(ids(membersAt(history, parsePeriod("202606")))).toEqual(["A", "C"]);
  });

  it("without a period, lists the current elements", () => {
    expect(ids(membersAt(history))).toEqual(["A", "C"]);
  });

  it("closes a removed element at the period before the change and starts an added one", () => {
    const plan = planMembership(
      [row("A", 0), row("B", 1)],
      [
        { dataElementId: "A", section: null },
        { dataElementId: "C", section: "Gizi" },
      ],
      "202607",
    );
    expect(plan.close).toEqual([{ dataElementId: "B", validFrom: null, validTo: "202606" }]);
    expect(plan.add).toEqual([
      { dataElementId: "C", section: "Gizi", position: 1, validFrom: "202607", validTo: null },
    ]);
    expect(plan.keep).toEqual([{ dataElementId: "A", validFrom: null, position: 0, section: null }]);
    expect(plan.remove).toEqual([]);
  });

  it("drops a membership that had not yet taken effect instead of closing it", () => {
    const plan = planMembership(
      [row("A", 0), row("C", 1, "202607")],
      [{ dataElementId: "A", section: null }],
      "202607",
    );
    expect(plan.remove).toEqual([{ dataElementId: "C", validFrom: "202607" }]);
    expect(plan.close).toEqual([]);
  });

  it("replaces the elements outright while nobody has reported the form", () => {
    const plan = planMembership([row("A", 0)], [{ dataElementId: "B", section: null }], null);
    expect(plan.remove).toEqual([{ dataElementId: "A", validFrom: null }]);
    expect(plan.add[0]).toMatchObject({ dataElementId: "B", validFrom: null });
  });

  it("reorders and re-sections without a new version", () => {
    const plan = planMembership(
      [row("A", 0), row("B", 1)],
      [
        { dataElementId: "B", section: "X" },
        { dataElementId: "A", section: null },
      ],
      "202607",
    );
    expect(plan.keep.map((k) => [k.dataElementId, k.position, k.section])).toEqual([
      ["B", 0, "X"],
      ["A", 1, null],
    ]);
    expect(plan.add).toEqual([]);
    expect(plan.close).toEqual([]);
  });
});
