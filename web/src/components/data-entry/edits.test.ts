import { afterEach, describe, expect, it, vi } from "vitest";
import {
  afterSave,
  type Edit,
  isReadable,
  loadEdits,
  readTyped,
  sendable,
  storageKeyOf,
  storeEdits,
  valuesToSave,
  valueToSend,
  withChange,
} from "./edits";

const saved = (dataElementId: string, value: string, revision: number) => ({
  dataElementId,
  value,
  comment: null,
  revision,
});

describe("reading what the operator typed", () => {
  it("reads Indonesian and plain numbers, an empty cell as no value", () => {
    expect(readTyped("1.234")).toBe("1234");
    expect(readTyped(" 12,5 ")).toBe("12.5");
    expect(readTyped("")).toBeNull();
    expect(readTyped("   ")).toBeNull();
    expect(readTyped("dua")).toBeUndefined();
  });

  it("holds back an unreadable value but never a comment-only change", () => {
    expect(isReadable({ text: "abc", baseValue: null, revision: null })).toBe(false);
    expect(isReadable({ comment: "stok habis", baseValue: "5", revision: 2 })).toBe(true);
  });
});

describe("the value sent to the server", () => {
  it("sends the text as typed, an emptied cell as a deletion", () => {
    expect(valueToSend({ text: " 1.234 ", baseValue: null, revision: null })).toBe("1.234");
    expect(valueToSend({ text: "  ", baseValue: "7", revision: 1 })).toBeNull();
  });

  it("keeps an untouched decimal a decimal when only the comment changed", () => {
    // "1.234" would be read back as 1234 (Indonesian thousands); "1.2340" cannot be.
    expect(valueToSend({ comment: "x", baseValue: "1.234", revision: 3 })).toBe("1.2340");
    expect(valueToSend({ comment: "x", baseValue: "48", revision: 3 })).toBe("48");
  });

  it("sends each value with the revision it was typed over, and a comment only when it changed", () => {
    const batch: Array<[string, Edit]> = [
      ["a", { text: "5", baseValue: null, revision: null }],
      ["b", { text: "6", comment: "naik", baseValue: "4", revision: 2 }],
    ];
    expect(valuesToSave(batch)).toEqual([
      { dataElementId: "a", value: "5", revision: null },
      { dataElementId: "b", value: "6", comment: "naik", revision: 2 },
    ]);
  });
});

describe("which edits go out", () => {
  it("leaves out values in conflict, values the server refused and unreadable ones", () => {
    const edits = {
      ok: { text: "1", baseValue: null, revision: null },
      conflict: { text: "2", baseValue: null, revision: null },
      refused: { text: "3", baseValue: null, revision: null },
      typo: { text: "x", baseValue: null, revision: null },
    };
    const batch = sendable(edits, { conflicts: { conflict: {} }, rejected: { refused: "too big" } });
    expect(batch.map(([id]) => id)).toEqual(["ok"]);
  });
});

describe("recording a change", () => {
  const server = { value: "10", comment: null, revision: 4 };

  it("starts an edit on the server's value and revision", () => {
    expect(withChange({}, "a", { text: "11" }, server, false)).toEqual({
      a: { text: "11", baseValue: "10", revision: 4 },
    });
    expect(withChange({}, "new", { text: "1" }, undefined, false)).toEqual({
      new: { text: "1", baseValue: null, revision: null },
    });
  });

  it("drops the edit when the value is typed back to the saved one", () => {
    const edits = withChange({}, "a", { text: "11" }, server, false);
    expect(withChange(edits, "a", { text: "10" }, server, false)).toEqual({});
  });

  it("keeps an edit in conflict even when it matches the server, so the operator still chooses", () => {
    expect(withChange({}, "a", { text: "10" }, server, true)).toHaveProperty("a");
  });

  it("keeps the other edits and their order", () => {
    const edits = { x: { text: "1", baseValue: null, revision: null } };
    expect(Object.keys(withChange(edits, "a", { comment: "catatan" }, server, false))).toEqual(["x", "a"]);
  });
});

describe("after the server saved a batch", () => {
  it("forgets what was sent, and moves what was typed meanwhile onto the new revision", () => {
    const sentA: Edit = { text: "5", baseValue: null, revision: null };
    const sentB: Edit = { text: "6", baseValue: "4", revision: 2 };
    const typedAgain: Edit = { text: "7", baseValue: "4", revision: 2 };
    const notSent: Edit = { text: "8", baseValue: null, revision: null };
    const left = afterSave(
      { a: sentA, b: typedAgain, c: notSent },
      [
        ["a", sentA],
        ["b", sentB],
      ],
      [saved("a", "5", 1), saved("b", "6", 3)],
    );
    expect(left).toEqual({ b: { text: "7", baseValue: "6", revision: 3 }, c: notSent });
  });
});

describe("unsent edits kept on the device", () => {
  afterEach(() => vi.unstubAllGlobals());

  const memoryStorage = () => {
    const items = new Map<string, string>();
    return {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
      items,
    };
  };

  it("are kept per user and per form, and removed once nothing is left", () => {
    const storage = memoryStorage();
    vi.stubGlobal("localStorage", storage);
    const key = storageKeyOf("user-1", { dataSetId: "ds", orgUnitId: "ou", period: "202401" });
    expect(key).toBe("capaian.isian.user-1.ds.ou.202401");
    const edits = { a: { text: "5", baseValue: null, revision: null } };
    storeEdits(key, edits);
    expect(loadEdits(key)).toEqual(edits);
    storeEdits(key, {});
    expect(storage.items.has(key)).toBe(false);
  });

  it("start empty when the stored copy is unreadable or storage is unavailable", () => {
    const storage = memoryStorage();
    storage.items.set("k", "{not json");
    vi.stubGlobal("localStorage", storage);
    expect(loadEdits("k")).toEqual({});
    vi.stubGlobal("localStorage", {
      getItem: () => {
        throw new Error("disabled");
      },
      setItem: () => {
        throw new Error("full");
      },
    });
    expect(loadEdits("k")).toEqual({});
    expect(() => storeEdits("k", { a: { text: "1", baseValue: null, revision: null } })).not.toThrow();
  });
});
