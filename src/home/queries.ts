import { and, asc, count, desc, eq, gte, inArray, sql } from "drizzle-orm";
import { withinScope } from "../auth/scope-sql.js";
import type { Reader } from "../db/client.js";
import {
  auditLog,
  dataElements,
  dataSetElements,
  dataSetOrgUnits,
  dataSetReports,
  dataSets,
  dataValues,
  indicators,
  orgUnits,
} from "../db/schema/index.js";
import {
  computeIndicator,
  deadlineOf,
  defineIndicator,
  endDate,
  type IndicatorDefinition,
  indicatorDataElements,
  makePeriod,
  type PeriodType,
  parsePeriod,
  periodOfDate,
  previousPeriod,
  type RatioFactor,
} from "../domain/index.js";
import { groupBy } from "../lib/group-by.js";
import type { HomeOperator, HomeRatio, HomeVerification } from "./schemas.js";

/** How many to-do rows a list shows; the count says how many there are in all. */
const LIST_LIMIT = 20;
/** How many of a report's ratios a verifier sees beside it. */
const RATIOS_PER_REPORT = 6;

export const reportRefColumns = {
  dataSetId: dataSetReports.dataSetId,
  dataSetName: dataSets.name,
  orgUnitId: dataSetReports.orgUnitId,
  orgUnitName: orgUnits.name,
  period: dataSetReports.period,
};

/** Whole days from one ISO date to another (negative once past). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The month the home speaks of: the latest month of the year (of any year when none is asked) with a
 * report handed in within the scope, else this month (this year) or December (another year).
 */
export async function referenceMonth(
  db: Reader,
  roots: readonly string[],
  year: number | undefined,
  today: string,
) {
  const [latest] = await db
    .select({ period: sql<string | null>`max(${dataSetReports.period})` })
    .from(dataSetReports)
    .innerJoin(orgUnits, eq(orgUnits.id, dataSetReports.orgUnitId))
    .where(
      and(
        withinScope(orgUnits.path, roots),
        sql`${dataSetReports.period} ~ ${`^${year ?? "[0-9]{4}"}[0-9]{2}$`}`,
        sql`${dataSetReports.status} <> 'draft'`,
      ),
    );
  if (latest?.period) return latest.period;
  const thisMonth = periodOfDate(today, "month");
  return year === undefined || thisMonth.year === year ? thisMonth.code : makePeriod("month", year, 12).code;
}

/** The data sets reported by units in the roots, with their deadline rule. */
export function assignedDataSets(db: Reader, roots: readonly string[]) {
  return db
    .selectDistinct({
      id: dataSets.id,
      name: dataSets.name,
      periodType: sql<PeriodType>`${dataSets.periodType}`,
      deadlineDays: dataSets.deadlineDays,
    })
    .from(dataSets)
    .innerJoin(dataSetOrgUnits, eq(dataSetOrgUnits.dataSetId, dataSets.id))
    .innerJoin(orgUnits, eq(orgUnits.id, dataSetOrgUnits.orgUnitId))
    .where(withinScope(orgUnits.path, roots))
    .orderBy(asc(dataSets.name));
}

/**
 * Reports waiting for verification, oldest first, each with the catalogue ratios its form feeds for
 * its month, the month before and the same month a year earlier, so an odd jump shows at a glance.
 */
export async function verification(
  db: Reader,
  roots: readonly string[],
  mine: ReadonlySet<string> | null,
): Promise<HomeVerification> {
  const where = and(eq(dataSetReports.status, "submitted"), withinScope(orgUnits.path, roots));
  const [[total], reports, ratios] = await Promise.all([
    db
      .select({ n: count() })
      .from(dataSetReports)
      .innerJoin(orgUnits, eq(orgUnits.id, dataSetReports.orgUnitId))
      .where(where),
    db
      .select({ ...reportRefColumns, submittedAt: dataSetReports.submittedAt })
      .from(dataSetReports)
      .innerJoin(orgUnits, eq(orgUnits.id, dataSetReports.orgUnitId))
      .innerJoin(dataSets, eq(dataSets.id, dataSetReports.dataSetId))
      .where(where)
      .orderBy(asc(dataSetReports.submittedAt), asc(orgUnits.path))
      .limit(LIST_LIMIT),
    ratioIndicators(db, roots).then((list) => (mine ? list.filter((i) => mine.has(i.id)) : list)),
  ]);
  if (reports.length === 0) return { count: total?.n ?? 0, reports: [] };
  const compared = reports.map((r) => {
    const period = parsePeriod(r.period);
    const lastYear = makePeriod(period.type, period.year - 1, period.index).code;
    return { ...r, previous: previousPeriod(period).code, lastYear };
  });
  const setIds = [...new Set(reports.map((r) => r.dataSetId))];
  const [formCodes, values] = await Promise.all([
    db
      .select({ dataSetId: dataSetElements.dataSetId, code: dataElements.code })
      .from(dataSetElements)
      .innerJoin(dataElements, eq(dataElements.id, dataSetElements.dataElementId))
      .where(inArray(dataSetElements.dataSetId, setIds)),
    db
      .select({
        orgUnitId: dataValues.orgUnitId,
        period: dataValues.period,
        code: dataElements.code,
        value: sql<string>`${dataValues.value}::text`,
      })
      .from(dataValues)
      .innerJoin(dataElements, eq(dataElements.id, dataValues.dataElementId))
      .where(
        and(
          inArray(dataValues.orgUnitId, [...new Set(reports.map((r) => r.orgUnitId))]),
          inArray(dataValues.period, [
            ...new Set(compared.flatMap((r) => [r.period, r.previous, r.lastYear])),
          ]),
        ),
      ),
  ]);
  const codesOf = new Map(
    [...groupBy(formCodes, (c) => c.dataSetId)].map(([id, rows]) => [id, new Set(rows.map((r) => r.code))]),
  );
  const valuesAt = new Map<string, Record<string, string>>();
  for (const v of values) {
    const key = `${v.orgUnitId}/${v.period}`;
    valuesAt.set(key, { ...valuesAt.get(key), [v.code]: v.value });
  }
  const at = (def: IndicatorDefinition, unit: string, period: string) => {
    const result = computeIndicator(def, valuesAt.get(`${unit}/${period}`) ?? {});
    return result.computable ? result.value : null;
  };
  return {
    count: total?.n ?? 0,
    reports: compared.map(({ previous, lastYear, submittedAt, ...r }) => {
      const form = codesOf.get(r.dataSetId) ?? new Set<string>();
      const fed = ratios.filter((i) => i.elements.every((code) => form.has(code)));
      return {
        ...r,
        submittedAt: submittedAt?.toISOString() ?? null,
        ratios: fed.slice(0, RATIOS_PER_REPORT).map(
          (i): HomeRatio => ({
            indicatorId: i.id,
            name: i.name,
            unit: i.unit,
            value: at(i.definition, r.orgUnitId, r.period),
            previous: at(i.definition, r.orgUnitId, previous),
            lastYear: at(i.definition, r.orgUnitId, lastYear),
          }),
        ),
      };
    }),
  };
}

/** Catalogue ratio indicators over data elements, national or owned in line with the roots. */
async function ratioIndicators(db: Reader, roots: readonly string[]) {
  const all = await db
    .select({ row: indicators, ownerPath: orgUnits.path })
    .from(indicators)
    .leftJoin(orgUnits, eq(orgUnits.id, indicators.ownerOrgUnitId))
    .where(
      and(
        eq(indicators.kind, "ratio"),
        sql`${indicators.numerator} is not null and ${indicators.denominator} is not null`,
      ),
    )
    .orderBy(asc(indicators.code));
  const related = (path: string | null) =>
    path === null || roots.some((root) => root.startsWith(path) || path.startsWith(root));
  return all.flatMap(({ row, ownerPath }) => {
    if (!related(ownerPath)) return [];
    try {
      const definition = defineIndicator({
        code: row.code ?? row.id,
        name: row.name,
        unit: row.unit,
        polarity: row.polarity,
        lowerFormula: row.lowerFormula,
        kind: "ratio",
        factor: (row.factor ?? 100) as RatioFactor,
        numerator: row.numerator as string,
        denominator: row.denominator as string,
      });
      return [{ ...row, definition, elements: indicatorDataElements(definition) }];
    } catch {
      // A definition that no longer parses is the catalogue screen's business, not the home's.
      return [];
    }
  });
}

/** An operator's to-do: forms to hand in with the days left, reports sent back, reports approved lately. */
export async function operatorTodo(
  db: Reader,
  roots: readonly string[],
  today: string,
): Promise<HomeOperator> {
  const inScope = withinScope(orgUnits.path, roots);
  const reportsWith = (status: "returned" | "approved") =>
    db
      .select({ ...reportRefColumns, reason: dataSetReports.returnedReason, at: dataSetReports.updatedAt })
      .from(dataSetReports)
      .innerJoin(orgUnits, eq(orgUnits.id, dataSetReports.orgUnitId))
      .innerJoin(dataSets, eq(dataSets.id, dataSetReports.dataSetId))
      .where(and(eq(dataSetReports.status, status), inScope))
      .orderBy(desc(dataSetReports.updatedAt))
      .limit(status === "approved" ? 5 : LIST_LIMIT);
  const [assigned, returned, approved] = await Promise.all([
    db
      .select({
        dataSetId: dataSets.id,
        dataSetName: dataSets.name,
        periodType: sql<PeriodType>`${dataSets.periodType}`,
        deadlineDays: dataSets.deadlineDays,
        orgUnitId: orgUnits.id,
        orgUnitName: orgUnits.name,
      })
      .from(dataSetOrgUnits)
      .innerJoin(dataSets, eq(dataSets.id, dataSetOrgUnits.dataSetId))
      .innerJoin(orgUnits, eq(orgUnits.id, dataSetOrgUnits.orgUnitId))
      .where(inScope)
      .orderBy(asc(orgUnits.path), asc(dataSets.name))
      .limit(200),
    reportsWith("returned"),
    reportsWith("approved"),
  ]);
  // The period just ended (while its deadline is ahead) and the current one, unless already handed in.
  const candidates = assigned.flatMap((a) => {
    const current = periodOfDate(today, a.periodType);
    return [previousPeriod(current), current].map((p) => ({
      ...a,
      period: p.code,
      deadline: deadlineOf(endDate(p), a.deadlineDays),
    }));
  });
  const open = candidates.filter(
    (c) => c.deadline >= today || c.period === periodOfDate(today, c.periodType).code,
  );
  const states = open.length
    ? await db
        .select({
          dataSetId: dataSetReports.dataSetId,
          orgUnitId: dataSetReports.orgUnitId,
          period: dataSetReports.period,
          status: dataSetReports.status,
        })
        .from(dataSetReports)
        .where(
          and(
            inArray(dataSetReports.orgUnitId, [...new Set(open.map((c) => c.orgUnitId))]),
            inArray(dataSetReports.period, [...new Set(open.map((c) => c.period))]),
          ),
        )
    : [];
  const status = new Map(states.map((s) => [`${s.dataSetId}/${s.orgUnitId}/${s.period}`, s.status]));
  const due = open.flatMap(({ periodType: _, deadlineDays: __, ...c }) => {
    const s = status.get(`${c.dataSetId}/${c.orgUnitId}/${c.period}`) ?? "draft";
    if (s !== "draft" && s !== "returned") return [];
    return [{ ...c, status: s, daysLeft: daysBetween(today, c.deadline) }];
  });
  return {
    due: due.sort((a, b) => a.deadline.localeCompare(b.deadline)).slice(0, LIST_LIMIT),
    returned: returned.map(({ at: _, ...r }) => r),
    approved: approved.map(({ reason: _, at, ...r }) => ({ ...r, at: at.toISOString() })),
  };
}

/** How much was recorded in the audit trail within the scope lately (an auditor's first question). */
export async function auditSummary(db: Reader, roots: readonly string[]) {
  const since = (days: number) =>
    db
      .select({ n: count() })
      .from(auditLog)
      .innerJoin(orgUnits, eq(orgUnits.id, auditLog.orgUnitId))
      .where(
        and(withinScope(orgUnits.path, roots), gte(auditLog.at, sql`now() - make_interval(days => ${days})`)),
      );
  const [[week], [month]] = await Promise.all([since(7), since(30)]);
  return { lastWeek: week?.n ?? 0, lastMonth: month?.n ?? 0 };
}
