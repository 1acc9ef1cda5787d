import { type AreaSum, approvedAreaSums, approvedRootSums } from "../data-entry/approved-values.js";
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
import { AppError } from "../lib/errors.js";
import { continuing, mapInSlices } from "../lib/slices.js";
import { afterTurns, reportCounts, subtreeUnits, versionAndServices } from "./achievement-data.js";
import type { SpmAchievement, SpmUnitAchievement } from "./achievement-schemas.js";
import { ESTIMATED, estimatedValue, estimateFor, populationTree, prevalenceResolver } from "./populations.js";

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
  // The subtree does not depend on the version: read beside the version and its services.
  const [setup, units] = await Promise.all([
    versionAndServices(db, root.path, year),
    afterTurns(1, () => subtreeUnits(db, root.path)),
  ]);
  if (!setup) {
    throw new AppError(
      404,
      "SPM_NOT_ADOPTED",
      `${root.name} belum menetapkan versi SPM untuk tahun ${year}.`,
      `${root.name} has not adopted an SPM version for ${year}.`,
    );
  }
  const { version } = setup;
  const services = setup.services.map((s) => ({
    ...s,
    formula: s.numerator && s.denominator ? parseSpmFormula(s.numerator, s.denominator) : null,
    months: spmMonths(year, s.periodType).map((p) => p.code),
  }));
  // The services share two sets of months (the calendar year and the tahun ajaran): PostgreSQL sums
  // each area's values once per set, for the elements the services of that set read.
  const setKeys = [...new Set(services.map((s) => s.months.join(",")))];
  const monthSets = setKeys.map((key) => {
    const reading = services.filter((s) => s.months.join(",") === key);
    const codes = reading.flatMap((s) => (s.formula ? numeratorElements(s.formula) : []));
    return { months: reading[0]?.months ?? [], codes: [...new Set(codes)] };
  });
  const setOf = new Map(services.map((s) => [s.id, setKeys.indexOf(s.months.join(","))]));
  const allMonths = [...new Set(services.flatMap((s) => s.months))].sort();
  const codes = [...new Set(monthSets.flatMap((m) => m.codes))];
  // The level below and every puskesmas: their sums come a slice of areas at a time (a province has a
  // thousand puskesmas), the first asked for beside the other reads.
  const isChild = (u: Unit) => u.parentId === root.id && AREA_TYPES.has(u.type);
  const areas = new Map(units.filter((u) => isChild(u) || u.type === "puskesmas").map((u) => [u.id, u]));
  const areaSums = approvedAreaSums(db, monthSets, [...areas.keys()]);
  // Side by side on PostgreSQL, a turn of the event loop apart on PGlite (see afterTurns); the areas'
  // sums first, the longest read.
  const [firstSlice, monthly, counts, populations, prevalence] = await Promise.all([
    areaSums.next(),
    afterTurns(1, () => approvedRootSums(db, root.id, monthSets)),
    afterTurns(2, () => reportCounts(db, root.path, allMonths, codes)),
    afterTurns(5, () => populationTree(db, root.path, year, units)),
    afterTurns(7, () => prevalenceResolver(db, year)),
  ]).catch(async (error) => {
    await areaSums.return(undefined);
    throw error;
  });
  const rootSums = byMonth(monthly);

  // A unit's denominators: its populations and the estimates made from them (values only; the
  // root's explanations are written once, below).
  const denominatorOf = (unit: Pick<Unit, "id" | "path">) => {
    const figures = populations(unit.id);
    const values: Record<string, string> = Object.fromEntries(figures);
    for (const code of Object.keys(ESTIMATED) as Array<keyof typeof ESTIMATED>) {
      const value = estimatedValue(figures, prevalence(code, unit.path));
      if (value !== null) values[`ESTIMASI_${code}`] = value;
    }
    return values;
  };
  const yearly = (unit: Unit, reported: (set: number) => Record<string, string>) => {
    const values = denominatorOf(unit);
    const services_ = services.map((s) => ({
      number: s.number,
      ...figuresOnly(s.formula ? spmFigures(s.formula, reported(setOf.get(s.id) ?? -1), values) : noFormula),
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

  // Each slice of areas computed as its sums arrive, in slices of work that let other requests in.
  const figures = new Map<string, SpmUnitAchievement>();
  for await (const slice of continuing(firstSlice, areaSums)) {
    const sums = bySet(slice.sums);
    await mapInSlices(slice.areaIds, (id) => {
      const unit = areas.get(id) as Unit;
      // What the area reported over each set of months, added up once.
      const reported = monthSets.map((_, set) => numeratorValues(sums.get(`${id}|${set}`) ?? []));
      figures.set(
        id,
        yearly(unit, (set) => reported[set] ?? {}),
      );
    });
  }
  const children = units.filter(isChild).map((u) => figures.get(u.id) as SpmUnitAchievement);
  const puskesmas = units
    .filter((u) => u.type === "puskesmas")
    .map((u) => figures.get(u.id) as SpmUnitAchievement)
    .sort((a, b) => Number(b.meanCapaian ?? -1) - Number(a.meanCapaian ?? -1));

  const rootEstimates = (Object.keys(ESTIMATED) as Array<keyof typeof ESTIMATED>).map((code) =>
    estimateFor(code, populations(root.id), prevalence(code, root.path), year),
  );
  const rootValues = denominatorOf(root);
  const reports = reportTally(counts);
  return {
    orgUnit: { id: root.id, code: root.code, name: root.name, type: root.type },
    year,
    version,
    services: services.map((s) => {
      const elements = s.formula ? numeratorElements(s.formula) : [];
      // The cumulative figures re-add every month so far: hand them only what the numerator reads.
      const monthly = s.formula
        ? cumulativeFigures(s.formula, s.months, onlyElements(rootSums, elements), rootValues)
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
        denominatorNote: s.formula ? estimateNote(s.formula, rootEstimates) : null,
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

const reportedSum = (r: { element: string; ownerType: string | null; total: string }): ReportedSum => ({
  element: r.element,
  group: providerGroup(r.ownerType as ProviderOwnerType | null),
  value: r.total,
});

/** The root's sums by month, as the domain reads them (with the provider group of the owner type). */
function byMonth(rows: Awaited<ReturnType<typeof approvedRootSums>>): SumsByMonth {
  const out: SumsByMonth = new Map();
  for (const r of rows) out.set(r.period, [...(out.get(r.period) ?? []), reportedSum(r)]);
  return out;
}

/** A slice of areas' sums by "areaId|set", as the domain reads them. */
function bySet(rows: readonly AreaSum[]): Map<string, ReportedSum[]> {
  const out = new Map<string, ReportedSum[]>();
  for (const r of rows) {
    const key = `${r.areaId}|${r.set}`;
    const list = out.get(key) ?? [];
    list.push(reportedSum(r));
    out.set(key, list);
  }
  return out;
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
