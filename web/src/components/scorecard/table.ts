import { compare } from "@domain";
import type { Scorecard } from "../../../../src/scorecard/schemas";

export type Row = Scorecard["rows"][number];
/** "name" sorts by the unit's name; a number is a cell index (column-major: column × periods + period). */
export type SortKey = "name" | number;
export type Show = "all" | "top5" | "top10" | "bottom5" | "bottom10";
export type Average = "all" | "above" | "below";

export interface View {
  sort: SortKey;
  descending: boolean;
  show: Show;
  average: Average;
}

const valueAt = (row: Row, i: number) => row.cells[i]?.value ?? null;

/**
 * The rows as shown: sorted by a column (missing values last whatever the direction), then cut to the
 * best or worst N by that column's rank, then kept above or below the parent's own figure (the true
 * average: its numerators and denominators summed, never an average of percentages).
 */
export function visibleRows(card: Scorecard, view: View): Row[] {
  const rows = [...card.rows];
  const index = view.sort === "name" ? 0 : view.sort;
  if (view.sort === "name") {
    rows.sort((a, b) => a.name.localeCompare(b.name, "id") * (view.descending ? -1 : 1));
  } else {
    rows.sort((a, b) => {
      const x = valueAt(a, index);
      const y = valueAt(b, index);
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
      return compare(x, y) * (view.descending ? -1 : 1);
    });
  }
  let kept = rows;
  if (view.show !== "all") {
    const n = view.show.endsWith("10") ? 10 : 5;
    const ranked = rows.filter((r) => r.cells[index]?.rank != null);
    const byRank = [...ranked].sort((a, b) => (a.cells[index]?.rank ?? 0) - (b.cells[index]?.rank ?? 0));
    const chosen = new Set(
      (view.show.startsWith("top") ? byRank.slice(0, n) : byRank.slice(-n)).map((r) => r.id),
    );
    kept = kept.filter((r) => chosen.has(r.id));
  }
  const average = card.total.cells[index]?.value ?? null;
  if (view.average !== "all" && average !== null) {
    kept = kept.filter((r) => {
      const v = valueAt(r, index);
      if (v === null) return false;
      const c = compare(v, average);
      return view.average === "above" ? c > 0 : c < 0;
    });
  }
  return kept;
}

/** The period codes of a year for a period type: 202401…202412, 2024Q1…2024Q4, or 2024. */
export function periodsOf(year: number, type: "month" | "quarter" | "year"): string[] {
  if (type === "year") return [String(year)];
  if (type === "quarter") return [1, 2, 3, 4].map((q) => `${year}Q${q}`);
  return Array.from({ length: 12 }, (_, i) => `${year}${String(i + 1).padStart(2, "0")}`);
}
