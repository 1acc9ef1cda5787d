import { createHash } from "node:crypto";
import { type Readable, Transform } from "node:stream";
import { AppError } from "../../lib/errors.js";
import type { Format } from "./read-values.js";

/**
 * The request body handed over unread. The stream sits in a private field so the input guard, which
 * walks every body's own fields, does not walk into the socket.
 */
export class RawBody {
  readonly #stream: Readable;
  constructor(stream: Readable) {
    this.#stream = stream;
  }
  get stream() {
    return this.#stream;
  }
}

export const BODY_TYPES: Record<string, Format> = {
  "application/json": "json",
  "application/csv": "csv",
  "text/csv": "csv",
  "application/adx+xml": "adx",
  "application/xml": "adx",
  "text/xml": "adx",
};

export const tooLarge = (maxBytes: number) =>
  new AppError(
    413,
    "FILE_TOO_LARGE",
    `Berkas lebih dari ${Math.round(maxBytes / 1024 / 1024)} MB; bagi menjadi beberapa berkas.`,
    `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB; split it into several files.`,
  );

/** The body counted and hashed as it passes; past `maxBytes` the stream fails with a 413. */
export function measured(body: Readable, maxBytes: number) {
  const hash = createHash("sha256");
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > maxBytes) return done(tooLarge(maxBytes));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  body.on("error", (e) => stream.destroy(e));
  body.pipe(stream);
  return { stream, done: () => ({ bytes, sha256: hash.digest("hex") }) };
}
