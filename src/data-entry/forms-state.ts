import { and, eq, inArray } from "drizzle-orm";
import type { Reader } from "../db/client.js";
import { dataSetReports, dataValues } from "../db/schema/index.js";
import type { ReportStatus } from "../domain/index.js";
import { chunks } from "../lib/chunks.js";

export const formKey = (orgUnitId: string, period: string) => `${orgUnitId}/${period}`;
export const valueKey = (orgUnitId: string, period: string, dataElementId: string) =>
  `${orgUnitId}/${period}/${dataElementId}`;

export interface FormsState {
  /** Report status by `formKey`; a form never started has none. */
  statuses: Map<string, ReportStatus>;
  /** Stored value and comment by `valueKey`. */
  values: Map<string, { value: string; comment: string | null }>;
}

/**
 * The reports and stored values of many forms of one data set at once, for an upload's check and its
 * commit: units in slices so no IN list outgrows the bind-parameter limit. With `lock`, the report rows
 * are locked, the lock every writer of these forms queues on.
 */
export async function readFormsState(
  db: Reader,
  forms: { dataSetId: string; unitIds: string[]; periods: string[]; elementIds: string[]; lock?: boolean },
): Promise<FormsState> {
  const state: FormsState = { statuses: new Map(), values: new Map() };
  if (forms.periods.length === 0) return state;
  for (const ids of chunks(forms.unitIds, 5_000)) {
    const reportQuery = db
      .select({
        orgUnitId: dataSetReports.orgUnitId,
        period: dataSetReports.period,
        status: dataSetReports.status,
      })
      .from(dataSetReports)
      .where(
        and(
          eq(dataSetReports.dataSetId, forms.dataSetId),
          inArray(dataSetReports.orgUnitId, ids),
          inArray(dataSetReports.period, forms.periods),
        ),
      );
    const reports = forms.lock ? await reportQuery.for("update") : await reportQuery;
    for (const r of reports) state.statuses.set(formKey(r.orgUnitId, r.period), r.status);
    if (forms.elementIds.length === 0) continue;
    const values = await db
      .select({
        orgUnitId: dataValues.orgUnitId,
        period: dataValues.period,
        dataElementId: dataValues.dataElementId,
        value: dataValues.value,
        comment: dataValues.comment,
      })
      .from(dataValues)
      .where(
        and(
          inArray(dataValues.orgUnitId, ids),
          inArray(dataValues.period, forms.periods),
          inArray(dataValues.dataElementId, forms.elementIds),
        ),
      );
    for (const v of values)
      state.values.set(valueKey(v.orgUnitId, v.period, v.dataElementId), {
        value: v.value,
        comment: v.comment,
      });
  }
  return state;
}
