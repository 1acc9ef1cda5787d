import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { type SQL, sql } from "drizzle-orm";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Database, DatabaseKind, Tx } from "../../db/client.js";
import { parseDecimal } from "../../domain/index.js";
import { AppError } from "../../lib/errors.js";
import type { LateHeader, RawValue } from "./read-values.js";

/** Above this many values one file is refused: send the rest in another file. */
export const MAX_VALUES = 2_000_000;

/** Values per COPY while the file is read: a few hundred kilobytes of text held at a time. */
const BATCH = 10_000;
/** Bytes of a batch's buffer; a batch is copied early when its next line would not fit. */
const BATCH_BYTES = 1 << 20;

/** COPY's text format: tab between fields, \N for null, backslash escapes inside a field. */
const ESCAPED = /[\\\t\n\r]/;
const field = (text: string | null) =>
  text === null
    ? "\\N"
    : !ESCAPED.test(text)
      ? text
      : text.replaceAll("\\", "\\\\").replaceAll("\t", "\\t").replaceAll("\n", "\\n").replaceAll("\r", "\\r");

/** The driver's own connection of a drizzle transaction, for the COPY drizzle does not offer. */
const driverOf = (tx: Tx) => (tx as unknown as { session: { client: unknown } }).session.client;

interface PgliteClient {
  query(text: string, params?: unknown[], options?: { blob?: Blob }): Promise<unknown>;
}

/** Where the staging statements run: the import's transaction (PostgreSQL) or the database (PGlite). */
export type Runner = Tx | Database;

/** Numbers already read: a file repeats the same few texts (0, 1, 12 …) many times. */
const numbers = new Map<string, string | null>();

/** A number as the form reads it, or null when it is none (the checks then report it). */
function numberOf(text: string): string | null {
  let number = numbers.get(text);
  if (number !== undefined) return number;
  try {
    number = parseDecimal(text);
  } catch {
    number = null;
  }
  if (numbers.size >= 10_000) numbers.clear();
  numbers.set(text, number);
  return number;
}

/**
 * A file's values staged for one import: a temporary table filled by COPY in batches while the file is
 * read, so a million values never sit in memory. Each value keeps its index in the file, its fields as
 * written, and its number as the form reads it.
 */
export class Staging {
  /** The staged values' table; `name("x")` names the import's other temporary tables. */
  readonly table: SQL;
  /** Values staged so far. */
  count = 0;
  /** The first data set the file names (JSON header, ADX group). */
  dataSet = "";
  readonly #prefix = `dhis2_${randomBytes(6).toString("hex")}`;
  readonly #made: string[] = [];
  /**
   * The batch being filled, as COPY's bytes: each value's line is garbage at once, where a list of a
   * batch's lines lived through the COPY before it and was promoted to the old generation (a
   * million values grew the heap by hundreds of megabytes before a full collection).
   */
  #batch: Buffer<ArrayBuffer> = Buffer.allocUnsafeSlow(BATCH_BYTES);
  #bytes = 0;
  #values = 0;
  /** Buffers whose COPY is done, to fill again: at most three exist (copying, waiting, filling). */
  readonly #free: Buffer<ArrayBuffer>[] = [];
  /** The COPY of the batch before, while the next is read. */
  #copying: Promise<void> = Promise.resolve();

  constructor(
    readonly run: Runner,
    readonly kind: DatabaseKind,
    /** One transaction for the writing: within the staging's own on PostgreSQL, a new one on PGlite. */
    readonly atomically: <T>(work: (tx: Tx) => Promise<T>) => Promise<T>,
  ) {
    this.table = this.name("in");
  }

  name(part: string): SQL {
    return sql.raw(`${this.#prefix}_${part}`);
  }

  /**
   * `create temporary table … as`/`(…)`, on `run` or, within the writing, its transaction: dropped with
   * the transaction on PostgreSQL, by `drop` on PGlite.
   */
  async create(part: string, definition: { columns: string } | { as: SQL }, on: Runner = this.run) {
    const scope = this.kind === "postgres" ? sql` on commit drop` : sql``;
    this.#made.push(`${this.#prefix}_${part}`);
    await on.execute(
      "as" in definition
        ? sql`create temporary table ${this.name(part)}${scope} as ${definition.as}`
        : sql`create temporary table ${this.name(part)} (${sql.raw(definition.columns)})${scope}`,
    );
    if ("as" in definition) await this.analyze(part, on);
  }

  /** Statistics for a filled table: nothing analyzes temporary tables, and PGlite's planner guessed nested loops. */
  async analyze(part: string, on: Runner = this.run) {
    await on.execute(sql`analyze ${this.name(part)}`);
  }

  async open() {
    await this.create("in", {
      columns: "idx int, element text, period text, org_unit text, coc text, aoc text, value text, num text",
    });
  }

  /** Takes one value; every BATCH values, waits for their COPY. */
  add = (v: RawValue): Promise<void> | undefined => {
    if (this.count >= MAX_VALUES)
      throw new AppError(
        413,
        "TOO_MANY_VALUES",
        `Lebih dari ${MAX_VALUES} nilai dalam satu berkas; bagi menjadi beberapa berkas.`,
        `More than ${MAX_VALUES} values in one file; split it into several files.`,
      );
    this.dataSet ||= v.dataSet;
    const value = v.value.trim();
    const line = `${this.count}\t${field(v.dataElement)}\t${field(v.period)}\t${field(v.orgUnit)}\t${field(v.categoryOptionCombo)}\t${field(v.attributeOptionCombo)}\t${field(value)}\t${field(value === "" ? null : numberOf(value))}\n`;
    this.count++;
    let waiting: Promise<void> | undefined;
    // UTF-8 takes at most three bytes per UTF-16 unit: the exact length only when that might not fit.
    if (this.#bytes + line.length * 3 > this.#batch.length) {
      const length = Buffer.byteLength(line);
      if (this.#bytes + length > this.#batch.length) waiting = this.#send();
      // A line longer than a whole buffer (a huge comment) gets a buffer of its own.
      if (length > this.#batch.length) this.#batch = Buffer.allocUnsafeSlow(length);
    }
    this.#bytes += this.#batch.write(line, this.#bytes);
    this.#values++;
    if (this.#values >= BATCH) waiting = this.#send();
    return waiting;
  };

  /**
   * Hands the filled batch to its COPY, which runs while the next batch is read; answers the COPY
   * before it, which reading waits for.
   */
  #send(): Promise<void> | undefined {
    if (this.#values === 0) return undefined;
    const before = this.#copying;
    const batch = this.#batch;
    const bytes = this.#bytes;
    this.#batch = this.#free.pop() ?? Buffer.allocUnsafeSlow(BATCH_BYTES);
    this.#bytes = 0;
    this.#values = 0;
    this.#copying = before.then(async () => {
      await this.#copy(batch.subarray(0, bytes));
      if (batch.length === BATCH_BYTES) this.#free.push(batch);
    });
    // Seen here or by `flush`: a failure never goes unhandled while the reader runs on.
    this.#copying.catch(() => {});
    return before;
  }

  /** Waits for the COPYs under way, then copies what is left. */
  async flush() {
    this.#send();
    await this.#copying;
  }

  async #copy(bytes: Buffer<ArrayBuffer>) {
    const copy = `copy ${this.#prefix}_in from`;
    if (this.kind === "postgres") {
      const client = driverOf(this.run as Tx) as pg.PoolClient;
      await pipeline(Readable.from([bytes]), client.query(copyFrom(`${copy} stdin`)));
    } else {
      const client = (this.run as unknown as { $client: PgliteClient }).$client;
      // The blob holds a copy of the bytes: the buffer is free to fill again.
      await client.query(`${copy} '/dev/blob'`, [], { blob: new Blob([bytes]) });
    }
  }

  /** The last values, and the gaps a JSON header written after them fills. */
  async finish(late: LateHeader) {
    await this.flush();
    await this.analyze("in");
    this.dataSet ||= late.dataSet ?? "";
    const fills: Array<[string, string | undefined]> = [
      ["period", late.period],
      ["org_unit", late.orgUnit],
      ["aoc", late.attributeOptionCombo],
    ];
    for (const [column, value] of fills)
      if (value)
        await this.run.execute(
          sql`update ${this.table} set ${sql.raw(column)} = ${value} where ${sql.raw(column)} = ''`,
        );
  }

  /** PGlite keeps temporary tables for its one session: they go when the import ends. */
  async drop() {
    if (this.kind === "pglite" && this.#made.length)
      await this.run.execute(sql.raw(`drop table if exists ${this.#made.join(", ")}`));
  }
}

/**
 * Runs an import on a staging of its own. PostgreSQL: all of it in one transaction on one connection.
 * PGlite, one connection for everybody: the staging and the checks run between other requests' queries
 * (they write only temporary tables), and only the writing holds the transaction.
 */
export async function withStaging<T>(
  db: Database,
  kind: DatabaseKind,
  work: (staging: Staging) => Promise<T>,
): Promise<T> {
  if (kind === "postgres")
    return db.transaction(async (tx) => {
      // The checks sort and join a million staged values: in memory rather than in files (this transaction only).
      await tx.execute(sql`set local work_mem = '128MB'`);
      // A savepoint: a dry run's writing rolls back while the staging stays.
      const staging = new Staging(tx, kind, (write) => tx.transaction(write));
      await staging.open();
      return work(staging);
    });
  const staging = new Staging(db, kind, (write) => db.transaction(write));
  try {
    await staging.open();
    return await work(staging);
  } finally {
    await staging.drop();
  }
}
