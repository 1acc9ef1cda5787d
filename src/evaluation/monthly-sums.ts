import { sum } from "../domain/index.js";

export interface MonthlyTotal {
  code: string;
  /** Month code, "202404". */
  period: string;
  total: string;
}

/**
 * Sums of approved monthly totals over any months, per data element, or null when none of the asked
 * elements has an approved value in those months (no data is null, never 0). Indicators share
 * elements and months, so each element's sum over a run of months is computed once.
 */
export function monthlySums(rows: readonly MonthlyTotal[]) {
  const byCode = new Map<string, Map<string, string>>();
  for (const row of rows) {
    const byMonth = byCode.get(row.code) ?? new Map<string, string>();
    byMonth.set(row.period, row.total);
    byCode.set(row.code, byMonth);
  }
  const memo = new Map<string, string | null>();
  const sumOf = (code: string, months: readonly string[]): string | null => {
    const key = `${code}|${months.join(",")}`;
    if (memo.has(key)) return memo.get(key) as string | null;
    const byMonth = byCode.get(code);
    const present = months.flatMap((m) => (byMonth?.has(m) ? [byMonth.get(m) as string] : []));
    // Exact decimal sums: floats would drift on values like 0.1 + 0.2.
    const total = present.length ? sum(present) : null;
    memo.set(key, total);
    return total;
  };
  return (codes: readonly string[], months: readonly string[]): Record<string, string> | null => {
    const out: Record<string, string> = {};
    for (const code of codes) {
      const total = sumOf(code, months);
      if (total !== null) out[code] = total;
    }
    return Object.keys(out).length ? out : null;
  };
}

export type MonthlySums = ReturnType<typeof monthlySums>;
