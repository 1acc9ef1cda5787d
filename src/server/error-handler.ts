import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError, type ErrorBody, errorBody, withRequestId } from "../lib/errors.js";

interface CodedError {
  code: string;
  messageId: string;
  messageEn: string;
  details?: unknown;
}

/** Errors that carry their own bilingual message (AppError, the domain engine's DomainError). */
function isCodedError(error: unknown): error is Error & CodedError {
  return (
    error instanceof Error &&
    typeof (error as Partial<CodedError>).messageId === "string" &&
    typeof (error as Partial<CodedError>).messageEn === "string"
  );
}

const genericClientError: Record<number, [string, string]> = {
  400: ["Permintaan tidak dapat dibaca.", "The request could not be read."],
  403: [
    "Token keamanan (CSRF) tidak ada atau tidak cocok. Muat ulang halaman lalu coba lagi.",
    "The security (CSRF) token is missing or does not match. Reload the page and try again.",
  ],
  404: ["Tidak ditemukan.", "Not found."],
  405: ["Metode tidak diizinkan.", "Method not allowed."],
  413: ["Isi permintaan terlalu besar.", "The request body is too large."],
  415: ["Jenis isi permintaan tidak didukung.", "Unsupported content type."],
  429: ["Terlalu banyak permintaan. Coba lagi sebentar lagi.", "Too many requests. Try again shortly."],
};

export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const answer = (status: number, body: ErrorBody) =>
    reply.code(status).send(withRequestId(body, request.id));
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = error.validation.map((v) => v.instancePath.replace(/^\//, "").replaceAll("/", "."));
    const where = fields.filter(Boolean).join(", ");
    return answer(
      400,
      errorBody(
        "VALIDATION",
        `Data permintaan tidak valid${where ? ` (${where})` : ""}.`,
        `Invalid request data${where ? ` (${where})` : ""}.`,
        error.validation.map((v) => ({ path: v.instancePath, message: v.message })),
      ),
    );
  }
  if (error instanceof AppError || isCodedError(error)) {
    const status = error instanceof AppError ? error.statusCode : 422;
    const details = error.details;
    return answer(status, errorBody(error.code, error.messageId, error.messageEn, details));
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const [id, en] = genericClientError[status] ?? genericClientError[400] ?? ["", ""];
    const code = status === 429 ? "RATE_LIMITED" : status === 403 ? "CSRF" : (error.code ?? "BAD_REQUEST");
    return answer(status, errorBody(code, id, en));
  }
  request.log.error({ err: error }, "unhandled error");
  return answer(
    500,
    errorBody(
      "INTERNAL",
      `Terjadi kesalahan pada server. Kode permintaan: ${request.id}.`,
      `Something went wrong on the server. Request id: ${request.id}.`,
    ),
  );
}
