import { encryptedFile, ImportError } from "./errors.js";

/**
 * Decides from the bytes (not the name) what was uploaded. Excel writes a password-protected workbook
 * as an OLE2/CFB container (D0 CF 11 E0) holding "EncryptionInfo"; the same container without it is
 * the old binary .xls.
 */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ENCRYPTION_INFO = Buffer.from("EncryptionInfo", "utf16le");

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

export function checkFileKind(bytes: Uint8Array, fileName: string, maxBytes: number): "xlsx" | "csv" {
  if (!(bytes instanceof Uint8Array)) {
    throw new ImportError("FILE_MISSING", "Berkas tidak diterima", "No file was received");
  }
  if (bytes.length > maxBytes) {
    const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
    throw new ImportError(
      "FILE_TOO_LARGE",
      `Berkas ${mb(bytes.length)} MB melebihi batas ${mb(maxBytes)} MB`,
      `The file (${mb(bytes.length)} MB) exceeds the ${mb(maxBytes)} MB limit`,
      { size: bytes.length, maxBytes },
      413,
    );
  }
  if (bytes.length === 0) throw new ImportError("FILE_EMPTY", "Berkas kosong", "The file is empty");
  if (startsWith(bytes, ZIP_MAGIC)) return "xlsx";
  if (startsWith(bytes, CFB_MAGIC)) {
    if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPTION_INFO)) {
      throw encryptedFile();
    }
    throw new ImportError(
      "XLS_NOT_SUPPORTED",
      "Format Excel 97–2003 (.xls) tidak didukung; simpan sebagai .xlsx lalu unggah lagi",
      "The Excel 97–2003 format (.xls) is not supported; save it as .xlsx and upload again",
    );
  }
  const isText = !bytes.subarray(0, 4096).includes(0);
  if (isText && /\.(csv|txt)$/i.test(fileName.trim())) return "csv";
  throw new ImportError(
    "NOT_SPREADSHEET",
    "Berkas bukan lembar kerja Excel (.xlsx) atau CSV",
    "The file is not an Excel workbook (.xlsx) or a CSV",
    { fileName },
  );
}
