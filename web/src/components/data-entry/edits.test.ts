import { afterEach, describe, expect, it, vi } from "vitest";
import { loadQueue, queueEntries, unloadQueue } from "../offline/queueStore";
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
  afterEach(() => {
    unloadQueue();
    vi.unstubAllGlobals();
  });

  const memoryStorage = (entries: Record<string, string>) => {
    const items = new Map(Object.entries(entries));
    return Object.assign(Object.fromEntries(items), {
      getItem: (k: string) => items.get(k) ?? null,
      removeItem: (k: string) => void items.delete(k),
      items,
    });
  };
  const form = { dataSetId: "ds", orgUnitId: "ou", period: "202401" };

  it("are kept per user and per form, and removed once nothing is left", async () => {
    vi.stubGlobal("localStorage", memoryStorage({}));
    await loadQueue("user-1");
    const key = storageKeyOf("user-1", form);
    expect(key).toBe("capaian.isian.user-1.ds.ou.202401");
    const edits = { a: { text: "5", baseValue: null, revision: null } };
    storeEdits(key, form, edits);
    expect(loadEdits(key)).toEqual(edits);
    expect(queueEntries()).toHaveLength(1);
    storeEdits(key, form, {});
    expect(loadEdits(key)).toEqual({});
    expect(queueEntries()).toEqual([]);
  });

  it("left in localStorage by an earlier version are taken over for their own user only", async () => {
    const edits = { a: { text: "5", baseValue: null, revision: null } };
    const storage = memoryStorage({
      "capaian.isian.user-1.ds.ou.202401": JSON.stringify(edits),
      "capaian.isian.user-1.ds.ou.202402": "{not json",
      "capaian.isian.user-2.ds.ou.202401": JSON.stringify(edits),
    });
    vi.stubGlobal("localStorage", storage);
    await loadQueue("user-1");
    expect(loadEdits(storageKeyOf("user-1", form))).toEqual(edits);
    expect(queueEntries().map((e) => e.key)).toEqual([form]);
    expect([...storage.items.keys()]).toEqual(["capaian.isian.user-2.ds.ou.202401"]);
  });
});
