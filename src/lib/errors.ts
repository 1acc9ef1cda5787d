/**
 * An error meant for the user: an HTTP status, a stable code, and the message in Indonesian and English.
 * Anything else that escapes a route is logged and answered as a generic 500 without details.
 */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly messageId: string,
    readonly messageEn: string,
    readonly details?: unknown,
  ) {
    super(messageEn);
    this.name = "AppError";
  }
}

export interface ErrorBody {
  /** requestId: the x-request-id of the answer, to quote when reporting a problem (set by the error handler). */
  error: { code: string; message: string; messageEn: string; details?: unknown; requestId?: string };
}

export function errorBody(code: string, messageId: string, messageEn: string, details?: unknown): ErrorBody {
  return { error: { code, message: messageId, messageEn, ...(details === undefined ? {} : { details }) } };
}

/** The same body naming the request it answers. */
export const withRequestId = (body: ErrorBody, requestId: string): ErrorBody => ({
  error: { ...body.error, requestId },
});

export const notFound = (what: string, whatEn: string) =>
  new AppError(404, "NOT_FOUND", `${what} tidak ditemukan.`, `${whatEn} not found.`);
