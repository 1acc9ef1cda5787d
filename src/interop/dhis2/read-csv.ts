/** Why a CSV cannot be read: an unclosed quote, or text after a closing quote. */
export class CsvSyntaxError extends Error {}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;
const isBlank = (c: number) => c === 32 || c === 9;
/** Where `search` next occurs from `at`; Infinity when it does not. */
const nextOf = (text: string, search: string, at: number) => {
  const found = text.indexOf(search, at);
  return found === -1 ? Number.POSITIVE_INFINITY : found;
};

/** The row's end at `i`: where the next row starts, or -1 when a CR may be half of a CRLF yet to come. */
function rowEnd(text: string, i: number, final: boolean) {
  if (text.charCodeAt(i) !== CR) return i + 1;
  if (i + 1 < text.length) return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
  return final ? i + 1 : -1;
}

/**
 * The row at `at`, which holds a quote, or null when the text ends before it does. A field whose first
 * non-blank character is a quote runs to the closing quote (`""` is one quote; commas and line ends
 * inside are text) and the blanks around the quotes are dropped; a quote anywhere else is text.
 */
function quotedRow(text: string, at: number, final: boolean): { fields: string[]; next: number } | null {
  const fields: string[] = [];
  let i = at;
  for (;;) {
    const start = i;
    while (i < text.length && isBlank(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) === QUOTE) {
      let field = "";
      let from = i + 1;
      for (;;) {
        const close = text.indexOf('"', from);
        if (close === -1) {
          if (final) throw new CsvSyntaxError("a quote is not closed");
          return null;
        }
        field += text.slice(from, close);
        if (text.charCodeAt(close + 1) !== QUOTE) {
          i = close + 1;
          break;
        }
        field += '"';
        from = close + 2;
      }
      while (i < text.length && isBlank(text.charCodeAt(i))) i++;
      fields.push(field);
    } else {
      while (i < text.length) {
        const c = text.charCodeAt(i);
        if (c === COMMA || c === LF || c === CR) break;
        i++;
      }
      fields.push(text.slice(start, i));
    }
    if (i >= text.length) return final ? { fields, next: i } : null;
    const c = text.charCodeAt(i);
    if (c === COMMA) i++;
    else if (c === LF || c === CR) {
      const next = rowEnd(text, i, final);
      return next === -1 ? null : { fields, next };
    } else throw new CsvSyntaxError("text after a closing quote");
  }
}

/** A row of blanks only (a blank line, `,,,`), skipped as fast-csv's `ignoreEmpty` did. */
function isEmpty(fields: string[]) {
  for (const field of fields) if (field.trim() !== "") return false;
  return true;
}

/**
 * Reads the complete rows of `text`, handing each to `take` (awaiting the promise it may return), and
 * answers what is left: the start of a row the next chunk completes. Rows without a quote, nearly all,
 * are split at their commas; the positions of the next quote and CR are kept so no row searches the
 * rest of the chunk for them again.
 */
async function readRows(
  text: string,
  final: boolean,
  take: (fields: string[]) => void | Promise<void>,
): Promise<string> {
  let at = 0;
  let quoteAt = -1;
  let crAt = -1;
  while (at < text.length) {
    if (quoteAt < at) quoteAt = nextOf(text, '"', at);
    if (crAt < at) crAt = nextOf(text, "\r", at);
    const end = Math.min(nextOf(text, "\n", at), crAt, text.length);
    let fields: string[];
    let next: number;
    if (quoteAt < end) {
      const row = quotedRow(text, at, final);
      if (!row) break;
      ({ fields, next } = row);
    } else {
      if (end === text.length && !final) break;
      next = end === text.length ? end : rowEnd(text, end, final);
      if (next === -1) break;
      fields = text.slice(at, end).split(",");
    }
    at = next;
    if (isEmpty(fields)) continue;
    const waiting = take(fields);
    if (waiting) await waiting;
  }
  return text.slice(at);
}

/**
 * The rows of a CSV body (RFC 4180: comma, double quotes, LF, CRLF or CR), read as the chunks come,
 * each chunk's rows handed over before the next chunk is read: no row outlives its chunk, so a million
 * rows leave nothing for the garbage collector to promote. `take`'s promise pauses the reading.
 */
export async function readCsvRows(
  body: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  take: (fields: string[]) => void | Promise<void>,
): Promise<void> {
  const decoder = new TextDecoder();
  let rest = "";
  for await (const chunk of body)
    rest = await readRows(
      rest + (typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true })),
      false,
      take,
    );
  rest += decoder.decode();
  if (rest) await readRows(rest, true, take);
}
