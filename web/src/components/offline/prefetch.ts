import { defaultYear, type PeriodType, parsePeriod, previousPeriod } from "@domain";
import type { QueryClient } from "@tanstack/react-query";
import type { CurrentUser } from "../../../../src/auth/schemas";
import type { YearsWithData } from "../../../../src/periods/schemas";
import { type DataSet, formPath, formQueryKey } from "../data-entry/entryApi";
import { defaultPeriod, openingPeriod } from "../data-entry/periods";
import { cachedAt, cachedGet } from "./cache";

/** How many periods back from where the screen opens are kept on the device. */
const PERIODS_KEPT = 3;
/** A form kept this recently is not fetched again in the background (opening it online always is). */
const FRESH_MS = 10 * 60_000;

/** `count` periods ending at each start, newest first, without repeats. */
export function periodsBack(starts: readonly string[], count: number): string[] {
  const codes = new Set<string>();
  for (const start of starts) {
    let period = parsePeriod(start);
    for (let i = 0; i < count; i++) {
      codes.add(period.code);
      period = previousPeriod(period);
    }
  }
  return [...codes];
}

/** The periods an operator is likely to fill: the one the screen opens on, the last ended, and before. */
export function periodsToKeep(type: PeriodType, years: YearsWithData | undefined, dataSetId: string) {
  const openingYear = defaultYear(years?.data.length ? years.data : (years?.any ?? []));
  const latest = years?.latestPeriods.find((l) => l.dataSetId === dataSetId)?.period;
  return periodsBack([openingPeriod(type, null, latest, openingYear), defaultPeriod(type)], PERIODS_KEPT);
}

/**
 * Keeps on the device the forms of the operator's own facilities (metadata, values, report state) for
 * the recent periods, so one never opened before can be filled offline. One request at a time: the
 * background must not compete with what the operator is doing on a weak connection. Through the query
 * cache, so what the open screen is fetching anyway is not fetched twice.
 */
export async function keepOwnForms(user: CurrentUser, queryClient: QueryClient) {
  if (!user.permissions.includes("data.enter") || !navigator.onLine) return;
  const own = new Set(user.roles.map((r) => r.orgUnitId));
  // The same keys and staleness as the screens' own queries (entryApi, queries.ts).
  const [dataSets, years] = await Promise.all([
    queryClient.fetchQuery({ queryKey: ["data-sets"], queryFn: () => cachedGet<DataSet[]>("/data-sets") }),
    queryClient
      .fetchQuery({
        queryKey: ["years-with-data"],
        queryFn: () => cachedGet<YearsWithData>("/years-with-data"),
        staleTime: 5 * 60_000,
      })
      .catch(() => undefined),
  ]);
  for (const dataSet of dataSets) {
    for (const unit of dataSet.orgUnits.filter((u) => own.has(u.id))) {
      for (const period of periodsToKeep(dataSet.periodType, years, dataSet.id)) {
        const key = { dataSetId: dataSet.id, orgUnitId: unit.id, period };
        const path = formPath(key);
        if (Date.now() - ((await cachedAt(path)) ?? 0) < FRESH_MS) continue;
        if (!navigator.onLine) return;
        await queryClient.prefetchQuery({ queryKey: formQueryKey(key), queryFn: () => cachedGet(path) });
      }
    }
  }
}
