import { canonical, dhis2Code, parsePeriod, toAdxPeriod } from "../../domain/index.js";
import type { ExportRow } from "./export-rows.js";
import { ADX_NAMESPACE, CSV_COLUMNS, type Format } from "./read-values.js";

export const CONTENT_TYPES: Record<Format, string> = {
  json: "application/json; charset=utf-8",
  csv: "application/csv; charset=utf-8",
  adx: "application/adx+xml; charset=utf-8",
};

const csvCell = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
const xmlAttr = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

/** A file holds few distinct periods: each code is worked out once. */
function memo(fn: (key: string) => string) {
  const known = new Map<string, string>();
  return (key: string) => {
    const seen = known.get(key);
    if (seen !== undefined) return seen;
    const text = fn(key);
    known.set(key, text);
    return text;
  };
}

/** The values as a dataValueSets file, one piece of text per batch of rows, written as they are read. */
export function writeValues(
  format: Format,
  batches: AsyncIterable<ExportRow[]>,
  dataSet: string,
): AsyncIterable<string> {
  if (format === "csv") return csv(batches);
  if (format === "adx") return adx(batches, dataSet);
  return json(batches, dataSet);
}

async function* json(batches: AsyncIterable<ExportRow[]>, dataSet: string) {
  const period = memo((code) => dhis2Code(parsePeriod(code)));
  yield `{"dataSet":${JSON.stringify(dataSet)},"dataValues":[`;
  let first = true;
  for await (const rows of batches) {
    // Written by hand in the order DHIS2 writes them: only the names and the comment need escaping.
    const items = rows.map(
      (row) =>
        `{"dataElement":${JSON.stringify(row.dataElement)},"period":"${period(row.period)}","orgUnit":${JSON.stringify(row.orgUnit)},"categoryOptionCombo":"default","attributeOptionCombo":"default","value":"${canonical(row.value)}","lastUpdated":"${row.lastUpdated}"${row.comment ? `,"comment":${JSON.stringify(row.comment)}` : ""}}`,
    );
    yield `${first ? "" : ","}${items.join(",")}`;
    first = false;
  }
  yield "]}\n";
}

async function* csv(batches: AsyncIterable<ExportRow[]>) {
  const period = memo((code) => dhis2Code(parsePeriod(code)));
  yield `${CSV_COLUMNS.join(",")}\n`;
  for await (const rows of batches) {
    let text = "";
    for (const row of rows) {
      // Periods, values and times never hold a comma or a quote: only the names and the comment.
      text += `${csvCell(row.dataElement)},${period(row.period)},${csvCell(row.orgUnit)},default,default,${canonical(row.value)},,${row.lastUpdated},${row.comment ? csvCell(row.comment) : ""},false\n`;
    }
    yield text;
  }
}

/** One `<group>` per unit and period: the rows come ordered by unit, then period. */
async function* adx(batches: AsyncIterable<ExportRow[]>, dataSet: string) {
  const period = memo((code) => toAdxPeriod(parsePeriod(code)));
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<adx xmlns="${ADX_NAMESPACE}" exported="${new Date().toISOString()}">\n`;
  let group = "";
  for await (const rows of batches) {
    let text = "";
    for (const row of rows) {
      const key = `${row.unitKey}/${row.period}`;
      if (key !== group) {
        if (group) text += "  </group>\n";
        group = key;
        text += `  <group orgUnit="${xmlAttr(row.orgUnit)}" period="${period(row.period)}" dataSet="${xmlAttr(dataSet)}">\n`;
      }
      text += `    <dataValue dataElement="${xmlAttr(row.dataElement)}" value="${canonical(row.value)}"/>\n`;
    }
    yield text;
  }
  if (group) yield "  </group>\n";
  yield "</adx>\n";
}
