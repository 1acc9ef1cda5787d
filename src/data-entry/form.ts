import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Reader } from "../db/client.js";
import { preparedPerDatabase } from "../db/prepared.js";
import {
  dataElements,
  dataSetElements,
  dataSetOrgUnits,
  dataSetReports,
  dataSets,
  dataValues,
  orgUnits,
} from "../db/schema/index.js";
import {
  canonical,
  deadlineOf,
  endDate,
  entryWindow,
  membersAt,
  type Period,
  parseRecordablePeriod,
  periodLabel,
  previousPeriod,
  validateValues,
} from "../domain/index.js";
import { AppError, notFound } from "../lib/errors.js";
import { todayInJakarta } from "../lib/jakarta-date.js";
import type { Form } from "./schemas.js";

export interface FormKey {
  dataSetId: string;
  orgUnitId: string;
  period: string;
}

interface ElementRow {
  id: string;
  code: string;
  name: string;
  valueType: "integer" | "number";
  section: string | null;
  dataElementId: string;
  position: number;
  validFrom: string | null;
  validTo: string | null;
}

// Every element the data set ever had, as one json array: the form's context and its elements in one
// round trip (`membersAt` picks the period's).
const elementsJson = sql<ElementRow[]>`(select coalesce(json_agg(json_build_object('id', de.id,
    'code', de.code, 'name', de.name, 'valueType', de.value_type, 'section', dse.section,
    'dataElementId', dse.data_element_id, 'position', dse.position, 'validFrom', dse.valid_from,
    'validTo', dse.valid_to)), '[]')
  from ${dataSetElements} dse join ${dataElements} de on de.id = dse.data_element_id
  where dse.data_set_id = ${dataSets.id})`;

// One round trip: the data set, its elements and, when it is assigned to the data set, the org unit.
const contextQuery = preparedPerDatabase((db) =>
  db
    .select({
      dataSet: dataSets,
      elements: elementsJson,
      unitId: orgUnits.id,
      unitName: orgUnits.name,
      unitPath: orgUnits.path,
      unitDistrictId: orgUnits.districtId,
    })
    .from(dataSets)
    .leftJoin(
      dataSetOrgUnits,
      and(
        eq(dataSetOrgUnits.dataSetId, dataSets.id),
        eq(dataSetOrgUnits.orgUnitId, sql.placeholder("orgUnitId")),
      ),
    )
    .leftJoin(orgUnits, eq(orgUnits.id, dataSetOrgUnits.orgUnitId))
    .where(eq(dataSets.id, sql.placeholder("dataSetId")))
    .prepare("form_context"),
);

/**
 * The data set, the org unit (with its path, for authorization), the period of a form, checked, and
 * the form's elements in that period.
 */
export async function formContext(db: Reader, key: FormKey) {
  const [row] = await contextQuery(db).execute({ dataSetId: key.dataSetId, orgUnitId: key.orgUnitId });
  if (!row) throw notFound("Formulir data", "Data set");
  const { dataSet, unitId, unitName, unitPath } = row;
  if (unitId === null || unitName === null || unitPath === null) throw notAssigned(dataSet);
  const unit = { id: unitId, name: unitName, path: unitPath, districtId: row.unitDistrictId };
  const period = checkPeriod(dataSet, key.period);
  return { dataSet, unit, period, elements: elementsAt(row.elements, period) };
}

export type FormContext = Awaited<ReturnType<typeof formContext>>;

type DataSetRow = typeof dataSets.$inferSelect;

export const notAssigned = (dataSet: Pick<DataSetRow, "name">) =>
  new AppError(
    404,
    "NOT_ASSIGNED",
    `Unit ini tidak melaporkan formulir "${dataSet.name}".`,
    `This org unit does not report "${dataSet.name}".`,
  );

/** A period the data set can record: a real, recordable period of the data set's type. */
export function checkPeriod(dataSet: Pick<DataSetRow, "name" | "periodType">, text: string): Period {
  const period = parseRecordablePeriod(text);
  if (period.type !== dataSet.periodType) {
    throw new AppError(
      400,
      "PERIOD_TYPE_MISMATCH",
      `Formulir "${dataSet.name}" dilaporkan per ${dataSet.periodType === "month" ? "bulan" : dataSet.periodType}, bukan ${periodLabel(period, "id")}.`,
      `"${dataSet.name}" is reported per ${dataSet.periodType}, not ${periodLabel(period, "en")}.`,
    );
  }
  return period;
}

const elementsQuery = preparedPerDatabase((db) =>
  db
    .select({
      id: dataElements.id,
      code: dataElements.code,
      name: dataElements.name,
      valueType: dataElements.valueType,
      section: dataSetElements.section,
      dataElementId: dataSetElements.dataElementId,
      position: dataSetElements.position,
      validFrom: dataSetElements.validFrom,
      validTo: dataSetElements.validTo,
    })
    .from(dataSetElements)
    .innerJoin(dataElements, eq(dataElements.id, dataSetElements.dataElementId))
    .where(eq(dataSetElements.dataSetId, sql.placeholder("dataSetId")))
    .orderBy(asc(dataSetElements.position))
    .prepare("form_elements"),
);

/**
 * The form's elements in `period` (the current ones when no period is given, every element it ever
 * had for "ever"), in form order.
 */
export async function formElements(db: Reader, dataSetId: string, period?: Period | "ever") {
  return elementsAt(await elementsQuery(db).execute({ dataSetId }), period);
}

function elementsAt(rows: ElementRow[], period?: Period | "ever") {
  const members =
    period === "ever" ? membersAt(rows.map((r) => ({ ...r, validTo: null }))) : membersAt(rows, period);
  return members.map(({ id, code, name, valueType, section }) => ({ id, code, name, valueType, section }));
}

/** Whether the form's period is open for entry on `today` (the data set's rule, domain/entry-window.ts). */
export function entryOf(context: FormContext, today = todayInJakarta()) {
  return entryWindow(context.dataSet, context.period, today);
}

/** Refuses a write to a form whose period the data set has not opened (or no longer opens). */
export function assertEntryOpen(context: FormContext, today = todayInJakarta()) {
  const window = entryOf(context, today);
  if (!window.open) throw new AppError(422, "PERIOD_NOT_OPEN", window.message.id, window.message.en);
}

export async function formValues(db: Reader, orgUnitId: string, period: string, elementIds: string[]) {
  if (elementIds.length === 0) return [];
  return db
    .select({
      dataElementId: dataValues.dataElementId,
      value: dataValues.value,
      comment: dataValues.comment,
      revision: dataValues.revision,
    })
    .from(dataValues)
    .where(
      and(
        eq(dataValues.orgUnitId, orgUnitId),
        eq(dataValues.period, period),
        inArray(dataValues.dataElementId, elementIds),
      ),
    );
}

export async function reportOf(db: Reader, dataSetId: string, orgUnitId: string, period: string) {
  const [row] = await db
    .select()
    .from(dataSetReports)
    .where(
      and(
        eq(dataSetReports.dataSetId, dataSetId),
        eq(dataSetReports.orgUnitId, orgUnitId),
        eq(dataSetReports.period, period),
      ),
    );
  return row;
}

/** Validation of the form's values against the data set's rules and the previous period. */
export async function formFindings(db: Reader, context: FormContext, elements: Elements) {
  const previous = previousPeriod(context.period);
  const rows = await periodValues(
    db,
    context.unit.id,
    [context.period.code, previous.code],
    elements.map((e) => e.id),
  );
  return findingsOf(
    context,
    elements,
    rows.filter((r) => r.period === context.period.code),
    rows.filter((r) => r.period === previous.code),
  );
}

type ValueRow = Awaited<ReturnType<typeof formValues>>[number];

/** Values of one unit in a few periods, in one query. */
async function periodValues(db: Reader, orgUnitId: string, periodCodes: string[], elementIds: string[]) {
  if (elementIds.length === 0) return [];
  return db
    .select({
      period: dataValues.period,
      dataElementId: dataValues.dataElementId,
      value: dataValues.value,
      comment: dataValues.comment,
      revision: dataValues.revision,
    })
    .from(dataValues)
    .where(
      and(
        eq(dataValues.orgUnitId, orgUnitId),
        inArray(dataValues.period, periodCodes),
        inArray(dataValues.dataElementId, elementIds),
      ),
    );
}

function findingsOf(context: FormContext, elements: Elements, current: ValueRow[], previous: ValueRow[]) {
  const codeOf = new Map(elements.map((e) => [e.id, e.code]));
  const byCode = (rows: ValueRow[]) =>
    Object.fromEntries(rows.map((v) => [codeOf.get(v.dataElementId) as string, canonical(v.value)]));
  return validateValues({
    rules: context.dataSet.rules,
    values: byCode(current),
    previous: byCode(previous),
    valueTypes: Object.fromEntries(elements.map((e) => [e.code, e.valueType])),
    jumpPercent: context.dataSet.jumpPercent,
    names: Object.fromEntries(elements.map((e) => [e.code, e.name])),
  }).map((f) => ({
    ...f,
    message: f.message.id,
    messageEn: f.message.en,
    dataElements: [...f.dataElements],
  }));
}

type Elements = FormContext["elements"];

/**
 * What a save already knows when it answers: the report row it locked and the values of the period and
 * the one before as they stand after the write, so that answering with the form costs no query.
 */
export interface KnownForm {
  report: Awaited<ReturnType<typeof reportOf>>;
  values: ValueRow[];
  previous: ValueRow[];
}

export async function loadForm(
  db: Reader,
  key: FormKey,
  context?: FormContext,
  known?: KnownForm,
): Promise<Form> {
  const ctx = context ?? (await formContext(db, key));
  const elements = ctx.elements;
  const entry = entryOf(ctx);
  const { report, values, previous } = known ?? (await storedForm(db, ctx));
  return {
    dataSet: {
      id: ctx.dataSet.id,
      code: ctx.dataSet.code,
      name: ctx.dataSet.name,
      periodType: ctx.dataSet.periodType,
    },
    orgUnit: { id: ctx.unit.id, name: ctx.unit.name },
    period: {
      code: ctx.period.code,
      label: periodLabel(ctx.period, "id"),
      deadline: deadlineOf(endDate(ctx.period), ctx.dataSet.deadlineDays),
    },
    elements,
    values: values.map((v) => ({ ...v, value: canonical(v.value) })),
    report: {
      status: report?.status ?? "draft",
      revision: report?.revision ?? 0,
      returnedReason: report?.returnedReason ?? null,
      submittedAt: report?.submittedAt?.toISOString() ?? null,
      onTime: report?.onTime ?? null,
      nihil: report?.isNihil ?? false,
    },
    findings: findingsOf(ctx, elements, values, previous),
    entry: entry.open
      ? { open: true, message: null, messageEn: null }
      : { open: false, message: entry.message.id, messageEn: entry.message.en },
  };
}

/** The report row and the values of the form's period and the one before, as stored. */
async function storedForm(db: Reader, ctx: FormContext): Promise<KnownForm> {
  const previous = previousPeriod(ctx.period);
  const rows = await periodValues(
    db,
    ctx.unit.id,
    [ctx.period.code, previous.code],
    ctx.elements.map((e) => e.id),
  );
  const valuesIn = (code: string) => rows.filter((r) => r.period === code).map(({ period: _, ...v }) => v);
  return {
    report: await reportOf(db, ctx.dataSet.id, ctx.unit.id, ctx.period.code),
    values: valuesIn(ctx.period.code),
    previous: valuesIn(previous.code),
  };
}
