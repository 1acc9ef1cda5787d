import { createInflateRaw } from "node:zlib";
import { encryptedFile, ImportError } from "./errors.js";

/**
 * Checks an .xlsx (a zip) before exceljs inflates it: exceljs/JSZip would happily expand a 20 MB
 * upload into gigabytes. The central directory is read by hand, then every entry is inflated as a
 * stream and counted, because a crafted directory can understate the sizes.
 */
export const ZIP_LIMITS = {
  maxEntries: 10_000,
  maxTotalUncompressed: 200 * 1024 * 1024,
  /** Sheets compress 10–20:1; beyond this ratio a large entry is a bomb, not a spreadsheet. */
  maxRatio: 100,
  largeEntry: 5 * 1024 * 1024,
} as const;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

const notXlsx = (reason: string) =>
  new ImportError(
    "NOT_XLSX",
    "Berkas bukan lembar kerja Excel (.xlsx) yang utuh; simpan ulang sebagai .xlsx atau CSV",
    "The file is not an intact Excel workbook (.xlsx); save it again as .xlsx or CSV",
    { reason },
  );

const bomb = (reason: string, details: Record<string, unknown>) =>
  new ImportError(
    "ZIP_BOMB",
    "Isi berkas .xlsx terlalu besar setelah diekstrak; berkas ditolak demi keamanan server",
    "The .xlsx expands to too much data; the file is refused to protect the server",
    { reason, ...details, limits: ZIP_LIMITS },
  );

function findEndOfCentralDirectory(bytes: Uint8Array, view: DataView): number {
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= earliest; i--) {
    if (view.getUint32(i, true) === EOCD) return i;
  }
  throw notXlsx("end of central directory not found");
}

export function readCentralDirectory(bytes: Uint8Array): ZipEntry[] {
  if (bytes.length < 22) throw notXlsx("too short");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(bytes, view);
  const count = view.getUint16(eocd + 10, true);
  const offset = view.getUint32(eocd + 16, true);
  // ZIP64 markers: no spreadsheet under the upload limit needs them.
  if (count === 0xffff || offset === 0xffffffff) throw notXlsx("zip64 is not supported");
  if (count > ZIP_LIMITS.maxEntries) throw bomb("too many entries", { entries: count });
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL)
      throw notXlsx("bad central directory");
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length) throw notXlsx("bad central directory");
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      encrypted: (view.getUint16(at + 8, true) & 1) === 1,
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function checkDeclaredSizes(entries: readonly ZipEntry[]): void {
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize > ZIP_LIMITS.largeEntry && ratio > ZIP_LIMITS.maxRatio) {
      throw bomb("compression ratio", { entry: entry.name, ratio: Math.round(ratio) });
    }
  }
  if (total > ZIP_LIMITS.maxTotalUncompressed) throw bomb("total size", { uncompressed: total });
}

export function compressedData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw notXlsx("bad local header");
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw notXlsx("truncated entry");
  return bytes.subarray(start, end);
}

/** Inflates without keeping the output, stopping as soon as the entry outgrows what it declared. */
function inflatedSizeWithin(data: Uint8Array, limit: number): Promise<boolean> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw();
    let size = 0;
    let settled = false;
    const settle = (ok: boolean) => {
      if (settled) return;
      settled = true;
      inflate.destroy();
      resolve(ok);
    };
    inflate.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) settle(false);
    });
    inflate.on("end", () => settle(size === limit));
    inflate.on("error", () => settle(false));
    inflate.end(data);
  });
}

async function checkActualSizes(bytes: Uint8Array, entries: readonly ZipEntry[]): Promise<void> {
  for (const entry of entries) {
    const data = compressedData(bytes, entry);
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.uncompressedSize) throw notXlsx("stored entry size mismatch");
      continue;
    }
    if (entry.method !== 8) throw notXlsx(`unsupported compression method ${entry.method}`);
    if (!(await inflatedSizeWithin(data, entry.uncompressedSize))) {
      throw bomb("entry larger than declared or corrupt", { entry: entry.name });
    }
  }
}

/** Refuses anything but a plain, modest xlsx package; resolves when exceljs may open the bytes. */
export async function guardXlsxZip(bytes: Uint8Array): Promise<void> {
  const entries = readCentralDirectory(bytes);
  if (entries.some((e) => e.encrypted)) {
    throw encryptedFile();
  }
  const names = new Set(entries.map((e) => e.name));
  if (!names.has("[Content_Types].xml") || !names.has("xl/workbook.xml")) {
    throw notXlsx("not a spreadsheet package (xl/workbook.xml missing)");
  }
  checkDeclaredSizes(entries);
  await checkActualSizes(bytes, entries);
}
