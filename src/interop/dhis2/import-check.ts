import { sql } from "drizzle-orm";
import type { ScopedRole } from "../../auth/permissions.js";
import { checkRows, formElements, type UploadRow } from "../../data-entry/index.js";
import type { dataSets } from "../../db/schema/index.js";
import { type DomainError, type Period, parseDhis2Period } from "../../domain/index.js";
import { factDistrictOf } from "../../domain/org-unit-tree.js";
import { pgArray } from "../../lib/pg-array.js";
import type { Conflicts } from "./conflicts.js";
import { unitsBy } from "./queries.js";
import type { IdScheme } from "./schemas.js";
import type { Staging } from "./stage.js";

type Elements = Awaited<ReturnType<typeof formElements>>;

/** DHIS2's default category option combo, by uid and by name: the only one capaian holds. */
const DEFAULT_COMBOS = sql.raw(`('', 'default', 'HllvX50cXC0')`);

/** Problems of a whole row (unit and period): its values are not checked one by one after them. */
const EXCLUSIVE = new Set(["duplicate_row", "unit_unknown", "not_allowed", "not_assigned", "period"]);

export interface CheckOptions {
  elementScheme: IdScheme;
  unitScheme: IdScheme;
  /** DELETE: every value of the file is a removal (else only the empty ones). */
  removeAll: boolean;
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

const comboMessage = (combo: string) => ({
  id: `Kombinasi kategori "${combo}" tidak dikenal; capaian hanya menyimpan nilai tanpa rincian (default).`,
  en: `Unknown category option combo "${combo}"; capaian holds undisaggregated values only (default).`,
});

/**
 * The checks of the form upload, set-based on the staged values: per value (element of the form,
 * default combos, period, the first of duplicates), then per unit and period with the upload's own
 * `checkRows` (unit, scope, assignment, period open, report editable), then per value again (in the
 * form that period, a number). Leaves two tables for the writing: `v` (values, with `kind` set for a
 * value refused before its row was checked) and `rw` (rows, with `kind` set for a refused row), and
 * `fe` (the form's elements per period). Conflicts are reported in the order of the file.
 */
export async function checkStaged(
  s: Staging,
  dataSet: typeof dataSets.$inferSelect,
  elements: Elements,
  options: CheckOptions,
  roles: readonly ScopedRole[],
  conflicts: Conflicts,
): Promise<{ periods: Map<string, Period> }> {
  const run = s.run;
  const keyOf = (e: Elements[number]) =>
    options.elementScheme === "UID" ? e.id : options.elementScheme === "CODE" ? e.code : e.name;
  await s.create("el", { columns: "key text, id uuid, code text" });
  await run.execute(sql`insert into ${s.name("el")} select * from unnest(
    ${pgArray(elements.map(keyOf))}::text[], ${pgArray(elements.map((e) => e.id))}::uuid[],
    ${pgArray(elements.map((e) => e.code))}::text[])`);
  await s.analyze("el");

  // Periods as DHIS2 writes them, read by the domain's parser once per distinct text.
  const raws = rowsOf<{ period: string }>(await run.execute(sql`select distinct period from ${s.table}`));
  const parsed = raws.map(({ period }) => {
    try {
      return { raw: period, code: parseDhis2Period(period).code, id: null, en: null };
    } catch (error) {
      const e = error as DomainError;
      return { raw: period, code: null, id: e.messageId, en: e.messageEn };
    }
  });
  await s.create("pe", { columns: "raw text, code text, id text, en text" });
  await run.execute(sql`insert into ${s.name("pe")} select * from unnest(
    ${pgArray(parsed.map((p) => p.raw))}::text[], ${pgArray(parsed.map((p) => p.code))}::text[],
    ${pgArray(parsed.map((p) => p.id))}::text[], ${pgArray(parsed.map((p) => p.en))}::text[])`);
  await s.analyze("pe");
  const periodMessage = new Map(parsed.map((p) => [p.raw, { id: p.id ?? "", en: p.en ?? "" }]));

  // Per value: the first problem in the upload's order, a later value of the same cell a duplicate.
  await s.create("v", {
    as: sql`select *, case when kind is null and row_number() over (
          partition by kind is null, org_unit, period_code, element_code order by idx) > 1
        then 'duplicate' else kind end as problem
      from (select i.idx, i.element, i.period, i.org_unit, i.coc, i.aoc, i.value, i.num,
          (${sql.raw(String(options.removeAll))} or i.value = '') as remove,
          e.id as element_id, e.code as element_code, p.code as period_code,
          case when e.id is null then 'element' when i.coc not in ${DEFAULT_COMBOS} then 'combo'
            when i.aoc not in ${DEFAULT_COMBOS} then 'attribute' when p.code is null then 'period' end as kind
        from ${s.table} i left join ${s.name("el")} e on e.key = i.element
          left join ${s.name("pe")} p on p.raw = i.period) t`,
  });
  const first = rowsOf<{
    problem: string;
    element: string;
    period: string;
    org_unit: string;
    coc: string;
    aoc: string;
    indexes: number[];
  }>(
    await run.execute(sql`select problem, element, period, org_unit, coc, aoc,
        array_agg(idx order by idx) as indexes
      from (select problem, idx, case when problem in ('element', 'duplicate') then element else '' end as element,
          case when problem in ('period', 'duplicate') then period else '' end as period,
          case when problem = 'duplicate' then org_unit else '' end as org_unit,
          case when problem = 'combo' then coc else '' end as coc,
          case when problem = 'attribute' then aoc else '' end as aoc
        from ${s.name("v")} where problem is not null) t
      group by problem, element, period, org_unit, coc, aoc order by min(idx)`),
  );
  for (const c of first) {
    if (c.problem === "element")
      conflicts.addAll(
        "element",
        c.element,
        {
          id: `Data ${c.element} tidak ada di formulir ${dataSet.code}.`,
          en: `Data element ${c.element} is not in data set ${dataSet.code}.`,
        },
        c.indexes,
      );
    else if (c.problem === "combo") conflicts.addAll("combo", c.coc, comboMessage(c.coc), c.indexes);
    else if (c.problem === "attribute") conflicts.addAll("attribute", c.aoc, comboMessage(c.aoc), c.indexes);
    else if (c.problem === "period")
      conflicts.addAll("period", c.period, periodMessage.get(c.period) ?? { id: "", en: "" }, c.indexes);
    else
      conflicts.addAll(
        "duplicate",
        c.element,
        {
          id: `Nilai ganda untuk ${c.element}, ${c.org_unit}, ${c.period}.`,
          en: `A second value for ${c.element}, ${c.org_unit}, ${c.period}.`,
        },
        c.indexes,
      );
  }

  // Per unit and period: the upload's own row checks, on rows without values (those are checked below).
  const rows = rowsOf<{ org_unit: string; period_code: string }>(
    await run.execute(sql`select org_unit, period_code from ${s.name("v")} where problem is null
      group by org_unit, period_code order by min(idx)`),
  ).map((r, row): UploadRow => ({ row, orgUnitCode: r.org_unit, period: r.period_code, values: {} }));
  const units = await unitsBy(run, options.unitScheme, [...new Set(rows.map((r) => r.orgUnitCode))]);
  const checked = await checkRows(run, dataSet, [], rows, units, roles);
  const problemOf = (r: (typeof checked.rows)[number]) => r.problems[0];
  await s.create("rw", {
    columns:
      "org_unit text, period_code text, ord int, unit_id uuid, district_id uuid, kind text, exclusive boolean, object text, id text, en text",
  });
  const column = (pick: (r: (typeof checked.rows)[number]) => string | null) =>
    pgArray(checked.rows.map(pick));
  await run.execute(sql`insert into ${s.name("rw")} select * from unnest(
    ${column((r) => r.orgUnitCode)}::text[], ${column((r) => r.period)}::text[],
    ${column((r) => String(r.row))}::int[],
    ${column((r) => units.get(r.orgUnitCode)?.id ?? null)}::uuid[],
    ${column((r) => {
      const unit = units.get(r.orgUnitCode);
      return unit ? factDistrictOf(unit) : null;
    })}::uuid[],
    ${column((r) => problemOf(r)?.kind ?? null)}::text[],
    ${column((r) => String(EXCLUSIVE.has(problemOf(r)?.kind ?? "")))}::boolean[],
    ${column((r) =>
      problemOf(r)?.kind === "period"
        ? r.period
        : problemOf(r)?.kind === "locked"
          ? `${r.orgUnitCode}/${r.period}`
          : r.orgUnitCode,
    )}::text[],
    ${column((r) => problemOf(r)?.id ?? null)}::text[], ${column((r) => problemOf(r)?.en ?? null)}::text[])`);
  await s.analyze("rw");

  // The form's elements in each period.
  await s.create("fe", { columns: "period_code text, code text" });
  const inForm: Array<[string, string]> = [];
  for (const [code, period] of checked.periods)
    for (const e of await formElements(run, dataSet.id, period)) inForm.push([code, e.code]);
  await run.execute(sql`insert into ${s.name("fe")} select * from unnest(
    ${pgArray(inForm.map((p) => p[0]))}::text[], ${pgArray(inForm.map((p) => p[1]))}::text[])`);
  await s.analyze("fe");

  // A row's problem concerns all its values; then in rows checked further, each value (not removals).
  const later = rowsOf<{
    kind: string;
    object: string;
    id: string | null;
    en: string | null;
    code: string | null;
    period_code: string | null;
    value: string | null;
    indexes: number[];
  }>(
    await run.execute(sql`select r.kind, r.object, r.id, r.en, null as code, null as period_code,
        null as value, array_agg(v.idx order by v.idx) as indexes, min(r.ord) as ord, -1 as at
      from ${s.name("v")} v join ${s.name("rw")} r using (org_unit, period_code)
      where v.problem is null and r.kind is not null group by r.kind, r.object, r.id, r.en
    union all
      select case when f.code is null then 'not_in_form' else 'not_number' end, v.element, null, null,
        v.element_code, case when f.code is null then v.period_code end,
        case when f.code is null then null else v.value end,
        array_agg(v.idx order by v.idx), min(r.ord), min(v.idx)
      from ${s.name("v")} v join ${s.name("rw")} r using (org_unit, period_code)
        left join ${s.name("fe")} f on f.period_code = v.period_code and f.code = v.element_code
      where v.problem is null and not r.exclusive and not v.remove and (f.code is null or v.num is null)
      group by 1, 2, 5, 6, 7
    order by ord, at`),
  );
  for (const c of later) {
    if (c.kind === "not_in_form")
      conflicts.addAll(
        "not_in_form",
        c.object,
        {
          id: `${c.code}: bukan bagian formulir pada periode ${c.period_code}.`,
          en: `${c.code}: not part of the form in period ${c.period_code}.`,
        },
        c.indexes,
      );
    else if (c.kind === "not_number")
      conflicts.addAll(
        "not_number",
        c.object,
        { id: `${c.code}: "${c.value}" bukan angka.`, en: `${c.code}: "${c.value}" is not a number.` },
        c.indexes,
      );
    else conflicts.addAll(c.kind as "locked", c.object, { id: c.id ?? "", en: c.en ?? "" }, c.indexes);
  }
  return { periods: checked.periods };
}
