import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client.js";
import { ensurePeriodsOfYears } from "../periods/commands.js";
import { testDatabases } from "../test-support/databases.js";
import { loadCoverage } from "./provenance.js";

const MONTHS = Array.from({ length: 12 }, (_, i) => `2024${String(i + 1).padStart(2, "0")}`);
const pad = (n: number) => String(n).padStart(2, "0");
/** Puskesmas U01 … U26 of kota R; X01 in another kota. */
const UNITS = [
  ...Array.from({ length: 26 }, (_, i) => ({ code: `U${pad(i + 1)}`, path: `/R/U${pad(i + 1)}/` })),
  { code: "X01", path: "/X/X01/" },
];
const inA = (code: string) => code === "X01" || (code >= "U01" && code <= "U25");
const inB = (code: string) => code >= "U01" && code <= "U05";

/**
 * Which reports an evaluation expects and which were approved, as the database counts them, against
 * the reports listed one by one: data set A (elements E1, E2) is assigned to U01–U25 and to X01 outside
 * the kota, B (E2, E3) to U01–U05; U26 sent approved reports of A without being assigned to it.
 */
describe.each(testDatabases())("report coverage on $name", (target) => {
  let handle: DatabaseHandle;
  const id = new Map<string, string>();
  const one = async (query: ReturnType<typeof sql>) =>
    ((await handle.db.execute(query)) as unknown as { rows: Array<{ id: string }> }).rows[0]?.id as string;
  /** Approved reports: A for U01–U20 and X01 in Jan–Mar (U03's February only submitted), U26 in January; B for U01 in January. */
  const approved = (set: "A" | "B", code: string, period: string) =>
    set === "A"
      ? ((code <= "U20" || code === "X01") &&
          period <= "202403" &&
          !(code === "U03" && period === "202402")) ||
        (code === "U26" && period === "202401")
      : code === "U01" && period === "202401";

  beforeAll(async () => {
    handle = await target.open();
    await ensurePeriodsOfYears(handle.db, 2024, 2024);
    for (const kota of ["R", "X"]) {
      id.set(
        kota,
        await one(sql`insert into org_units (code, name, type, level, path)
          values (${kota}, ${`Kota ${kota}`}, 'kabupaten_kota', 0, ${`/${kota}/`}) returning id`),
      );
    }
    for (const u of UNITS) {
      id.set(
        u.code,
        await one(sql`insert into org_units (parent_id, code, name, type, owner_type, level, path)
          values (${id.get(u.path.split("/")[1] as string)}, ${u.code}, ${`Puskesmas ${u.code}`}, 'puskesmas',
            'pemerintah', 1, ${u.path}) returning id`),
      );
    }
    for (const e of ["E1", "E2", "E3"]) {
      id.set(e, await one(sql`insert into data_elements (code, name) values (${e}, ${e}) returning id`));
    }
    for (const [set, elements, assigned] of [
      ["A", ["E1", "E2"], inA],
      ["B", ["E2", "E3"], inB],
    ] as const) {
      const setId = await one(
        sql`insert into data_sets (code, name, period_type) values (${set}, ${set}, 'month') returning id`,
      );
      for (const [i, e] of elements.entries()) {
        await handle.db.execute(sql`insert into data_set_elements (data_set_id, data_element_id, position)
          values (${setId}, ${id.get(e)}, ${i + 1})`);
      }
      for (const u of UNITS.filter((u) => assigned(u.code))) {
        await handle.db.execute(
          sql`insert into data_set_org_units (data_set_id, org_unit_id) values (${setId}, ${id.get(u.code)})`,
        );
      }
      // These units have no kab/kota above them: each is its own (factDistrictOf), hence its id twice.
      const reports = UNITS.flatMap((u) =>
        MONTHS.map(
          (period) => sql`(${id.get(u.code)}::uuid, ${setId}::uuid, ${id.get(u.code)}::uuid, ${period},
          ${approved(set, u.code, period) ? "approved" : "submitted"})`,
        ),
      );
      await handle.db.execute(sql`insert into data_set_reports (district_id, data_set_id, org_unit_id, period, status)
        values ${sql.join(reports, sql`, `)}`);
    }
  });
  afterAll(() => handle.close());

  /** The reports of the kota's units assigned to the sets, month by month, in tree order. */
  const byHand = (sets: Array<"A" | "B">, months: string[]) => {
    const expected = sets.flatMap((set) =>
      UNITS.filter((u) => u.path.startsWith("/R/") && (set === "A" ? inA : inB)(u.code)).flatMap((u) =>
        months.map((period) => ({ set, code: u.code, period })),
      ),
    );
    const missing = expected.filter((e) => !approved(e.set, e.code, e.period));
    return { expected: expected.length, approved: expected.length - missing.length, missing };
  };

  it("counts the expected and approved reports of each data set, naming the first 60 missing in tree order", async () => {
    const coverage = await loadCoverage(handle.db, "/R/", MONTHS, ["E1", "E2", "E3"]);
    const a = byHand(["A"], MONTHS);
    expect(a).toMatchObject({ expected: 300, approved: 59 });
    expect(coverage(["E1"])).toEqual({
      expected: a.expected,
      approved: a.approved,
      missing: a.missing.slice(0, 60).map((m) => ({ orgUnitName: `Puskesmas ${m.code}`, period: m.period })),
    });
    expect(coverage(["E1"]).missing).toContainEqual({ orgUnitName: "Puskesmas U03", period: "202402" });
    const b = byHand(["B"], MONTHS);
    expect(coverage(["E3"])).toEqual({
      expected: b.expected,
      approved: b.approved,
      missing: b.missing.map((m) => ({ orgUnitName: `Puskesmas ${m.code}`, period: m.period })),
    });
  });

  it("expects both data sets' reports for an element either holds, and none for an element no set holds", async () => {
    const coverage = await loadCoverage(handle.db, "/R/", MONTHS.slice(0, 3), ["E1", "E2", "E3", "E9"]);
    const both = byHand(["A", "B"], MONTHS.slice(0, 3));
    expect(coverage(["E2"])).toMatchObject({ expected: both.expected, approved: both.approved });
    expect(coverage(["E1", "E3"])).toMatchObject({ expected: both.expected, approved: both.approved });
    expect(coverage(["E2"]).missing).toHaveLength(both.missing.length);
    expect(coverage(["E9"])).toEqual({ expected: 0, approved: 0, missing: [] });
  });
});
