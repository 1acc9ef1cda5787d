import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client.js";
import { add, canonical } from "../domain/index.js";
import { ensurePeriodsOfYears } from "../periods/commands.js";
import { testDatabases } from "../test-support/databases.js";
import { approvedAreaSums, approvedRootSums, type MonthSets } from "./approved-values.js";

/** Every slice's sums by area, set, element and owner type. */
async function allAreaSums(
  handle: DatabaseHandle,
  sets: MonthSets,
  areaIds: string[],
  perStatement?: number,
) {
  const out = new Map<string, string>();
  for await (const slice of approvedAreaSums(handle.db, sets, areaIds, perStatement)) {
    for (const r of slice.sums)
      out.set(`${r.areaId}|${r.set}|${r.element}|${r.ownerType}`, canonical(r.total));
  }
  return out;
}

/**
 * PostgreSQL's sums against the domain's on random data: which values count (a report of a data set
 * holding the element approved for that facility and month; element E2 sits in both data sets), which
 * areas a facility counts in (kept by the database's triggers as the rows change), owner types, overlapping month sets, decimals at the column's 4 places.
 */
const MONTHS = ["202401", "202402", "202403", "202404", "202405"];
const ELEMENTS = ["PT_E1", "PT_E2", "PT_E3"];
const SETS = [
  { name: "PT_A", elements: ["PT_E1", "PT_E2"] },
  { name: "PT_B", elements: ["PT_E2", "PT_E3"] },
];
const MONTH_SETS = [
  { months: ["202401", "202402", "202403"], codes: ["PT_E1", "PT_E2"] },
  { months: ["202402", "202403", "202404"], codes: ["PT_E3", "PT_E2"] },
];
/** A kota with two kecamatan, a puskesmas in each, a private clinic under the first, and a unit outside. */
const UNITS = [
  { code: "PT", path: "/PT/", type: "kabupaten_kota", owner: null, level: 2 },
  { code: "PT.1", path: "/PT/PT.1/", type: "kecamatan", owner: null, level: 3 },
  { code: "PT.2", path: "/PT/PT.2/", type: "kecamatan", owner: null, level: 3 },
  { code: "PT.1.P", path: "/PT/PT.1/PT.1.P/", type: "puskesmas", owner: "pemerintah", level: 4 },
  { code: "PT.2.P", path: "/PT/PT.2/PT.2.P/", type: "puskesmas", owner: "bumd", level: 4 },
  { code: "PT.1.P.S", path: "/PT/PT.1/PT.1.P/PT.1.P.S/", type: "klinik", owner: "swasta", level: 5 },
  { code: "PU.P", path: "/PU/PU.P/", type: "puskesmas", owner: "pemerintah", level: 3 },
] as const;
const FACILITIES = ["PT.1.P", "PT.2.P", "PT.1.P.S", "PU.P"];
/** The areas each facility counts in under the kota: its kecamatan and its puskesmas. */
const AREAS: Record<string, string[]> = {
  "PT.1.P": ["PT.1", "PT.1.P"],
  "PT.2.P": ["PT.2", "PT.2.P"],
  "PT.1.P.S": ["PT.1", "PT.1.P"],
};

const decimal = fc
  .tuple(fc.bigInt({ min: -(10n ** 9n), max: 10n ** 12n }), fc.integer({ min: 0, max: 4 }))
  .map(([units, scale]) =>
    canonical(
      scale === 0
        ? `${units}`
        : `${units / 10n ** BigInt(scale)}.${`${units < 0n ? -units : units}`.slice(-scale).padStart(scale, "0")}`,
    ),
  );
const cell = <T>(arb: fc.Arbitrary<T>, keys: string[][]) => fc.tuple(...keys.map(() => arb));
const valueKeys = FACILITIES.flatMap((f) => MONTHS.flatMap((m) => ELEMENTS.map((e) => [f, m, e])));
const reportKeys = FACILITIES.flatMap((f) => MONTHS.flatMap((m) => SETS.map((s) => [f, m, s.name])));

describe.each(testDatabases())("approvedAreaSums on $name", (target) => {
  let handle: DatabaseHandle;
  const id = new Map<string, string>();
  type Rows = { rows: Array<Record<string, string>> };
  const one = async (query: ReturnType<typeof sql>) =>
    ((await handle.db.execute(query)) as unknown as Rows).rows[0]?.id as string;

  beforeAll(async () => {
    handle = await target.open();
    await ensurePeriodsOfYears(handle.db, 2024, 2024);
    for (const u of UNITS) {
      id.set(
        u.code,
        await one(sql`insert into org_units (parent_id, code, name, type, owner_type, level, path)
          values (${id.get(u.path.split("/").at(-3) ?? "") ?? null}, ${u.code}, ${u.code}, ${u.type}, ${u.owner},
            ${u.level}, ${u.path}) returning id`),
      );
    }
    for (const e of ELEMENTS) {
      id.set(e, await one(sql`insert into data_elements (code, name) values (${e}, ${e}) returning id`));
    }
    for (const s of SETS) {
      const set = await one(
        sql`insert into data_sets (code, name, period_type) values (${s.name}, ${s.name}, 'month') returning id`,
      );
      id.set(s.name, set);
      for (const [i, e] of s.elements.entries()) {
        await handle.db.execute(sql`insert into data_set_elements (data_set_id, data_element_id, position)
          values (${set}, ${id.get(e)}, ${i + 1})`);
      }
    }
  });
  afterAll(() => handle.close());

  it("sums as the domain adds the approved values up, area by area and month by month", async () => {
    await fc.assert(
      fc.asyncProperty(
        cell(fc.option(decimal, { freq: 4 }), valueKeys),
        cell(fc.constantFrom("approved", "approved", "submitted", null), reportKeys),
        async (values, statuses) => {
          await handle.db.execute(sql`delete from data_values`);
          await handle.db.execute(sql`delete from data_set_reports`);
          // These units have no kab/kota above them: each is its own (factDistrictOf), hence its id twice.
          const rows = valueKeys.flatMap(([f, m, e], i) =>
            values[i] == null
              ? []
              : [
                  sql`(${id.get(f as string)}::uuid, ${id.get(f as string)}::uuid, ${m}, ${id.get(e as string)}::uuid, ${values[i]}::numeric)`,
                ],
          );
          if (rows.length > 0) {
            await handle.db.execute(sql`insert into data_values (district_id, org_unit_id, period, data_element_id, value)
              values ${sql.join(rows, sql`, `)}`);
          }
          const reports = reportKeys.flatMap(([f, m, s], i) =>
            statuses[i] == null
              ? []
              : [
                  sql`(${id.get(f as string)}::uuid, ${id.get(s as string)}::uuid, ${id.get(f as string)}::uuid, ${m}, ${statuses[i]})`,
                ],
          );
          if (reports.length > 0) {
            await handle.db.execute(sql`insert into data_set_reports (district_id, data_set_id, org_unit_id, period, status)
              values ${sql.join(reports, sql`, `)}`);
          }
          const areaIds = [...new Set(Object.values(AREAS).flat())].map((a) => id.get(a) as string);
          const monthlySums = await approvedRootSums(handle.db, id.get("PT") as string, MONTH_SETS);
          // One area per statement, two, or all in one: the slices change nothing.
          const areaSums = await allAreaSums(handle, MONTH_SETS, areaIds, 1);
          expect(await allAreaSums(handle, MONTH_SETS, areaIds, 2)).toEqual(areaSums);
          expect(await allAreaSums(handle, MONTH_SETS, areaIds)).toEqual(areaSums);

          // The domain's way: every counted value added one by one with the exact decimal `add`.
          const approved = (f: string, m: string, e: string) =>
            SETS.some(
              (s) =>
                s.elements.includes(e) &&
                statuses[reportKeys.findIndex((k) => k.join() === [f, m, s.name].join())] === "approved",
            );
          const monthly = new Map<string, string>();
          const areas = new Map<string, string>();
          const plus = (map: Map<string, string>, key: string, value: string) =>
            map.set(key, add(map.get(key) ?? "0", value));
          valueKeys.forEach(([f, m, e], i) => {
            const value = values[i];
            const [facility, month, element] = [f as string, m as string, e as string];
            if (value == null || !AREAS[facility] || !approved(facility, month, element)) return;
            const owner = UNITS.find((u) => u.code === facility)?.owner ?? null;
            if (MONTH_SETS.some((s) => s.months.includes(month) && s.codes.includes(element))) {
              plus(monthly, `${element}|${owner}|${month}`, value);
            }
            MONTH_SETS.forEach((s, set) => {
              if (!s.months.includes(month) || !s.codes.includes(element)) return;
              for (const area of AREAS[facility] ?? [])
                plus(areas, `${id.get(area)}|${set}|${element}|${owner}`, value);
            });
          });
          expect(
            new Map(monthlySums.map((r) => [`${r.element}|${r.ownerType}|${r.period}`, canonical(r.total)])),
          ).toEqual(monthly);
          expect(areaSums).toEqual(areas);
        },
      ),
      { numRuns: 25 },
    );
  });
});
