import { type AreaSums, approvedAreaSums } from "../data-entry/approved-values.js";
import type { Database, Reader } from "../db/client.js";
import {
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
import { mapYielding } from "../lib/chunks.js";
import { AppError } from "../lib/errors.js";
import { adoptedVersion, reportCounts, servicesWithFormula, subtreeUnits } from "./achievement-data.js";
import type { SpmAchievement, SpmUnitAchievement } from "./achievement-schemas.js";
import { ESTIMATED, estimateFor, populationTree, prevalenceResolver } from "./populations.js";

type Unit = Awaited<ReturnType<typeof subtreeUnits>>[number];
/** Reported sums of the root's area, by month. */
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
  db: Reader & Pick<Database, "execute">,
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
  // The services share two sets of months (the calendar year and the tahun ajaran): PostgreSQL sums
  // each area's values once per set, for the elements the services of that set read.
  const monthSets = [...new Set(services.map((s) => s.months.join(",")))].map((key) => {
    const reading = services.filter((s) => s.months.join(",") === key);
    const codes = reading.flatMap((s) => (s.formula ? numeratorElements(s.formula) : []));
    return { months: reading[0]?.months ?? [], codes: [...new Set(codes)] };
  });
  const setKeys = monthSets.map((m) => m.months.join(","));
  const setOf = (months: readonly string[]) => setKeys.indexOf(months.join(","));
  const allMonths = [...new Set(services.flatMap((s) => s.months))].sort();
  const codes = [...new Set(monthSets.flatMap((m) => m.codes))];
  const units = await subtreeUnits(db, root.path);
  const [sums, counts, populations, prevalence] = await Promise.all([
    approvedAreaSums(db, root.id, monthSets, areaIds(units, root.id)),
    reportCounts(db, root.path, allMonths, codes),
    populationTree(db, root.path, year),
    prevalenceResolver(db, year),
  ]);

  const { rootSums, areaSums } = bySetAndMonth(sums);
  const denominatorOf = (unit: Pick<Unit, "id" | "path">) => {
    const figures = populations(unit.id);
    const estimates = (Object.keys(ESTIMATED) as Array<keyof typeof ESTIMATED>).map((code) =>
      estimateFor(code, figures, prevalence(code, unit.path), year),
    );
    const values: Record<string, string> = Object.fromEntries(figures);
    for (const e of estimates) if (e.value !== null) values[`ESTIMASI_${e.code}`] = e.value;
    return { values, estimates };
  };
  // What an area reported over a service's months, added up once per area and set of months.
  const reported = new Map<string, Record<string, string>>();
  const reportedIn = (areaId: string, months: readonly string[]) => {
    const key = `${areaId}|${setOf(months)}`;
    const known = reported.get(key) ?? numeratorValues(areaSums.get(key) ?? []);
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
  const reports = reportTally(counts);
  // A province has a thousand puskesmas: the loop yields now and then so other requests are served.
  const children = await mapYielding(
    units.filter((u) => u.parentId === root.id && AREA_TYPES.has(u.type)),
    yearly,
  );
  const puskesmas = (
    await mapYielding(
      units.filter((u) => u.type === "puskesmas"),
      yearly,
    )
  ).sort((a, b) => Number(b.meanCapaian ?? -1) - Number(a.meanCapaian ?? -1));

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
        byProvider: s.formula ? byProvider(s.formula, numeratorValues(inMonths(rootSums, s.months))) : [],
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

/** The areas the achievement shows, each with everything under it: the root's children and every puskesmas. */
const areaIds = (units: readonly Unit[], rootId: string) =>
  units.filter((u) => u.parentId === rootId || u.type === "puskesmas").map((u) => u.id);

/**
 * The sums PostgreSQL made, as the domain reads them: the root's by month, each area's by set of
 * months ("areaId|set"), each with the provider group its facilities' owner type falls in.
 */
function bySetAndMonth(sums: AreaSums) {
  const reportedSum = (r: { element: string; ownerType: string | null; total: string }): ReportedSum => ({
    element: r.element,
    group: providerGroup(r.ownerType as ProviderOwnerType | null),
    value: r.total,
  });
  const rootSums: SumsByMonth = new Map();
  for (const r of sums.monthly) rootSums.set(r.period, [...(rootSums.get(r.period) ?? []), reportedSum(r)]);
  const areaSums = new Map<string, ReportedSum[]>();
  for (const r of sums.areas) {
    const key = `${r.areaId}|${r.set}`;
    const list = areaSums.get(key) ?? [];
    list.push(reportedSum(r));
    areaSums.set(key, list);
  }
  return { rootSums, areaSums };
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
