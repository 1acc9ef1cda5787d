import { describe, expect, it } from "vitest";
import { moveHighlight, opensSearch } from "./searchApi";

const key = (k: string, mods: Partial<Record<"ctrlKey" | "metaKey" | "altKey", boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe("the search box's keys", () => {
  it("opens on Ctrl+K anywhere, and on / only outside a text field", () => {
    expect(opensSearch(key("k", { ctrlKey: true }), true)).toBe(true);
    expect(opensSearch(key("K", { metaKey: true }), false)).toBe(true);
    expect(opensSearch(key("/"), false)).toBe(true);
    expect(opensSearch(key("/"), true)).toBe(false);
    expect(opensSearch(key("k"), false)).toBe(false);
  });

  it("walks the hits with the arrows, wrapping around", () => {
    expect(moveHighlight(0, 3, "ArrowDown")).toBe(1);
    expect(moveHighlight(2, 3, "ArrowDown")).toBe(0);
    expect(moveHighlight(0, 3, "ArrowUp")).toBe(2);
    expect(moveHighlight(0, 0, "ArrowUp")).toBe(0);
  });
});
