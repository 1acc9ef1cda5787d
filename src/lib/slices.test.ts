import { describe, expect, it } from "vitest";
import { mapInSlices } from "./slices.js";

describe("mapInSlices", () => {
  it("maps in order and lets a timer run while a long map is under way", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const busy = (n: number) => {
      const until = performance.now() + 2;
      while (performance.now() < until);
      return n * 2;
    };
    const out = await mapInSlices(
      Array.from({ length: 60 }, (_, i) => i),
      busy,
      10,
    );
    clearInterval(timer);
    expect(out).toEqual(Array.from({ length: 60 }, (_, i) => i * 2));
    expect(ticks).toBeGreaterThan(3);
  });
});
