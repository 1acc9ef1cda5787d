import { describe, expect, it } from "vitest";
import { periodsBack } from "./prefetch";
import { inOrder, legacyFormKey, type QueueEntry, summarize, toSend, withEdits } from "./queue";

const key = { dataSetId: "ds", orgUnitId: "ou", period: "202401" };
const edit = (text: string) => ({ text, baseValue: null, revision: null });
const entry = (storageKey: string, queuedAt: number, patch: Partial<QueueEntry> = {}): QueueEntry => ({
  userId: "u1",
  storageKey,
  key,
  edits: { a: edit("1"), b: edit("2") },
  queuedAt,
  held: [],
  error: null,
  ...patch,
});

describe("the queue of unsent edits", () => {
  it("keeps when a form first waited, and drops a form with nothing left", () => {
    const fields = { userId: "u1", storageKey: "k", key, edits: { a: edit("1") } };
    const first = withEdits(undefined, fields, 100);
    expect(first?.queuedAt).toBe(100);
    const later = withEdits({ ...entry("k", 100), held: ["a"], error: "x" }, fields, 500);
    expect(later).toMatchObject({ queuedAt: 100, held: [], error: null });
    expect(withEdits(first, { ...fields, edits: {} }, 600)).toBeUndefined();
  });

  it("sends forms oldest first, ties in a stable order", () => {
    const order = inOrder([entry("c", 300), entry("b", 100), entry("a", 100)]).map((e) => e.storageKey);
    expect(order).toEqual(["a", "b", "c"]);
  });

  it("counts what waits, what the server held and forms it refused", () => {
    const summary = summarize([
      entry("a", 1, { held: ["a", "gone"] }),
      entry("b", 2, { error: "Laporan sudah dikirim" }),
      entry("c", 3, { edits: { x: edit("5") } }),
    ]);
    expect(summary).toEqual({ waiting: 5, held: 1, failed: 1 });
  });

  it("sends again neither held values nor a refused form", () => {
    expect(Object.keys(toSend(entry("a", 1, { held: ["a"] })))).toEqual(["b"]);
    expect(toSend(entry("a", 1, { error: "locked" }))).toEqual({});
  });

  it("takes over an earlier version's localStorage keys for their own user only", () => {
    expect(legacyFormKey("capaian.isian.u1.ds.ou.202401", "u1")).toEqual(key);
    expect(legacyFormKey("capaian.isian.u2.ds.ou.202401", "u1")).toBeNull();
    expect(legacyFormKey("capaian.isian.u1.ds.ou", "u1")).toBeNull();
    expect(legacyFormKey("capaian.lang", "u1")).toBeNull();
  });

  it("keeps recent periods on the device: each start and the ones before, without repeats", () => {
    expect(periodsBack(["202403", "202402"], 3)).toEqual(["202403", "202402", "202401", "202312"]);
    expect(periodsBack(["2024Q1"], 2)).toEqual(["2024Q1", "2023Q4"]);
  });
});
