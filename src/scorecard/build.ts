import { AuditVersionCache } from "../audit/version.js";
import type { Database } from "../db/client.js";
import { AppError } from "../lib/errors.js";
import { bucketsOf, cellOf, computeValues, loadColumns, periodInfo, rankRows } from "./compute.js";
import { rowUnits, unitTrail } from "./queries.js";
import { type CellTrend, MAX_CELLS, type Scorecard, type ScorecardQuery } from "./schemas.js";

type Unit = { id: string; name: string; type: string; path: string; parentId: string | null };

const tooLarge = (cells: number) =>
  new AppError(
    400,
    "SCORECARD_TOO_LARGE",
    `Skor kartu ini terlalu besar: ${cells.toLocaleString("id-ID")} sel, paling banyak ${MAX_CELLS.toLocaleString("id-ID")}. Kurangi indikator, periode, atau pilih wilayah yang lebih kecil.`,
    `This scorecard is too large: ${cells.toLocaleString("en-US")} cells, at most ${MAX_CELLS.toLocaleString("en-US")}. Choose fewer indicators or periods, or a smaller area.`,
    { cells, max: MAX_CELLS },
  );

const unitOut = (u: Pick<Unit, "id" | "name" | "type">) => ({ id: u.id, name: u.name, type: u.type });

/** A scorecard is read again (sorting, drilling back up, downloading) far more often than data change. */
const scorecards = new AuditVersionCache<Scorecard>(16);

/** Org units × columns × periods under a parent the caller may read; refused above MAX_CELLS cells. */
export function buildScorecard(
  db: Database,
  parent: Unit,
  query: ScorecardQuery,
  roots: readonly string[],
): Promise<Scorecard> {
  const key = JSON.stringify([parent.id, parent.path, query.columns, query.periods, query.rows, roots]);
  return scorecards.get(db, key, () => computeScorecard(db, parent, query, roots));
}

async function computeScorecard(
  db: Database,
  parent: Unit,
  query: ScorecardQuery,
  roots: readonly string[],
): Promise<Scorecard> {
  const [units, columns, trail] = await Promise.all([
    rowUnits(db, parent, query.rows),
    loadColumns(db, query.columns, roots),
    unitTrail(db, parent.path),
  ]);
  const cells = units.length * columns.length * query.periods.length;
  if (cells > MAX_CELLS) throw tooLarge(cells);
  const { periods, buckets, previous, months } = bucketsOf(query.periods, true);
  const valueAt = await computeValues(db, parent, query.rows, units, columns, buckets, months);
  const bucket = new Map(buckets.map((b) => [b.period.code, b]));
  const cellsOf = (row: string) =>
    columns.flatMap((column) =>
      periods.map((p) => {
        const now = bucket.get(p.code);
        const before = bucket.get(previous.get(p.code) ?? "");
        return cellOf(
          now ? valueAt(row, column, now) : null,
          before ? valueAt(row, column, before) : null,
          column,
        );
      }),
    );
  const rows = units.map((u) => ({ ...unitOut(u), hasChildren: u.hasChildren, cells: cellsOf(u.path) }));
  rankRows(rows, columns, periods.length);
  return {
    parent: { ...unitOut(parent), parentId: parent.parentId },
    trail: trail.filter((t) => roots.some((r) => t.path.startsWith(r))).map(unitOut),
    rowsMode: query.rows,
    periods: periods.map(periodInfo),
    columns: columns.map((c) => c.meta),
    rows,
    total: { cells: cellsOf("") },
  };
}

/** The series behind one cell: every month (or quarter) of a year for one unit, with its sums. */
export async function cellTrend(
  db: Database,
  unit: Unit,
  column: string,
  year: number,
  periodType: "month" | "quarter",
  roots: readonly string[],
): Promise<CellTrend> {
  const [col] = await loadColumns(db, [column], roots);
  if (!col) throw new Error("unreachable: one key gives one column");
  const count = periodType === "month" ? 12 : 4;
  const codes = Array.from({ length: count }, (_, i) =>
    periodType === "month" ? `${year}${String(i + 1).padStart(2, "0")}` : `${year}Q${i + 1}`,
  );
  const { periods, buckets, months } = bucketsOf(codes, false);
  const valueAt = await computeValues(db, unit, "self", [], [col], buckets, months);
  return {
    unit: unitOut(unit),
    column: col.meta,
    points: periods.map((p, i) => {
      const cell = cellOf(valueAt(unit.path, col, buckets[i] as (typeof buckets)[number]), null, col);
      return {
        period: p.code,
        ...periodInfo(p),
        value: cell.value,
        numerator: cell.numerator,
        denominator: cell.denominator,
        band: cell.band,
      };
    }),
  };
}
