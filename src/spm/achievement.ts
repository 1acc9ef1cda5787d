import { approvedValues } from "../data-entry/approved-values.js";
import type { Reader } from "../db/client.js";
import {
  add,
  byProvider,
  cumulativeFigures,
  dataElementsOf,
  gapTo100,
  meanCapaian,
  numeratorElements,
  numeratorValues,
  type ProviderOwnerType,
  parseSpmFormula,
  providerGroup,
  type ReportedSum,
  type SpmFigures,
  type SpmFormula,
  spmFigures,
  spmMonths,
} from "../domain/index.js";
import { AppError } from "../lib/errors.js";
import { adoptedVersion, reportCounts, servicesWithFormula, subtreeUnits } from "./achievement-data.js";
import type { SpmAchievement, SpmUnitAchievement } from "./achievement-schemas.js";
import { ESTIMATED, estimateFor, populationTree, prevalenceResolver } from "./populations.js";

type Unit = Awaited<ReturnType<typeof subtreeUnits>>[number];
/** Reported sums of one unit's area, by month. */
type SumsByMonth = Map<string, ReportedSum[]>;

/** Units that have a population of their own, so a capaian can be computed for them. */
const AREA_TYPES = new Set(["kabupaten_kota", "kecamatan", "kelurahan", "puskesmas"]);

const figuresOnly = ({ numerator, denominator, capaian, reason, missing }: SpmFigures) => ({
  numerator,
  denominator,
  capaian,
  reason,
  missing: [...missing],
});

/**
 * The SPM achievement of a unit for a year (Perwal Depok 57/2017 Pasal 4 and Lampiran II): per service
 * the approved numerators of every government and private facility in the area against the year's
 * target populations, month by month, with the level below and every puskesmas ranked.
 */
export async function computeSpmAchievement(
  db: Reader,
  root: { id: string; code: string; name: string; type: string; path: string },
  year: number,
): Promise<SpmAchievement> {
  const version = await adoptedVersion(db, root.path, year);
  if (!version) {
    throw new AppError(
      404,
      "SPM_NOT_ADOPTED",
      `${root.name} belum menetapkan versi SPM untuk tahun ${year}.`,
      `${root.name} has not adopted an SPM version for ${year}.`,
    );
  }
  const services = (await servicesWithFormula(db, version, year)).map((s) => ({
    ...s,
    formula: s.numerator && s.denominator ? parseSpmFormula(s.numerator, s.denominator) : null,
    months: spmMonths(year, s.periodType).map((p) => p.code),
  }));
  const allMonths = [...new Set(services.flatMap((s) => s.months))].sort();
  const codes = [...new Set(services.flatMap((s) => (s.formula ? numeratorElements(s.formula) : [])))];
  const [units, sums, counts, populations, prevalence] = await Promise.all([
    subtreeUnits(db, root.path),
    approvedValues(db, root.path, allMonths, codes),
    reportCounts(db, root.path, allMonths, codes),
    populationTree(db, root.path, year),
    prevalenceResolver(db, year),
  ]);

  const areas = attributeSums(units, root.id, sums);
  const denominatorOf = (unit: Pick<Unit, "id" | "path">) => {
    const figures = populations(unit.id);
    const estimates = (Object.keys(ESTIMATED) as Array<keyof typeof ESTIMATED>).map((code) =>
      estimateFor(code, figures, prevalence(code, unit.path), year),
    );
    const values: Record<string, string> = Object.fromEntries(figures);
    for (const e of estimates) if (e.value !== null) values[`ESTIMASI_${e.code}`] = e.value;
    return { values, estimates };
  };
  // What an area reported over a service's months. The services share two sets of months (the
  // calendar year and the tahun ajaran), so each area's values are added up twice, not per service.
  const reported = new Map<string, Record<string, string>>();
  const reportedIn = (areaId: string, months: readonly string[]) => {
    const key = `${areaId} ${months.join(",")}`;
    const known = reported.get(key) ?? numeratorValues(inMonths(areas.get(areaId), months));
    reported.set(key, known);
    return known;
  };
  const yearly = (unit: Unit) => {
    const { values } = denominatorOf(unit);
    const services_ = services.map((s) => ({
      number: s.number,
      ...figuresOnly(s.formula ? spmFigures(s.formula, reportedIn(unit.id, s.months), values) : noFormula),
    }));
    return {
      orgUnitId: unit.id,
      code: unit.code,
      name: unit.name,
      type: unit.type,
      ownerType: unit.ownerType,
      services: services_,
      meanCapaian: meanCapaian(services_),
    } satisfies SpmUnitAchievement;
  };

  const rootDenominator = denominatorOf(root);
  const rootSums = areas.get(root.id);
  const reports = reportTally(counts);
  const children = units.filter((u) => u.parentId === root.id && AREA_TYPES.has(u.type)).map(yearly);
  const puskesmas = units
    .filter((u) => u.type === "puskesmas")
    .map(yearly)
    .sort((a, b) => Number(b.meanCapaian ?? -1) - Number(a.meanCapaian ?? -1));

  return {
    orgUnit: { id: root.id, code: root.code, name: root.name, type: root.type },
    year,
    version,
    services: services.map((s) => {
      const elements = s.formula ? numeratorElements(s.formula) : [];
      // The cumulative figures re-add every month so far: hand them only what the numerator reads.
      const monthly = s.formula
        ? cumulativeFigures(s.formula, s.months, onlyElements(rootSums, elements), rootDenominator.values)
        : [];
      const total = monthly.at(-1) ?? { ...noFormula, period: "" };
      const reportsOf = reports(elements, s.months);
      return {
        serviceId: s.id,
        number: s.number,
        name: s.name,
        indicator: s.indicator,
        target: s.target,
        ...figuresOnly(total),
        gap: gapTo100(total.capaian),
        periodType: s.periodType,
        months: s.months,
        denominatorNote: s.formula ? estimateNote(s.formula, rootDenominator.estimates) : null,
        byProvider: s.formula ? byProvider(s.formula, reportedIn(root.id, s.months)) : [],
        monthly: monthly.map((m) => ({ period: m.period, ...figuresOnly(m) })),
        ...reportsOf,
      };
    }),
    children,
    puskesmas,
  };
}

const noFormula: SpmFigures = {
  numerator: null,
  denominator: null,
  capaian: null,
  reason: "missing_data",
  missing: ["RUMUS"],
};

function inMonths(sums: SumsByMonth | undefined, months: readonly string[]): ReportedSum[] {
  return months.flatMap((m) => sums?.get(m) ?? []);
}

function onlyElements(sums: SumsByMonth | undefined, elements: readonly string[]): SumsByMonth {
  return new Map(
    [...(sums ?? [])].map(([month, list]) => [month, list.filter((r) => elements.includes(r.element))]),
  );
}

/** How an estimated denominator was made, when the formula divides by one. */
function estimateNote(formula: SpmFormula, estimates: ReadonlyArray<ReturnType<typeof estimateFor>>) {
  const used = dataElementsOf(formula.denominator);
  const notes = estimates.filter((e) => used.includes(`ESTIMASI_${e.code}`)).map((e) => e.explanation);
  return notes.length > 0 ? notes.join("; ") : null;
}

/**
 * Adds each facility's sums to every area it lies in that the report shows: the root, the child of
 * the root it falls under, and its puskesmas (a private clinic counts in its puskesmas's area).
 * Each area keeps one sum per month, element and provider group, not one per facility: the formulas
 * only read those totals, and the monthly cumulative figures re-read every month so far for every
 * service, so a kota of 35 puskesmas would otherwise add up thousands of facility sums per figure.
 */
function attributeSums(
  units: readonly Unit[],
  rootId: string,
  sums: ReadonlyArray<{ orgUnitId: string; element: string; period: string; total: string }>,
): Map<string, SumsByMonth> {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const byId = new Map(units.map((u) => [u.id, u]));
  const areasOf = new Map<string, string[]>();
  for (const u of units) {
    const chain = u.path
      .split("/")
      .filter(Boolean)
      .map((code) => byCode.get(code))
      .filter((x): x is Unit => x !== undefined);
    const rootAt = chain.findIndex((x) => x.id === rootId);
    const child = chain[rootAt + 1];
    const centre = chain.findLast((x) => x.type === "puskesmas");
    areasOf.set(u.id, [...new Set([rootId, child?.id, centre?.id].filter((x): x is string => Boolean(x)))]);
  }
  /** area → month → "ELEMENT.GROUP" → the area's sum. */
  const totals = new Map<string, Map<string, Map<string, ReportedSum>>>();
  for (const s of sums) {
    const facility = byId.get(s.orgUnitId);
    if (!facility) continue;
    const group = providerGroup(facility.ownerType as ProviderOwnerType | null);
    const key = `${s.element}.${group}`;
    for (const areaId of areasOf.get(s.orgUnitId) ?? []) {
      const months = totals.get(areaId) ?? new Map<string, Map<string, ReportedSum>>();
      totals.set(areaId, months);
      const month = months.get(s.period) ?? new Map<string, ReportedSum>();
      months.set(s.period, month);
      const before = month.get(key);
      month.set(key, { element: s.element, group, value: before ? add(before.value, s.total) : s.total });
    }
  }
  return new Map(
    [...totals].map(([areaId, months]) => [
      areaId,
      new Map([...months].map(([period, month]) => [period, [...month.values()]])),
    ]),
  );
}

/** Expected and approved monthly reports of the data sets that feed a service, over its months. */
function reportTally(counts: Awaited<ReturnType<typeof reportCounts>>) {
  return (elements: readonly string[], months: readonly string[]) => {
    const sets = new Set(counts.sets.filter((s) => elements.includes(s.element)).map((s) => s.dataSetId));
    const expected = counts.assigned
      .filter((a) => sets.has(a.dataSetId))
      .reduce((n, a) => n + a.units * months.length, 0);
    const received = counts.approved
      .filter((a) => sets.has(a.dataSetId) && months.includes(a.period))
      .reduce((n, a) => n + a.reports, 0);
    return { expectedReports: expected, receivedReports: received };
  };
}
