import { DomainError } from "../../domain/index.js";

/**
 * A refusal of the whole file. The server answers it as a 4xx carrying both messages; `details` points
 * the planner at the spreadsheet row and cell to fix.
 */
export class ImportError extends Error {
  readonly code: string;
  readonly messageId: string;
  readonly messageEn: string;
  readonly details: Readonly<Record<string, unknown>> | undefined;
  readonly statusCode: 400 | 413 | 422;

  constructor(
    code: string,
    messageId: string,
    messageEn: string,
    details?: Record<string, unknown>,
    statusCode: 400 | 413 | 422 = 400,
  ) {
    super(messageEn);
    this.name = "ImportError";
    this.code = code;
    this.messageId = messageId;
    this.messageEn = messageEn;
    this.details = details;
    this.statusCode = statusCode;
  }
}

/** Excel encrypts a workbook into a CFB container; a zip may also carry encrypted entries. */
export const encryptedFile = () =>
  new ImportError(
    "FILE_ENCRYPTED",
    "Berkas dilindungi kata sandi; buka di Excel, hapus kata sandinya, lalu unggah lagi",
    "The file is password-protected; open it in Excel, remove the password, then upload it again",
  );

/** Something the planner should see in the preview; the value was imported as written. */
export interface ImportWarning {
  code: string;
  /** Indonesian. */
  message: string;
  messageEn: string;
  /** 1-based spreadsheet row, null for the file as a whole. */
  row: number | null;
}

export function warning(code: string, message: string, messageEn: string, row: number | null): ImportWarning {
  return { code, message, messageEn, row };
}

/** Whatever escapes parsing (a domain rule, exceljs, a malformed zip) reaches the caller as an ImportError. */
export function asImportError(error: unknown): ImportError {
  if (error instanceof ImportError) return error;
  if (error instanceof DomainError) {
    return new ImportError(error.code, error.messageId, error.messageEn, { ...error.details });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new ImportError(
    "FILE_UNREADABLE",
    "Berkas tidak dapat dibaca sebagai lembar kerja Excel (.xlsx) atau CSV",
    "The file cannot be read as an Excel workbook (.xlsx) or CSV",
    { reason },
  );
}
