/**
 * The only error the domain module throws. Screens show `messageId` (Indonesian first) and fall back
 * to `messageEn`; `code` is stable for programs, `details` carries what the user needs to find the
 * mistake (a token position, the offending text).
 */
export class DomainError extends Error {
  readonly code: string;
  readonly messageId: string;
  readonly messageEn: string;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: string, messageId: string, messageEn: string, details?: Record<string, unknown>) {
    super(messageEn);
    this.name = "DomainError";
    this.code = code;
    this.messageId = messageId;
    this.messageEn = messageEn;
    this.details = details;
  }
}

/** Bilingual text for results that are not errors (labels, reasons, explanations). */
export interface BilingualText {
  readonly id: string;
  readonly en: string;
}

/** Parsers are fed spreadsheet cells and request bodies, so they check the runtime type too. */
export function expectString(value: unknown, what: string): string {
  if (typeof value !== "string") {
    throw new DomainError(
      "INPUT_NOT_TEXT",
      `${what} harus berupa teks, diterima ${typeof value}`,
      `${what} must be text, got ${typeof value}`,
      { received: typeof value },
    );
  }
  return value;
}
