import { canonical, dhis2Code, parsePeriod, toAdxPeriod } from "../../domain/index.js";
import type { ExportRow } from "./queries.js";
import { ADX_NAMESPACE, CSV_COLUMNS, type Format } from "./read-values.js";
import type { IdScheme } from "./schemas.js";

export const CONTENT_TYPES: Record<Format, string> = {
  json: "application/json; charset=utf-8",
  csv: "application/csv; charset=utf-8",
  adx: "application/adx+xml; charset=utf-8",
};

const ids = (scheme: IdScheme, row: ExportRow) => ({
  orgUnit: scheme === "UID" ? row.orgUnitId : scheme === "CODE" ? row.orgUnitCode : row.orgUnitName,
  dataElement:
    scheme === "UID" ? row.dataElementId : scheme === "CODE" ? row.dataElementCode : row.dataElementName,
});

const csvCell = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
const xmlAttr = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

/** Joins rows into chunks of text of ~64 KB, so the socket gets few large writes. */
async function* batched(parts: AsyncIterable<string>) {
  let buffer = "";
  for await (const part of parts) {
    buffer += part;
    if (buffer.length > 65_536) {
      yield buffer;
      buffer = "";
    }
  }
  if (buffer) yield buffer;
}

/** The values as a dataValueSets file, written as they are read. */
export function writeValues(
  format: Format,
  rows: AsyncIterable<ExportRow>,
  dataSet: string,
  scheme: IdScheme,
): AsyncIterable<string> {
  if (format === "csv") return batched(csv(rows, scheme));
  if (format === "adx") return batched(adx(rows, dataSet, scheme));
  return batched(json(rows, dataSet, scheme));
}

async function* json(rows: AsyncIterable<ExportRow>, dataSet: string, scheme: IdScheme) {
  yield `{"dataSet":${JSON.stringify(dataSet)},"dataValues":[`;
  let first = true;
  for await (const row of rows) {
    const { orgUnit, dataElement } = ids(scheme, row);
    const item = {
      dataElement,
      period: dhis2Code(parsePeriod(row.period)),
      orgUnit,
      categoryOptionCombo: "default",
      attributeOptionCombo: "default",
      value: canonical(row.value),
      lastUpdated: row.updatedAt.toISOString(),
      ...(row.comment ? { comment: row.comment } : {}),
    };
    yield `${first ? "" : ","}${JSON.stringify(item)}`;
    first = false;
  }
  yield "]}\n";
}

async function* csv(rows: AsyncIterable<ExportRow>, scheme: IdScheme) {
  yield `${CSV_COLUMNS.join(",")}\n`;
  for await (const row of rows) {
    const { orgUnit, dataElement } = ids(scheme, row);
    const cells = [
      dataElement,
      dhis2Code(parsePeriod(row.period)),
      orgUnit,
      "default",
      "default",
      canonical(row.value),
      "",
      row.updatedAt.toISOString(),
      row.comment ?? "",
      "false",
    ];
    yield `${cells.map(csvCell).join(",")}\n`;
  }
}

/** One `<group>` per unit and period: the rows come ordered by unit, then period. */
async function* adx(rows: AsyncIterable<ExportRow>, dataSet: string, scheme: IdScheme) {
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<adx xmlns="${ADX_NAMESPACE}" exported="${new Date().toISOString()}">\n`;
  let group = "";
  for await (const row of rows) {
    const { orgUnit, dataElement } = ids(scheme, row);
    const key = `${row.orgUnitId}/${row.period}`;
    if (key !== group) {
      if (group) yield "  </group>\n";
      group = key;
      yield `  <group orgUnit="${xmlAttr(orgUnit)}" period="${toAdxPeriod(parsePeriod(row.period))}" dataSet="${xmlAttr(dataSet)}">\n`;
    }
    yield `    <dataValue dataElement="${xmlAttr(dataElement)}" value="${canonical(row.value)}"/>\n`;
  }
  if (group) yield "  </group>\n";
  yield "</adx>\n";
}
