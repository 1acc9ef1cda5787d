import { canonical, dhis2Code, parsePeriod, toAdxPeriod } from "../../domain/index.js";
import { type ExportChunk, type ExportKeys, RowReader } from "./export-rows.js";
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

/** The keys of units and elements as a format writes them, worked out once per export. */
function encoded(encode: (key: string) => string) {
  let of: ExportKeys | undefined;
  let units = new Map<string, string>();
  let elements = new Map<string, string>();
  return (keys: ExportKeys) => {
    if (keys !== of) {
      of = keys;
      units = new Map([...keys.units].map(([id, key]) => [id, encode(key)]));
      elements = new Map([...keys.elements].map(([id, key]) => [id, encode(key)]));
    }
    return {
      unit: (id: string) => units.get(id) ?? encode(id),
      element: (id: string) => elements.get(id) ?? encode(id),
    };
  };
}

/**
 * The values as a dataValueSets file, one piece of text per chunk of rows, written as they are read:
 * each line of COPY's text straight into the file's, with no object per value.
 */
export function writeValues(
  format: Format,
  chunks: AsyncIterable<ExportChunk>,
  dataSet: string,
): AsyncIterable<string> {
  if (format === "csv") return csv(chunks);
  if (format === "adx") return adx(chunks, dataSet);
  return json(chunks, dataSet);
}

async function* json(chunks: AsyncIterable<ExportChunk>, dataSet: string) {
  const period = memo((code) => dhis2Code(parsePeriod(code)));
  const keysOf = encoded((key) => JSON.stringify(key));
  const reader = new RowReader();
  yield `{"dataSet":${JSON.stringify(dataSet)},"dataValues":[`;
  let separator = "";
  for await (const chunk of chunks) {
    const keys = keysOf(chunk.keys);
    let text = "";
    // Written by hand in the order DHIS2 writes them: only the names and the comment need escaping.
    reader.each(chunk.text, (unit, code, element, value, comment, updated) => {
      text += `${separator}{"dataElement":${keys.element(element)},"period":"${period(code)}","orgUnit":${keys.unit(unit)},"categoryOptionCombo":"default","attributeOptionCombo":"default","value":"${canonical(value)}","lastUpdated":"${updated}"${comment ? `,"comment":${JSON.stringify(comment)}` : ""}}`;
      separator = ",";
    });
    yield text;
  }
  yield "]}\n";
}

async function* csv(chunks: AsyncIterable<ExportChunk>) {
  const period = memo((code) => dhis2Code(parsePeriod(code)));
  const keysOf = encoded(csvCell);
  const reader = new RowReader();
  yield `${CSV_COLUMNS.join(",")}\n`;
  for await (const chunk of chunks) {
    const keys = keysOf(chunk.keys);
    let text = "";
    // Periods, values and times never hold a comma or a quote: only the names and the comment.
    reader.each(chunk.text, (unit, code, element, value, comment, updated) => {
      text += `${keys.element(element)},${period(code)},${keys.unit(unit)},default,default,${canonical(value)},,${updated},${comment ? csvCell(comment) : ""},false\n`;
    });
    yield text;
  }
}

/** One `<group>` per unit and period: the rows come ordered by unit, then period. */
async function* adx(chunks: AsyncIterable<ExportChunk>, dataSet: string) {
  const period = memo((code) => toAdxPeriod(parsePeriod(code)));
  const keysOf = encoded(xmlAttr);
  const reader = new RowReader();
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<adx xmlns="${ADX_NAMESPACE}" exported="${new Date().toISOString()}">\n`;
  let group = "";
  for await (const chunk of chunks) {
    const keys = keysOf(chunk.keys);
    let text = "";
    reader.each(chunk.text, (unit, code, element, value) => {
      const key = `${unit}/${code}`;
      if (key !== group) {
        if (group) text += "  </group>\n";
        group = key;
        text += `  <group orgUnit="${keys.unit(unit)}" period="${period(code)}" dataSet="${xmlAttr(dataSet)}">\n`;
      }
      text += `    <dataValue dataElement="${keys.element(element)}" value="${canonical(value)}"/>\n`;
    });
    yield text;
  }
  if (group) yield "  </group>\n";
  yield "</adx>\n";
}
