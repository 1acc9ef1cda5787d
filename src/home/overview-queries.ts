import { and, asc, count, eq } from "drizzle-orm";
import { AuditVersionCache } from "../audit/version.js";
import { withinScope } from "../auth/scope-sql.js";
import { completeness } from "../data-entry/queries.js";
import type { Database } from "../db/client.js";
import { dataSetReports, dataSets, orgUnits, plans } from "../db/schema/index.js";
import {
  categorize,
  deadlineOf,
  div,
  endDate,
  type PeriodType,
  parsePeriod,
  periodOfDate,
  previousPeriod,
  type QuarterNumber,
  quarterOfMonth,
  sum,
} from "../domain/index.js";
import { computeEvaluation } from "../evaluation/queries.js";
import type { Evaluation } from "../evaluation/types.js";
import { AppError } from "../lib/errors.js";
import { listPlans } from "../plans/queries.js";
import { computeSpmAchievement } from "../spm/queries.js";
import { assignedDataSets, daysBetween, reportRefColumns } from "./queries.js";
import type { HomeOverview } from "./schemas.js";

type Root = { id: string; name: string; code: string; type: string; path: string };

/** The quarter's figures and SPM so far, computed once per change of the data rather than per visit. */
const quarterFigures = new AuditVersionCache<ReturnType<typeof fromEvaluation>>(32);
const spmFigures = new AuditVersionCache<Awaited<ReturnType<typeof spmSoFar>>>(32);

/**
 * What a kepala dinas, an admin or an auditor sees first for one kota: the quarter's capaian by band,
 * the indicators going astray, performance against budget per program, SPM so far, this month's
 * reports, and what waits for them. The independent reads run side by side.
 */
export async function overview(
  db: Database,
  root: Root,
  scopes: { approve: readonly string[]; sign: readonly string[] },
  year: number,
  month: string,
  today: string,
): Promise<HomeOverview> {
  const quarter = quarterOfMonth(parsePeriod(month)).index as QuarterNumber;
  const rak = listPlans(db, { scope: [root.path], year, kind: "rak" }).then(
    (list) => list.filter((p) => p.active).sort((a, b) => a.orgUnitPath.length - b.orgUnitPath.length)[0],
  );
  // Completeness waits only for the list of data sets, not for the evaluation beside it.
  const setsWithCompleteness = assignedDataSets(db, [root.path]).then(async (sets) => {
    const monthly = sets.filter((s) => s.periodType === "month");
    const filled = await Promise.all(monthly.map((s) => completeness(db, s.id, month, [root.path])));
    return { sets, monthly, filled };
  });
  const [plan, figures, spm, { sets, monthly, filled }, toApprove, toSign] = await Promise.all([
    rak,
    rak.then((found) =>
      quarterFigures.get(db, `${found?.id}:${quarter}`, async () =>
        fromEvaluation(found ? await computeEvaluation(db, found.id, quarter) : null),
      ),
    ),
    spmFigures.get(db, `${root.id}:${year}`, () => spmSoFar(db, root, year)),
    setsWithCompleteness,
    awaitingApproval(db, scopes.approve),
    scopes.sign.length
      ? db
          .select({ id: plans.id, title: plans.title, year: plans.year })
          .from(plans)
          .innerJoin(orgUnits, eq(orgUnits.id, plans.orgUnitId))
          .where(
            and(eq(plans.status, "draft"), eq(plans.year, year), withinScope(orgUnits.path, scopes.sign)),
          )
          .orderBy(asc(plans.title))
      : [],
  ]);
  return {
    orgUnit: { id: root.id, name: root.name },
    plan: plan ? { id: plan.id, title: plan.title } : null,
    quarter,
    ...figures,
    spm,
    completeness: monthly.map((s, i) => {
      const { units: _, ...figures } = filled[i] as Awaited<ReturnType<typeof completeness>>;
      return { dataSetId: s.id, dataSetName: s.name, period: month, ...figures };
    }),
    toApprove,
    toSign,
    deadlines: sets.map((s) => nextDeadline(s, today)).sort((a, b) => a.deadline.localeCompare(b.deadline)),
  };
}

/** Bands, alerts and the program quadrant from the quarter's evaluation. */
function fromEvaluation(evaluation: Evaluation | null) {
  const categories = { sangat_tinggi: 0, tinggi: 0, sedang: 0, rendah: 0, sangat_rendah: 0, none: 0 };
  if (!evaluation) return { categories, alerts: [], programs: [] };
  for (const row of evaluation.indicators) {
    const value = row.capaianToDate.value;
    categories[value === null ? "none" : categorize(value)] += 1;
  }
  const alerts = evaluation.indicators
    .filter((r) => r.forecast.status === "off_track" || r.forecast.status === "at_risk")
    .sort((a, b) =>
      a.forecast.status === b.forecast.status ? 0 : a.forecast.status === "off_track" ? -1 : 1,
    )
    .slice(0, 10)
    .map((r) => ({
      planIndicatorId: r.planIndicatorId,
      indicator: r.indicator,
      status: r.forecast.status as "off_track" | "at_risk",
      capaian: r.capaianToDate.value,
      explanation: r.forecast.explanation,
    }));
  const programs = evaluation.budgets
    .filter((b) => b.level === "program")
    .map((b) => {
      // The program's own indicators when it has them, else every indicator below it.
      const under = evaluation.indicators.filter((r) => r.program === b.name);
      const own = under.filter((r) => r.nodeId === b.nodeId);
      const values = (own.length ? own : under).flatMap((r) =>
        r.capaianToDate.value === null ? [] : [r.capaianToDate.value],
      );
      return {
        nodeId: b.nodeId,
        name: b.name,
        capaian: values.length ? div(sum(values), String(values.length), 2) : null,
        serapan: b.serapan,
        pagu: b.pagu,
        realisasi: b.realisasiToDate,
      };
    });
  return { categories, alerts, programs };
}

async function spmSoFar(db: Database, root: Root, year: number) {
  try {
    const achievement = await computeSpmAchievement(db, root, year);
    return achievement.services.map((s) => ({
      number: s.number,
      name: s.name,
      capaian: s.capaian,
      target: s.target,
    }));
  } catch (error) {
    // No SPM version adopted for the year: the section says so rather than failing the page.
    if (error instanceof AppError && error.code === "SPM_NOT_ADOPTED") return null;
    throw error;
  }
}

async function awaitingApproval(db: Database, roots: readonly string[]) {
  if (roots.length === 0) return { count: 0, reports: [] };
  const where = and(eq(dataSetReports.status, "verified"), withinScope(orgUnits.path, roots));
  const [[total], reports] = await Promise.all([
    db
      .select({ n: count() })
      .from(dataSetReports)
      .innerJoin(orgUnits, eq(orgUnits.id, dataSetReports.orgUnitId))
      .where(where),
    db
      .select(reportRefColumns)
      .from(dataSetReports)
      .innerJoin(orgUnits, eq(orgUnits.id, dataSetReports.orgUnitId))
      .innerJoin(dataSets, eq(dataSets.id, dataSetReports.dataSetId))
      .where(where)
      .orderBy(asc(dataSetReports.period), asc(orgUnits.path))
      .limit(10),
  ]);
  return { count: total?.n ?? 0, reports };
}

/** The first deadline of a data set on or after today: the last period's if still ahead, else this one's. */
function nextDeadline(
  set: { id: string; name: string; periodType: PeriodType; deadlineDays: number },
  today: string,
) {
  const current = periodOfDate(today, set.periodType);
  const last = previousPeriod(current);
  const lastDeadline = deadlineOf(endDate(last), set.deadlineDays);
  const [period, deadline] =
    lastDeadline >= today ? [last, lastDeadline] : [current, deadlineOf(endDate(current), set.deadlineDays)];
  return {
    dataSetId: set.id,
    dataSetName: set.name,
    period: period.code,
    deadline,
    daysLeft: daysBetween(today, deadline),
  };
}

export type { Root };
