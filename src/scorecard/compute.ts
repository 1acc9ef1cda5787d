import type { Database } from "../db/client.js";
import {
  bandOf,
  canonical,
  defineIndicator,
  div,
  type IndicatorDefinition,
  indicatorDataElements,
  indicatorOverMonths,
  legendOf,
  type MonthlySums,
  monthlySums,
  monthsOf,
  type Period,
  parsePeriod,
  periodLabel,
  previousPeriod,
  type RatioFactor,
  rankValues,
  type ScorecardLegend,
  trendOf,
} from "../domain/index.js";
import { AppError } from "../lib/errors.js";
import {
  completenessCounts,
  type FedDefinition,
  fedDefinitions,
  indicatorSums,
  keptRows,
  monthlyDataSets,
  type RowsMode,
} from "./queries.js";
import type { ScorecardCell, ScorecardColumn } from "./schemas.js";

/** A column ready to compute: its description and how to get a value for one row and some months. */
export interface Column {
  meta: ScorecardColumn;
  legend: ScorecardLegend | null;
  definition?: { domain: IndicatorDefinition; rule: FedDefinition["timeAggregation"] };
  dataSetId?: string;
}

export interface Value {
  value: string;
  numerator: string | null;
  denominator: string | null;
}

const notFoundColumn = (key: string) =>
  new AppError(
    404,
    "SCORECARD_COLUMN_NOT_FOUND",
    `Indikator atau formulir ${key} tidak ditemukan atau di luar wilayah Anda`,
    `Indicator or form ${key} not found or outside your scope`,
  );

function domainOf(d: FedDefinition): IndicatorDefinition {
  const common = {
    code: d.id,
    name: d.name,
    unit: d.unit,
    polarity: d.polarity,
    lowerFormula: d.lowerFormula,
  };
  if (d.kind === "ratio" && d.denominator) {
    return defineIndicator({
      ...common,
      kind: "ratio",
      factor: (d.factor ?? 100) as RatioFactor,
      numerator: d.numerator as string,
      denominator: d.denominator,
    });
  }
  return defineIndicator({ ...common, kind: "count", value: d.numerator as string });
}

/** The columns the keys name, in their order; a key the caller may not read is a 404. */
export async function loadColumns(db: Database, keys: readonly string[], roots: readonly string[]) {
  const ids = (prefix: string) => keys.filter((k) => k.startsWith(prefix)).map((k) => k.slice(2));
  const [defs, sets] = await Promise.all([
    fedDefinitions(db, roots, ids("i:")),
    monthlyDataSets(db, roots, [...new Set([...ids("c:"), ...ids("t:")])]),
  ]);
  const defById = new Map(defs.map((d) => [d.id, d]));
  const setById = new Map(sets.map((s) => [s.id, s]));
  return keys.map((key): Column => {
    const id = key.slice(2);
    if (key.startsWith("i:")) {
      const d = defById.get(id);
      if (!d) throw notFoundColumn(key);
      const legend = legendOf({
        cuts: d.legendCuts,
        polarity: d.polarity,
        percent: d.kind === "ratio" && d.factor === 100,
      });
      return {
        meta: {
          key,
          kind: "indicator",
          code: d.code,
          name: d.name,
          unit: d.unit,
          polarity: d.polarity,
          legend: legend && { cuts: [...legend.cuts], source: legend.source },
        },
        legend,
        definition: { domain: domainOf(d), rule: d.timeAggregation },
      };
    }
    const s = setById.get(id);
    if (!s) throw notFoundColumn(key);
    const legend = legendOf({ cuts: null, polarity: "higher", percent: true });
    const completeness = key.startsWith("c:");
    return {
      meta: {
        key,
        kind: completeness ? "completeness" : "timeliness",
        code: s.code,
        name: completeness ? `Kelengkapan ${s.name}` : `Ketepatan waktu ${s.name}`,
        unit: "%",
        polarity: "higher",
        legend: legend && { cuts: [...legend.cuts], source: legend.source },
      },
      legend,
      dataSetId: id,
    };
  });
}

export interface Bucket {
  period: Period;
  months: string[];
}

/** The periods asked for and the ones just before them (for the arrows), with their months. */
export function bucketsOf(codes: readonly string[], withPrevious: boolean) {
  const periods = codes.map((c) => parsePeriod(c));
  const all = new Map<string, Period>();
  const previous = new Map<string, string>();
  for (const p of periods) {
    all.set(p.code, p);
    if (withPrevious) {
      const before = previousPeriod(p);
      all.set(before.code, before);
      previous.set(p.code, before.code);
    }
  }
  const buckets = [...all.values()].map((period) => ({
    period,
    months: monthsOf(period).map((m) => m.code),
  }));
  return { periods, buckets, previous, months: [...new Set(buckets.flatMap((b) => b.months))].sort() };
}

export const periodInfo = (p: Period) => ({
  code: p.code,
  label: periodLabel(p, "id"),
  labelEn: periodLabel(p, "en"),
});

/**
 * Every value of every row (and of the parent as a whole, key "") for every column and bucket: the
 * database sums per row, element and month (or asked period); the domain does the arithmetic per cell.
 */
export async function computeValues(
  db: Database,
  parent: { id: string; path: string },
  mode: RowsMode,
  units: readonly { id: string; path: string }[],
  columns: readonly Column[],
  buckets: readonly Bucket[],
  months: readonly string[],
) {
  const summing = columns.every((c) => !c.definition || c.definition.rule === "sum");
  const codes = [
    ...new Set(
      columns.flatMap((c) =>
        c.definition ? indicatorDataElements(c.definition.domain).map((k) => k.split(".")[0] as string) : [],
      ),
    ),
  ];
  const setIds = [...new Set(columns.flatMap((c) => (c.dataSetId ? [c.dataSetId] : [])))];
  const [sums, counts] = await Promise.all([
    indicatorSums(
      db,
      keptRows(parent, mode, units),
      months,
      codes,
      summing ? buckets.map((b) => ({ code: b.period.code, months: b.months })) : undefined,
    ),
    completenessCounts(db, parent.path, mode, months, setIds),
  ]);
  const totalsByRow = new Map<string, { code: string; period: string; total: string }[]>();
  for (const s of sums) {
    const key = s.row_path ?? "";
    const list = totalsByRow.get(key) ?? [];
    if (list.length === 0) totalsByRow.set(key, list);
    list.push({ code: s.element, period: s.period, total: canonical(s.total) });
  }
  const countsByRow = new Map<string, Map<string, { expected: number; received: number; onTime: number }>>();
  for (const c of counts) {
    const key = c.row_path ?? "";
    const byKey = countsByRow.get(key) ?? new Map();
    byKey.set(`${c.data_set_id}|${c.period}`, {
      expected: c.expected,
      received: c.received,
      onTime: c.on_time,
    });
    countsByRow.set(key, byKey);
  }
  // Each period is also the previous one of the next (the arrows): computed once, kept per row in
  // one slot per column and bucket (no key text made per cell: a kota's card has ~10.000 of them).
  const columnIndex = new Map(columns.map((c, i) => [c, i]));
  const bucketIndex = new Map(buckets.map((b, i) => [b, i]));
  const rows = new Map<string, { sums: MonthlySums; values: (Value | null | undefined)[] }>();
  return (row: string, column: Column, bucket: Bucket): Value | null => {
    let kept = rows.get(row);
    if (!kept) {
      kept = { sums: monthlySums(totalsByRow.get(row) ?? []), values: [] };
      rows.set(row, kept);
    }
    const slot = (columnIndex.get(column) as number) * buckets.length + (bucketIndex.get(bucket) as number);
    let value = kept.values[slot];
    if (value === undefined) {
      value = computeValue(row, kept.sums, column, bucket);
      kept.values[slot] = value;
    }
    return value;
  };

  function computeValue(row: string, sumsOf: MonthlySums, column: Column, bucket: Bucket): Value | null {
    if (column.definition) {
      const { domain, rule } = column.definition;
      return indicatorOverMonths(domain, rule, sumsOf, summing ? [bucket.period.code] : bucket.months);
    }
    const byKey = countsByRow.get(row);
    let expected = 0;
    let arrived = 0;
    for (const m of bucket.months) {
      const c = byKey?.get(`${column.dataSetId}|${m}`);
      if (!c) continue;
      expected += c.expected;
      arrived += column.meta.kind === "completeness" ? c.received : c.onTime;
    }
    if (expected === 0) return null;
    // One decimal, as the completeness screen shows it.
    return {
      value: div(String(arrived * 100), String(expected), 1),
      numerator: String(arrived),
      denominator: String(expected),
    };
  }
}

/** A cell's value, band and arrow; ranks are filled in once every row is known. */
export function cellOf(value: Value | null, previous: Value | null, column: Column): ScorecardCell {
  return {
    value: value?.value ?? null,
    numerator: value?.numerator ?? null,
    denominator: value?.denominator ?? null,
    band: value && column.legend ? bandOf(value.value, column.legend) : null,
    previous: previous?.value ?? null,
    trend: trendOf(value?.value ?? null, previous?.value ?? null, column.meta.polarity),
    rank: null,
  };
}

/** Ranks each column-period across the rows (cells in column-major order). */
export function rankRows(rows: { cells: ScorecardCell[] }[], columns: readonly Column[], periods: number) {
  columns.forEach((column, c) => {
    for (let p = 0; p < periods; p++) {
      const i = c * periods + p;
      const ranks = rankValues(
        rows.map((r) => r.cells[i]?.value ?? null),
        column.meta.polarity,
      );
      rows.forEach((r, n) => {
        (r.cells[i] as ScorecardCell).rank = ranks[n] ?? null;
      });
    }
  });
}
