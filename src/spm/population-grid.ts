import { and, asc, eq, inArray, isNull, like, or } from "drizzle-orm";
import { type Actor, recordAudit } from "../audit/record.js";
import { inSubtree } from "../auth/scope-sql.js";
import type { Database, Reader } from "../db/client.js";
import { type OrgUnitType, orgUnits, prevalences, targetPopulations } from "../db/schema/index.js";
import { canonical, parseHeadCount } from "../domain/index.js";
import { factDistrictOf } from "../domain/org-unit-tree.js";
import { AppError } from "../lib/errors.js";
import {
  ESTIMATED,
  POPULATION_CATEGORIES,
  type PopulationCategory,
  populationsWithEstimates,
  populationTree,
} from "./populations.js";

/** Units whose populations a region's grid shows under the region itself (hospitals serve, not house, people). */
export const GRID_UNIT_TYPES: readonly OrgUnitType[] = ["kecamatan", "kelurahan", "puskesmas"];

export const CATEGORY_CODES = Object.keys(POPULATION_CATEGORIES) as PopulationCategory[];

export interface GridUnit {
  id: string;
  code: string;
  name: string;
  type: OrgUnitType;
  level: number;
  path: string;
  districtId: string | null;
}

const unitColumns = {
  id: orgUnits.id,
  code: orgUnits.code,
  name: orgUnits.name,
  type: orgUnits.type,
  level: orgUnits.level,
  path: orgUnits.path,
  districtId: orgUnits.districtId,
};

export const notHeadCount = (where: string, whereEn: string, text: string) => ({
  id: `${where}: "${text}" bukan jumlah orang (bilangan bulat ≥ 0).`,
  en: `${whereEn}: "${text}" is not a head count (whole number ≥ 0).`,
});

/** The region itself, then every kecamatan, kelurahan and puskesmas below it in tree order. */
export async function regionUnits(db: Reader, root: GridUnit): Promise<GridUnit[]> {
  const below = await db
    .select(unitColumns)
    .from(orgUnits)
    .where(and(like(orgUnits.path, `${root.path}_%`), inArray(orgUnits.type, [...GRID_UNIT_TYPES])))
    .orderBy(asc(orgUnits.path));
  return [root, ...below];
}

export async function findGridUnit(db: Reader, id: string) {
  const [unit] = await db.select(unitColumns).from(orgUnits).where(eq(orgUnits.id, id));
  return unit;
}

/** Units by their codes (as a spreadsheet names them), wherever they are in the tree. */
export async function gridUnitsByCode(db: Reader, codes: string[]) {
  const units = codes.length
    ? await db.select(unitColumns).from(orgUnits).where(inArray(orgUnits.code, codes))
    : [];
  return new Map<string, GridUnit>(units.map((u) => [u.code, u]));
}

/** Where a unit may be written from a region's grid or template: the region itself or a unit it shows. */
export const inRegion = (root: GridUnit, unit: Pick<GridUnit, "id" | "path" | "type">) =>
  unit.id === root.id || (unit.path.startsWith(root.path) && GRID_UNIT_TYPES.includes(unit.type));

/** Every unit's own entered figures for the year, keyed by unit id then category. */
export async function enteredFigures(db: Reader, unitIds: string[], year: number) {
  const rows = unitIds.length
    ? await db
        .select()
        .from(targetPopulations)
        .where(and(inArray(targetPopulations.orgUnitId, unitIds), eq(targetPopulations.year, year)))
    : [];
  const byUnit = new Map<string, Map<string, (typeof rows)[number]>>();
  for (const row of rows) {
    const own = byUnit.get(row.orgUnitId) ?? new Map();
    own.set(row.category, row);
    byUnit.set(row.orgUnitId, own);
  }
  return byUnit;
}

const asRecord = (totals: Map<string, string>) =>
  Object.fromEntries(
    CATEGORY_CODES.map((c) => [c, totals.has(c) ? canonical(totals.get(c) as string) : null]),
  );

/**
 * The grid of a region for a year: each unit's own figures (what can be edited) beside its rolled-up
 * figures (what the SPM divides by), the region's totals and estimates, and the prevalences behind them.
 */
export async function populationGrid(db: Database, root: GridUnit, year: number) {
  const units = await regionUnits(db, root);
  const entered = await enteredFigures(
    db,
    units.map((u) => u.id),
    year,
  );
  // The roll-up rule is populations.ts's; the grid shows what it gives each row, never re-deriving it.
  const rolledUp = await populationTree(db, root.path, year);
  const rows = units.map((unit) => {
    const own = entered.get(unit.id);
    return {
      orgUnitId: unit.id,
      code: unit.code,
      name: unit.name,
      type: unit.type,
      depth: unit.level - root.level,
      cells: Object.fromEntries(
        CATEGORY_CODES.map((c) => {
          const figure = own?.get(c);
          return [
            c,
            figure
              ? { value: canonical(figure.value), source: figure.source, revision: figure.revision }
              : null,
          ];
        }),
      ),
      totals: asRecord(rolledUp(unit.id)),
    };
  });
  const whole = await populationsWithEstimates(db, root.path, year);
  const ownPrevalences = await db
    .select({
      code: prevalences.code,
      orgUnitId: prevalences.orgUnitId,
      percent: prevalences.percent,
      source: prevalences.source,
      sourceYear: prevalences.sourceYear,
    })
    .from(prevalences)
    .where(
      and(
        eq(prevalences.year, year),
        inArray(prevalences.code, Object.keys(ESTIMATED)),
        or(isNull(prevalences.orgUnitId), eq(prevalences.orgUnitId, root.id)),
      ),
    )
    .orderBy(asc(prevalences.code));
  const years = await db
    .selectDistinct({ year: targetPopulations.year })
    .from(targetPopulations)
    .innerJoin(orgUnits, eq(orgUnits.id, targetPopulations.orgUnitId))
    .where(inSubtree(root.path))
    .orderBy(asc(targetPopulations.year));
  return {
    unit: { id: root.id, code: root.code, name: root.name, type: root.type },
    year,
    categories: CATEGORY_CODES.map((code) => ({ code, label: POPULATION_CATEGORIES[code] })),
    rows,
    totals: Object.fromEntries(whole.populations.map((p) => [p.category, p.value && canonical(p.value)])),
    estimates: whole.estimates,
    prevalences: ownPrevalences.map((p) => ({ ...p, percent: canonical(p.percent) })),
    yearsWithData: years.map((y) => y.year),
  };
}

export interface GridCellInput {
  orgUnitId: string;
  category: PopulationCategory;
  /** As typed ("38.000"); null deletes the figure. */
  value: string | null;
  source?: string | null;
  revision?: number | null;
}

const refuseCell = (code: string, id: string, en: string) => new AppError(422, code, id, en);

/**
 * The cells of one grid save checked before anything is written: every unit in the region and
 * writable by the caller (`authorize` throws otherwise), every value a head count, no cell twice.
 * The first problem refuses the whole save, naming the unit and the category.
 */
export async function gridCellsToWrite(
  db: Reader,
  root: GridUnit,
  cells: GridCellInput[],
  authorize: (unit: GridUnit) => void,
): Promise<CellWrite[]> {
  const ids = [...new Set(cells.map((c) => c.orgUnitId))];
  const units = new Map(
    (await db.select(unitColumns).from(orgUnits).where(inArray(orgUnits.id, ids))).map((u) => [u.id, u]),
  );
  const seen = new Set<string>();
  return cells.map((cell) => {
    const unit = units.get(cell.orgUnitId);
    const label = POPULATION_CATEGORIES[cell.category];
    if (!unit || !inRegion(root, unit)) {
      throw refuseCell(
        "UNIT_OUTSIDE_REGION",
        `Unit ${unit?.name ?? cell.orgUnitId} bukan bagian dari ${root.name}; tidak ada yang disimpan.`,
        `Unit ${unit?.name ?? cell.orgUnitId} is not part of ${root.name}; nothing was saved.`,
      );
    }
    authorize(unit);
    const key = `${unit.id}/${cell.category}`;
    if (seen.has(key)) {
      throw refuseCell(
        "POPULATION_DUPLICATE",
        `${unit.name}, ${label}: dikirim dua kali; tidak ada yang disimpan.`,
        `${unit.name}, ${cell.category}: sent twice; nothing was saved.`,
      );
    }
    seen.add(key);
    const value = cell.value === null ? null : parseHeadCount(cell.value);
    if (value === undefined) {
      const message = notHeadCount(
        `${unit.name}, ${label}`,
        `${unit.name}, ${cell.category}`,
        cell.value ?? "",
      );
      throw refuseCell(
        "POPULATION_UNREADABLE",
        `${message.id} Tidak ada yang disimpan.`,
        `${message.en} Nothing was saved.`,
      );
    }
    const source = cell.source?.trim() || null;
    return {
      unit,
      category: cell.category,
      value,
      source,
      ...(cell.revision === undefined ? {} : { revision: cell.revision }),
    };
  });
}

export interface CellWrite {
  unit: GridUnit;
  category: PopulationCategory;
  /** Canonical whole number; null deletes the figure. */
  value: string | null;
  /** null or absent keeps the figure's source. */
  source?: string | null;
  /** The revision the edit started from (null: no figure then); absent skips the check (imports). */
  revision?: number | null;
}

/**
 * Writes figures of many units in one transaction, one audit record per figure changed in the shape
 * savePopulations writes; a figure already as asked is left alone, so re-saving changes nothing.
 * A revision that moved since the edit started refuses everything (409): someone else saved meanwhile.
 */
export async function writePopulationCells(db: Database, year: number, cells: CellWrite[], actor: Actor) {
  return db.transaction(async (tx) => {
    let written = 0;
    for (const cell of cells) {
      const key = and(
        eq(targetPopulations.orgUnitId, cell.unit.id),
        eq(targetPopulations.year, year),
        eq(targetPopulations.category, cell.category),
      );
      const [before] = await tx.select().from(targetPopulations).where(key).for("update");
      if (cell.revision !== undefined && (before?.revision ?? null) !== cell.revision) {
        throw new AppError(
          409,
          "POPULATION_CONFLICT",
          `${cell.unit.name}, ${POPULATION_CATEGORIES[cell.category]}: sudah diubah orang lain sejak Anda membukanya. Muat ulang lalu ulangi; tidak ada yang disimpan.`,
          `${cell.unit.name}, ${cell.category}: changed by someone else since you opened it. Reload and try again; nothing was saved.`,
        );
      }
      const source = cell.source ?? before?.source ?? null;
      const same = before
        ? cell.value !== null && canonical(before.value) === cell.value && before.source === source
        : cell.value === null;
      if (same) continue;
      if (cell.value === null) await tx.delete(targetPopulations).where(key);
      else if (before) {
        await tx
          .update(targetPopulations)
          .set({
            value: cell.value,
            source,
            revision: before.revision + 1,
            updatedBy: actor.userId,
            updatedAt: new Date(),
          })
          .where(key);
      } else {
        await tx.insert(targetPopulations).values({
          districtId: factDistrictOf(cell.unit),
          orgUnitId: cell.unit.id,
          year,
          category: cell.category,
          value: cell.value,
          source,
          updatedBy: actor.userId,
        });
      }
      await recordAudit(tx, actor, {
        action: "spm.population_set",
        entityType: "target_population",
        entityId: `${cell.unit.id}/${year}/${cell.category}`,
        orgUnitId: cell.unit.id,
        oldValue: before ? { value: canonical(before.value), source: before.source } : null,
        newValue: cell.value === null ? null : { value: cell.value, source },
      });
      written++;
    }
    return written;
  });
}
