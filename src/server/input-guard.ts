import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../lib/errors.js";

/** Deeper than any body the API accepts; a deeper one is an attack or a bug, refused before validation. */
const MAX_DEPTH = 32;

/**
 * Text that PostgreSQL cannot store (a NUL character) or that is not text at all (a lone UTF-16
 * surrogate) is refused for every route at once, before any schema or query sees it.
 */
function refuseText(where: string): AppError {
  return new AppError(
    400,
    "TEXT_INVALID_CHARACTER",
    `Isian ${where} mengandung karakter yang tidak sah (karakter NUL atau UTF-16 yang rusak). Hapus lalu kirim lagi.`,
    `The field ${where} contains an invalid character (a NUL character or broken UTF-16). Remove it and send again.`,
    { path: where },
  );
}

// With the u flag a valid surrogate pair is one code point, so \p{Cs} finds only lone halves.
const isBadText = (text: string) => text.includes("\u0000") || /\p{Cs}/u.test(text);

function check(value: unknown, path: string, depth: number): void {
  if (typeof value === "string") {
    if (isBadText(value)) throw refuseText(path || "(isi)");
    return;
  }
  if (value === null || typeof value !== "object" || Buffer.isBuffer(value)) return;
  if (depth > MAX_DEPTH) {
    throw new AppError(
      400,
      "BODY_TOO_DEEP",
      `Isi permintaan bersarang terlalu dalam (lebih dari ${MAX_DEPTH} tingkat).`,
      `The request body is nested too deeply (more than ${MAX_DEPTH} levels).`,
    );
  }
  for (const [key, item] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (isBadText(key)) throw refuseText(at);
    check(item, at, depth + 1);
  }
}

export function guardInput(request: FastifyRequest): void {
  check(request.query, "", 0);
  check(request.params, "", 0);
  check(request.body, "", 0);
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

export function registerInputGuard(app: FastifyInstance): void {
  // Node would quietly turn bytes that are not UTF-8 into U+FFFD and store them: refuse them instead.
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (request, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      done(
        new AppError(
          400,
          "BODY_NOT_UTF8",
          "Isi permintaan bukan teks UTF-8 yang sah.",
          "The request body is not valid UTF-8 text.",
        ),
        undefined,
      );
      return;
    }
    parseJson(request, text, done);
  });
  app.addHook("preValidation", async (request) => guardInput(request));
}
