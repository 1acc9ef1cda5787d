import { type Period, parsePeriod, previousPeriod, startDate } from "./periods.js";

/**
 * A data element's membership of a data set over time. A change to a form's elements never rewrites
 * history: a removed element's row is closed (validTo) and an added one starts (validFrom), so the form
 * of an earlier period still shows the elements it had.
 */
export interface Membership {
  readonly dataElementId: string;
  readonly position: number;
  readonly section: string | null;
  /** Period code from which the element belongs (null: from the start). */
  readonly validFrom: string | null;
  /** Period code up to which it belonged, inclusive (null: still). */
  readonly validTo: string | null;
}

export function isMemberAt(m: Pick<Membership, "validFrom" | "validTo">, period: Period): boolean {
  const start = startDate(period);
  if (m.validFrom !== null && start < startDate(parsePeriod(m.validFrom))) return false;
  if (m.validTo !== null && start > startDate(parsePeriod(m.validTo))) return false;
  return true;
}

/** The members valid in `period`, or the current ones (not closed) when no period is given. */
export function membersAt<M extends Membership>(rows: readonly M[], period?: Period): M[] {
  const valid = rows.filter((m) => (period ? isMemberAt(m, period) : m.validTo === null));
  const seen = new Set<string>();
  return [...valid]
    .sort((a, b) => a.position - b.position)
    .filter((m) => !seen.has(m.dataElementId) && seen.add(m.dataElementId));
}

export interface WantedElement {
  readonly dataElementId: string;
  readonly section: string | null;
}

export interface MembershipPlan {
  /** Rows to insert (new members from `effectiveFrom`). */
  readonly add: Membership[];
  /** Current rows to close at the period before `effectiveFrom`: [dataElementId, validFrom, validTo]. */
  readonly close: Array<{ dataElementId: string; validFrom: string | null; validTo: string }>;
  /** Current rows that never took effect before `effectiveFrom`, so they go entirely. */
  readonly remove: Array<{ dataElementId: string; validFrom: string | null }>;
  /** Position and section of the rows that stay (layout is not versioned). */
  readonly keep: Array<{
    dataElementId: string;
    validFrom: string | null;
    position: number;
    section: string | null;
  }>;
}

/**
 * How to turn the current membership into `wanted` (in form order) from `effectiveFrom` on; null
 * means "from the start" (a form nobody has reported yet), which replaces rows instead of closing them.
 */
export function planMembership(
  rows: readonly Membership[],
  wanted: readonly WantedElement[],
  effectiveFrom: string | null,
): MembershipPlan {
  const current = rows.filter((m) => m.validTo === null);
  const wantedIds = new Set(wanted.map((w) => w.dataElementId));
  const from = effectiveFrom === null ? null : parsePeriod(effectiveFrom);
  const startsAtOrAfter = (m: Membership) =>
    from === null || (m.validFrom !== null && startDate(parsePeriod(m.validFrom)) >= startDate(from));
  const plan: MembershipPlan = { add: [], close: [], remove: [], keep: [] };
  for (const m of current) {
    if (wantedIds.has(m.dataElementId)) continue;
    if (startsAtOrAfter(m)) plan.remove.push({ dataElementId: m.dataElementId, validFrom: m.validFrom });
    else
      plan.close.push({
        dataElementId: m.dataElementId,
        validFrom: m.validFrom,
        validTo: previousPeriod(from as Period).code,
      });
  }
  wanted.forEach((w, position) => {
    const existing = current.find((m) => m.dataElementId === w.dataElementId);
    if (existing)
      plan.keep.push({
        dataElementId: w.dataElementId,
        validFrom: existing.validFrom,
        position,
        section: w.section,
      });
    else plan.add.push({ ...w, position, validFrom: effectiveFrom, validTo: null });
  });
  return plan;
}
