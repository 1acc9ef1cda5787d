import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, codesMatching } from "../domain/index.js";

/** Every non-test source file, where the audit records are written. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

const code = sources(join(import.meta.dirname, "..")).map((file) => readFileSync(file, "utf8"));
const literals = (pattern: RegExp) =>
  new Set(code.flatMap((text) => [...text.matchAll(pattern)].map((m) => m[1])));

describe("the audit's words", () => {
  it("name every action the code records, in both languages", () => {
    const recorded = literals(/action: (?:[^"\n]*\? )?"([a-z]+\.[a-z_]+)"/g);
    for (const step of ["submit", "verify", "approve", "return", "reopen"])
      recorded.add(`data.report_${step}`);
    for (const text of code)
      for (const m of text.matchAll(/action: [^\n]*\? "([a-z]+\.[a-z_]+)" : "([a-z]+\.[a-z_]+)"/g)) {
        recorded.add(m[1] as string);
        recorded.add(m[2] as string);
      }
    const permissions = /\.(read|write|manage|enter|verify|approve|sign|adopt|pdf|json)$/;
    const missing = [...recorded].filter(
      (a) => a && !permissions.test(a) && !AUDIT_ACTION_LABELS[a as string],
    );
    expect(missing).toEqual([]);
    expect(recorded.size).toBeGreaterThan(40);
  });

  it("name every entity type the code records", () => {
    const recorded = literals(/entityType: "([a-z_]+)"/g);
    expect([...recorded].filter((e) => !AUDIT_ENTITY_LABELS[e as string])).toEqual([]);
    expect(recorded.size).toBeGreaterThan(15);
  });

  it("find actions by their words in either language", () => {
    expect(codesMatching(AUDIT_ACTION_LABELS, "laporan dikirim")).toEqual(["data.report_submit"]);
    expect(codesMatching(AUDIT_ACTION_LABELS, "Password")).toEqual(
      expect.arrayContaining(["user.password_reset", "user.password_changed"]),
    );
    expect(codesMatching(AUDIT_ENTITY_LABELS, "")).toEqual([]);
  });
});
