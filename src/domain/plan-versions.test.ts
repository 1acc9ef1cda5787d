import { describe, expect, it } from "vitest";
import { activeAmong, pickActive } from "./plan-versions.js";

describe("the version of a plan in force", () => {
  it("is the latest signed version even when a newer draft exists", () => {
    const versions = [
      { version: 1, status: "signed" as const },
      { version: 2, status: "signed" as const },
      { version: 3, status: "draft" as const },
    ];
    expect(pickActive(versions)?.version).toBe(2);
  });

  it("is the latest draft when none is signed, and nothing when there is no version", () => {
    expect(
      pickActive([
        { version: 1, status: "draft" },
        { version: 2, status: "draft" },
      ])?.version,
    ).toBe(2);
    expect(pickActive([])).toBeUndefined();
  });

  it("is chosen per plan when many plans are listed together", () => {
    const list = [
      { plan: "a", version: 1, status: "signed" as const },
      { plan: "a", version: 2, status: "draft" as const },
      { plan: "b", version: 1, status: "draft" as const },
    ];
    const active = activeAmong(list, (v) => v.plan);
    expect(list.map((v) => active.has(v))).toEqual([true, false, true]);
  });
});
