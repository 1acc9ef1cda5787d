import { compare, div, mul, sub } from "@domain";

/** Where a report is opened: the data entry form on its org unit and period. */
export const formLink = (r: { dataSetId: string; orgUnitId: string; period: string }) =>
  `/isian?${new URLSearchParams({ dataSetId: r.dataSetId, orgUnitId: r.orgUnitId, period: r.period })}`;

export const completenessLink = (dataSetId: string, period: string) =>
  `/kelengkapan?${new URLSearchParams({ dataSetId, period })}`;

export const evaluationLink = (planId: string, quarter: number) => `/evaluasi/${planId}?triwulan=${quarter}`;

/**
 * The change from an earlier value in percent of it (one decimal), or null when either is missing or
 * the earlier one is zero: a verifier compares a month with the one before and a year before.
 */
export function changePercent(value: string | null, earlier: string | null): string | null {
  if (value === null || earlier === null || compare(earlier, "0") === 0) return null;
  return div(mul(sub(value, earlier), "100"), earlier, 1);
}
