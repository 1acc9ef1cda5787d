import type { Readable } from "node:stream";
import { SaxesParser } from "saxes";
import StreamJson from "stream-json";
import { AppError } from "../../lib/errors.js";
import { readCsvRows } from "./read-csv.js";

/** One data value as the file gave it, identifiers still in the file's id scheme. */
export interface RawValue {
  dataElement: string;
  period: string;
  orgUnit: string;
  categoryOptionCombo: string;
  attributeOptionCombo: string;
  value: string;
  comment: string;
  /** The data set the file names for it (JSON header, ADX group); empty when none. */
  dataSet: string;
}

export type Format = "json" | "csv" | "adx";

/** Half of a UTF-16 pair. */
const LONE_SURROGATE = /\p{Cs}/u;

const refuse = (code: string, id: string, en: string) => new AppError(400, code, id, en);

/** Takes each value as it is read; a promise it returns is awaited before more is read (back-pressure). */
export type ValueSink = (value: RawValue) => void | Promise<void>;

/**
 * What a JSON header written after the values says: it applies to the values read before it that lack
 * these fields (the sink has already had them). Empty for CSV and ADX.
 */
export type LateHeader = Partial<Pick<RawValue, "period" | "orgUnit" | "attributeOptionCombo" | "dataSet">>;

/** Reads a dataValueSets body as a stream, one value at a time, into the given sink. */
export async function readValues(format: Format, body: Readable, sink: ValueSink): Promise<LateHeader> {
  const checked = (value: RawValue) => {
    // What the input guard refuses in every other body: PostgreSQL cannot store it. One test of the
    // fields joined (a separator between them, so no two halves make a pair) costs less than one per field.
    const { dataElement, period, orgUnit, categoryOptionCombo, attributeOptionCombo, comment, dataSet } =
      value;
    const all = `${dataElement}\n${period}\n${orgUnit}\n${categoryOptionCombo}\n${attributeOptionCombo}\n${value.value}\n${comment}\n${dataSet}`;
    if (all.includes("\u0000") || LONE_SURROGATE.test(all))
      throw refuse(
        "TEXT_INVALID_CHARACTER",
        "Berkas mengandung karakter yang tidak sah (NUL atau UTF-16 yang rusak).",
        "The file contains an invalid character (NUL or broken UTF-16).",
      );
    // The sink's own failure (the database) is not a broken file: it passes the readers' catch as is.
    return sink(value)?.catch((error: unknown) => {
      throw new SinkFailed(error);
    });
  };
  try {
    if (format === "csv") await readCsv(body, checked);
    else if (format === "adx") await readAdx(body, checked);
    else return await readJson(body, checked);
    return {};
  } catch (error) {
    throw error instanceof SinkFailed ? error.cause : error;
  }
}

class SinkFailed extends Error {
  constructor(cause: unknown) {
    super("sink failed", { cause });
  }
}

const passes = (error: unknown) => error instanceof AppError || error instanceof SinkFailed;

/**
 * Hands a stream's items to `take` as they come: an async iterator per item cost more than the parsing
 * itself. A promise `take` returns pauses the stream until it settles (back-pressure).
 */
function consume<T>(stream: Readable, take: (item: T) => void | Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    let failed = false;
    let last: Promise<void> | undefined;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      stream.destroy();
      reject(error);
    };
    stream.on("data", (item: T) => {
      if (failed) return;
      try {
        const pending = take(item);
        if (!pending) return;
        stream.pause();
        last = pending.then(() => {
          if (!failed) stream.resume();
        }, fail);
      } catch (error) {
        fail(error);
      }
    });
    stream.once("error", fail);
    stream.once("end", () => {
      Promise.resolve(last).then(() => {
        if (!failed) resolve();
      }, fail);
    });
  });
}

const text = (value: unknown) => (value === null || value === undefined ? "" : String(value));

/** `{dataSet, period, orgUnit, attributeOptionCombo, dataValues: [...]}`; the header fills values' gaps. */
async function readJson(body: Readable, sink: ValueSink): Promise<LateHeader> {
  const tokens = StreamJson.parser({ streamValues: false });
  body.on("error", (e) => tokens.destroy(e));
  body.pipe(tokens);
  const header: Record<string, string> = {};
  let depth = 0;
  let key = "";
  let inValues = false;
  let item: Record<string, string> | null = null;
  try {
    await consume(tokens, (token: { name: string; value?: unknown }) => {
      switch (token.name) {
        case "startObject":
        case "startArray":
          if (depth === 0 && token.name === "startArray") throw notAnObject();
          if (depth === 1 && key === "dataValues" && token.name === "startArray") inValues = true;
          else if (inValues && depth === 2 && token.name === "startObject") item = {};
          depth++;
          break;
        case "endObject":
        case "endArray":
          depth--;
          if (inValues && depth === 2 && item) {
            const v: RawValue = {
              dataElement: item.dataElement ?? "",
              period: item.period || (header.period ?? ""),
              orgUnit: item.orgUnit || (header.orgUnit ?? ""),
              categoryOptionCombo: item.categoryOptionCombo ?? "",
              attributeOptionCombo: item.attributeOptionCombo || (header.attributeOptionCombo ?? ""),
              value: item.value ?? "",
              comment: item.comment ?? "",
              dataSet: header.dataSet ?? "",
            };
            item = null;
            return sink(v);
          }
          if (inValues && depth === 1) inValues = false;
          break;
        case "keyValue":
          key = String(token.value);
          break;
        default:
          if (depth === 0) throw notAnObject();
          if (depth === 1) header[key] = text(token.value);
          else if (item && depth === 3) item[key] = text(token.value);
      }
    });
  } catch (error) {
    if (passes(error)) throw error;
    throw refuse(
      "JSON_INVALID",
      `Berkas JSON rusak atau terpotong: ${(error as Error).message}`,
      `The JSON file is broken or truncated: ${(error as Error).message}`,
    );
  }
  // A header written after the values still applies to them.
  return {
    period: header.period,
    orgUnit: header.orgUnit,
    attributeOptionCombo: header.attributeOptionCombo,
    dataSet: header.dataSet,
  };
}

const notAnObject = () =>
  refuse(
    "JSON_INVALID",
    'Berkas JSON harus berupa objek {"dataValues": [...]}.',
    'The JSON file must be an object {"dataValues": [...]}.',
  );

/** DHIS2's columns, in DHIS2's order; the first six are required. */
export const CSV_COLUMNS = [
  "dataelement",
  "period",
  "orgunit",
  "categoryoptioncombo",
  "attributeoptioncombo",
  "value",
  "storedby",
  "lastupdated",
  "comment",
  "followup",
] as const;

async function readCsv(body: Readable, sink: ValueSink) {
  let header: string[] | null = null;
  let commentAt = -1;
  try {
    await readCsvRows(body, (row) => {
      if (!header) {
        // Excel's "CSV UTF-8" starts with a byte order mark; it is not part of the first name.
        header = row.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, "") : h).trim().toLowerCase());
        if (CSV_COLUMNS.slice(0, 6).some((name, i) => header?.[i] !== name))
          throw refuse(
            "CSV_HEADER_INVALID",
            `Baris pertama CSV harus berisi ${CSV_COLUMNS.join(",")}.`,
            `The CSV's first row must hold ${CSV_COLUMNS.join(",")}.`,
          );
        commentAt = header.indexOf("comment");
        return;
      }
      return sink({
        dataElement: row[0] ?? "",
        period: row[1] ?? "",
        orgUnit: row[2] ?? "",
        categoryOptionCombo: row[3] ?? "",
        attributeOptionCombo: row[4] ?? "",
        value: row[5] ?? "",
        comment: row[commentAt] ?? "",
        dataSet: "",
      });
    });
  } catch (error) {
    if (passes(error)) throw error;
    throw refuse("CSV_INVALID", "Berkas CSV tidak terbaca.", "The CSV file cannot be read.");
  }
  if (!header) throw refuse("CSV_INVALID", "Berkas CSV kosong.", "The CSV file is empty.");
}

export const ADX_NAMESPACE = "urn:ihe:qrph:adx:2015";
const GROUP_KEYS = new Set(["orgUnit", "period", "dataSet", "completeDate"]);
const VALUE_KEYS = new Set(["dataElement", "value"]);

/** ADX: `<adx>` in the IHE namespace, `<group>` per form, `<dataValue>` per value. */
async function readAdx(body: Readable, sink: ValueSink) {
  const xml = new SaxesParser({ xmlns: true });
  // The parser's callbacks cannot wait: a chunk's values are handed to the sink after the chunk.
  const batch: RawValue[] = [];
  let group: Record<string, string> | null = null;
  let failure: unknown = null;
  let root = true;
  xml.on("error", (e) => {
    failure ??= e;
  });
  xml.on("opentag", (tag) => {
    if (failure) return;
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) if (!a.prefix) attrs[a.local] = a.value;
    if (root) {
      root = false;
      if (tag.local !== "adx" || tag.uri !== ADX_NAMESPACE)
        failure = refuse(
          "ADX_NAMESPACE",
          `Elemen akar harus <adx xmlns="${ADX_NAMESPACE}">, bukan <${tag.name}> (${tag.uri || "tanpa namespace"}).`,
          `The root element must be <adx xmlns="${ADX_NAMESPACE}">, not <${tag.name}> (${tag.uri || "no namespace"}).`,
        );
      return;
    }
    if (tag.uri !== ADX_NAMESPACE) return;
    if (tag.local === "group") group = attrs;
    else if (tag.local === "dataValue" && group) {
      const g = group;
      // Other attributes are disaggregations: category option combos we do not hold.
      const extra = (keys: Set<string>, of: Record<string, string>) =>
        Object.entries(of)
          .filter(([k]) => !keys.has(k))
          .map(([k, v]) => `${k}=${v}`)
          .join(";");
      batch.push({
        dataElement: attrs.dataElement ?? "",
        period: g.period ?? "",
        orgUnit: g.orgUnit ?? "",
        categoryOptionCombo: extra(VALUE_KEYS, attrs),
        attributeOptionCombo: extra(GROUP_KEYS, g),
        value: attrs.value ?? "",
        comment: "",
        dataSet: g.dataSet ?? "",
      });
    }
  });
  xml.on("closetag", (tag) => {
    if (tag.local === "group") group = null;
  });
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      xml.write(decoder.decode(chunk, { stream: true }));
      if (failure) break;
      for (const v of batch.splice(0)) await sink(v);
    }
    if (!failure) xml.write(decoder.decode()).close();
    if (!failure) for (const v of batch.splice(0)) await sink(v);
  } catch (error) {
    failure ??= error;
  }
  if (passes(failure)) throw failure;
  if (failure)
    throw refuse(
      "ADX_INVALID",
      `Berkas ADX bukan XML yang sah: ${(failure as Error).message}`,
      `The ADX file is not well-formed XML: ${(failure as Error).message}`,
    );
  if (root) throw refuse("ADX_INVALID", "Berkas ADX kosong.", "The ADX file is empty.");
}
