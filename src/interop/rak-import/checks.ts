import {
  type BudgetNode,
  checkBudgets,
  formatNumberId,
  parseTargetSeries,
  reconcile,
  type TargetMode,
  unitWarnings,
} from "../../domain/index.js";
import type { RakIndicatorRow, RakKegiatan, RakSasaran } from "../../plans/rak-document.js";
import { type ImportWarning, warning } from "../spreadsheet/errors.js";

/**
 * What the planner should look at before saving, computed on the imported tree. Nothing is changed:
 * each finding is a warning with the spreadsheet row.
 */

const MODE_LABEL: Record<TargetMode, { id: string; en: string }> = {
  incremental: { id: "bertambah per triwulan", en: "incremental" },
  cumulative: { id: "kumulatif", en: "cumulative" },
  point_in_time: { id: "nilai per titik waktu", en: "point in time" },
  year_end_only: { id: "akhir tahun saja", en: "year-end only" },
};

const signed = (difference: string, format: (v: string) => string) =>
  difference.startsWith("-") ? format(difference) : `+${format(difference)}`;

function indicatorWarnings(indicator: RakIndicatorRow, row: number | null): ImportWarning[] {
  const found: ImportWarning[] = [];
  const series = parseTargetSeries(
    { annual: indicator.target, quarters: indicator.quarters },
    { decimalSeparator: "." },
  );
  const result = reconcile(series);
  if (result.status === "gap" && result.difference !== null && result.fromQuarters !== null) {
    const mode = MODE_LABEL[result.mode];
    found.push(
      warning(
        "QUARTERS_NOT_RECONCILED",
        `"${indicator.name}": target triwulan (${mode.id}) menghasilkan ${formatNumberId(result.fromQuarters)}, target tahunan ${formatNumberId(result.annual ?? "0")}; selisih ${signed(result.difference, formatNumberId)}`,
        `"${indicator.name}": the quarterly targets (${mode.en}) give ${result.fromQuarters} against the annual ${result.annual}; difference ${signed(result.difference, String)}`,
        row,
      ),
    );
  }
  if (series.annual.kind === "compound") {
    found.push(
      warning(
        "COMPOUND_TARGET",
        `"${indicator.name}": target "${indicator.target}" adalah gabungan dan dihitung bersama sebagai ${formatNumberId(series.annual.value)} ${indicator.unit}`.trim(),
        `"${indicator.name}": target "${indicator.target}" is compound and counted together as ${series.annual.value}`,
        row,
      ),
    );
  }
  for (const text of unitWarnings(indicator.name, indicator.unit)) {
    found.push(
      warning(
        "UNIT_CONTRADICTS_NAME",
        `"${indicator.name}": ${text.id}`,
        `"${indicator.name}": ${text.en}`,
        row,
      ),
    );
  }
  return found;
}

/** The document as the domain's budget tree; ids are positions so findings map back to objects. */
function budgetTree(sasaran: readonly RakSasaran[]) {
  const objects: object[] = [];
  const node = (
    level: BudgetNode["level"],
    o: { name: string; budget: number | null },
    children: BudgetNode[],
  ): BudgetNode => {
    objects.push(o);
    return { id: String(objects.length - 1), level, name: o.name, budget: o.budget, children };
  };
  const kegiatan = (k: RakKegiatan, level: "kegiatan" | "sub_kegiatan"): BudgetNode =>
    node(
      level,
      k,
      (k.subKegiatan ?? []).map((sub) => kegiatan(sub, "sub_kegiatan")),
    );
  const roots = sasaran.map((s) =>
    node(
      "sasaran",
      s,
      s.programs.map((p) =>
        node(
          "program",
          p,
          p.kegiatan.map((k) => kegiatan(k, "kegiatan")),
        ),
      ),
    ),
  );
  return { roots, objects };
}

export function treeWarnings(sasaran: readonly RakSasaran[], rowOf: Map<object, number>): ImportWarning[] {
  const rowAt = (node: object | undefined) => (node && rowOf.get(node)) ?? null;
  const { roots, objects } = budgetTree(sasaran);
  const budgets = checkBudgets(roots).map((f) =>
    warning(f.code, f.message.id, f.message.en, rowAt(objects[Number(f.nodeId)])),
  );
  const indicators = [
    ...sasaran.flatMap((s) => [
      ...s.indicators,
      ...s.programs.flatMap((p) => [...p.indicators, ...p.kegiatan.flatMap(kegiatanIndicators)]),
    ]),
  ].flatMap((indicator) => indicatorWarnings(indicator, rowAt(indicator)));
  return [...budgets, ...indicators].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

function kegiatanIndicators(k: RakKegiatan): RakIndicatorRow[] {
  return [...k.indicators, ...(k.subKegiatan ?? []).flatMap(kegiatanIndicators)];
}
