import type { Database } from "../db/client.js";
import {
  CATEGORY_LABEL,
  type Capaian,
  defineIndicator,
  evaluateQuarter,
  FORMULA_TEXT,
  type IndicatorDefinition,
  type IndicatorKind,
  indicatorDataElements,
  indicatorOverMonths,
  makePeriod,
  monthlySums,
  monthsOf,
  parseTargetSeries,
  periodLabel,
  type Quarterly,
  type QuarterNumber,
  type RatioFactor,
  serapanToDate,
} from "../domain/index.js";
import { notFound } from "../lib/errors.js";
import { groupBy } from "../lib/group-by.js";
import { mapInSlices } from "../lib/slices.js";
import { getPlan } from "../plans/queries.js";
import { approvedMonthlyTotals, budgetRealisasi, indicatorDefinitions, quarterNotes } from "./data.js";
import { loadCoverage, provenanceOf } from "./provenance.js";
import type { CapaianCell, Evaluation, EvaluationBudgetRow, EvaluationIndicatorRow, Level } from "./types.js";

type Definition = Awaited<ReturnType<typeof indicatorDefinitions>>[number];
type Plan = NonNullable<Awaited<ReturnType<typeof getPlan>>>;

const quarters = [1, 2, 3, 4] as const;
/** Month codes of a quarter: "202404", "202405", "202406". */
const monthCodes = (year: number, q: number) => monthsOf(makePeriod("quarter", year, q)).map((p) => p.code);

/** The domain definition of a catalogue indicator that data elements feed, or null when none feeds it. */
function fed(def: Definition | undefined): IndicatorDefinition | null {
  if (!def?.numerator) return null;
  const common = {
    code: def.id,
    name: def.id,
    unit: "",
    polarity: def.polarity,
    lowerFormula: def.lowerFormula,
  };
  if (def.kind === "ratio" && def.denominator) {
    return defineIndicator({
      ...common,
      kind: "ratio",
      factor: (def.factor ?? 100) as RatioFactor,
      numerator: def.numerator,
      denominator: def.denominator,
    });
  }
  return defineIndicator({
    ...common,
    kind: def.kind === "direct" ? "direct" : "count",
    value: def.numerator,
  });
}

const cell = (c: Capaian): CapaianCell =>
  c.computable
    ? { value: c.value, category: CATEGORY_LABEL[c.category].id, reason: null, reasonEn: null }
    : { value: null, category: null, reason: c.message.id, reasonEn: c.message.en };

/** The quarterly evaluation of a plan up to a quarter, from approved data and the planners' entries. */
export async function computeEvaluation(
  db: Database,
  planId: string,
  quarter: QuarterNumber,
): Promise<Evaluation> {
  const plan = await getPlan(db, planId);
  if (!plan) throw notFound("Dokumen rencana", "Plan");
  const items = plan.nodes.flatMap((node) => node.indicators.map((indicator) => ({ node, indicator })));
  const defs = new Map(
    (
      await indicatorDefinitions(db, [
        ...new Set(
          items.flatMap((i) => [
            i.indicator.indicatorId,
            i.indicator.definitionId ?? i.indicator.indicatorId,
          ]),
        ),
      ])
    ).map((d) => [d.id, d]),
  );
  const definitions = new Map([...defs].map(([id, d]) => [id, fed(d)]));
  const codes = [...definitions.values()].flatMap((d) => (d ? indicatorDataElements(d) : []));
  const monthsToDate = quarters.filter((q) => q <= quarter).flatMap((q) => monthCodes(plan.year, q));
  // Independent reads, side by side: on PostgreSQL the small ones cost nothing next to the sums.
  const [totals, noted, coverage, budgetRows] = await Promise.all([
    approvedMonthlyTotals(db, plan.orgUnitPath, plan.year, [...new Set(codes)]),
    quarterNotes(
      db,
      items.map((i) => i.indicator.id),
    ),
    loadCoverage(db, plan.orgUnitPath, monthsToDate, [
      ...new Set(codes.map((k) => k.split(".")[0] as string)),
    ]),
    budgets(db, plan, quarter),
  ]);
  const sums = monthlySums(totals);
  const notes = groupBy(noted, (n) => n.planIndicatorId);
  const ancestors = ancestry(plan);
  // In slices of work that let other requests in: each row re-adds its months' sums.
  const indicators = await mapInSlices(items, ({ node, indicator }): EvaluationIndicatorRow => {
    // A link to a definition ("dari data") takes precedence over the indicator's own catalogue entry.
    const source = indicator.definitionId ?? indicator.indicatorId;
    const def = defs.get(source);
    const definition = definitions.get(source) ?? null;
    const rule = def?.timeAggregation ?? "sum";
    const kind: IndicatorKind = def?.kind ?? "count";
    const entered = new Map((notes.get(indicator.id) ?? []).map((n) => [n.quarter, n]));
    const fromData = quarters.map((q) =>
      definition && q <= quarter
        ? (indicatorOverMonths(definition, rule, sums, monthCodes(plan.year, q))?.value ?? null)
        : null,
    );
    const realisasi = quarters.map(
      (q, i) => fromData[i] ?? (q <= quarter ? (entered.get(q)?.realisasi ?? null) : null),
    ) as [string | null, string | null, string | null, string | null];
    const series = parseTargetSeries(
      {
        annual: indicator.targetYear,
        quarters: [indicator.targetQ1, indicator.targetQ2, indicator.targetQ3, indicator.targetQ4],
      },
      { decimalSeparator: ".", mode: indicator.targetMode },
    );
    const e = evaluateQuarter({
      kind,
      series,
      polarity: indicator.polarity,
      lowerFormula: def?.lowerFormula,
      quarter,
      realisasi: realisasi as Quarterly<string | null>,
      levelToDate: definition
        ? (indicatorOverMonths(definition, rule, sums, monthsToDate)?.value ?? null)
        : realisasi[quarter - 1],
    });
    const note = entered.get(quarter);
    return {
      planIndicatorId: indicator.id,
      indicatorId: indicator.indicatorId,
      revisions: quarters.map((q) => entered.get(q)?.revision ?? null) as EvaluationIndicatorRow["revisions"],
      nodeId: node.id,
      level: node.level as Level,
      ...(ancestors.get(node.id) as Pick<
        EvaluationIndicatorRow,
        "sasaran" | "program" | "kegiatan" | "subKegiatan"
      >),
      indicator: indicator.name,
      unit: indicator.unit,
      polarity: indicator.polarity,
      formula: FORMULA_TEXT[e.capaianToDate.formula].id,
      targetYear: indicator.targetYear,
      targets: [indicator.targetQ1, indicator.targetQ2, indicator.targetQ3, indicator.targetQ4],
      realisasi,
      source: fromData.some((v) => v !== null)
        ? "data"
        : realisasi.some((v) => v !== null)
          ? "entered"
          : "none",
      provenance:
        definition && def
          ? provenanceOf(def, definition, sums(indicatorDataElements(definition), monthsToDate), coverage)
          : null,
      targetToDate: e.targetToDate,
      realisasiToDate: e.realisasiToDate,
      capaianQuarter: cell(e.capaianQuarter),
      capaianToDate: cell(e.capaianToDate),
      forecast: {
        projected: e.forecast.projected,
        capaian: e.forecast.capaian.computable ? e.forecast.capaian.value : null,
        status: e.forecast.status,
        explanation: e.forecast.explanation,
      },
      faktorPendorong: note?.faktorPendorong ?? null,
      faktorPenghambat: note?.faktorPenghambat ?? null,
      tindakLanjut: note?.tindakLanjut ?? null,
    };
  });
  return {
    plan: {
      id: plan.id,
      title: plan.title,
      orgUnitName: plan.officeName ?? plan.orgUnitName,
      year: plan.year,
      version: plan.version,
      signatory: {
        position: plan.signatoryPosition ?? "",
        name: plan.signatoryName ?? "",
        nip: plan.signatoryNip ?? "",
      },
    },
    quarter,
    periodLabel: periodLabel(makePeriod("quarter", plan.year, quarter), "id"),
    indicators,
    budgets: budgetRows,
    generatedAt: new Date().toISOString(),
  };
}

/** The sasaran/program/kegiatan names above each node, for the merged columns of the report. */
function ancestry(plan: Plan) {
  const byId = new Map(plan.nodes.map((n) => [n.id, n]));
  const result = new Map<string, Record<"sasaran" | "program" | "kegiatan" | "subKegiatan", string | null>>();
  for (const node of plan.nodes) {
    const names = { sasaran: null, program: null, kegiatan: null, subKegiatan: null } as Record<
      string,
      string | null
    >;
    for (
      let n: (typeof plan.nodes)[number] | undefined = node;
      n;
      n = n.parentId ? byId.get(n.parentId) : undefined
    ) {
      names[n.level === "sub_kegiatan" ? "subKegiatan" : n.level] = n.name;
    }
    result.set(node.id, names as Record<"sasaran" | "program" | "kegiatan" | "subKegiatan", string | null>);
  }
  return result;
}

async function budgets(db: Database, plan: Plan, quarter: QuarterNumber): Promise<EvaluationBudgetRow[]> {
  const nodes = plan.nodes.filter(
    (n) => n.level === "program" || n.level === "kegiatan" || n.level === "sub_kegiatan",
  );
  const spent = groupBy(
    await budgetRealisasi(
      db,
      nodes.map((n) => n.id),
    ),
    (b) => b.planNodeId,
  );
  return nodes.map((n) => {
    const entries = new Map((spent.get(n.id) ?? []).map((b) => [b.quarter, b]));
    const byQuarter = new Map([...entries].map(([q, b]) => [q, b.amount]));
    const realisasi = quarters.map((q) =>
      q <= quarter ? (byQuarter.get(q) ?? null) : null,
    ) as EvaluationBudgetRow["realisasi"];
    const asText = realisasi.map((r) => (r === null ? null : String(r))) as unknown as Quarterly<
      string | null
    >;
    const toDate = n.budget === null ? null : serapanToDate(String(n.budget), asText, quarter);
    return {
      nodeId: n.id,
      level: n.level as Level,
      name: n.name,
      pagu: n.budget,
      realisasi,
      revisions: quarters.map((q) => entries.get(q)?.revision ?? null) as EvaluationBudgetRow["revisions"],
      realisasiToDate: toDate?.realisasiToDate ? Number(toDate.realisasiToDate) : null,
      serapan: toDate?.serapan.computable ? toDate.serapan.value : null,
    };
  });
}
