import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { AppError } from "../lib/errors.js";

/** What a backup's payload is, so restore knows how to read it and where it may go. */
export type PayloadKind = "pglite-datadir" | "pg-dump-custom" | "logical-jsonl";

/** The first line of every backup file after the magic line: what it is and how to check it. */
export interface Manifest {
  format: "capaian-backup";
  formatVersion: 1;
  appVersion: string;
  /** Migrations applied in the database that was backed up. */
  migrations: number;
  database: "pglite" | "postgres";
  payload: PayloadKind;
  createdAt: string;
  payloadBytes: number;
  sha256: string;
}

const MAGIC = "CAPAIAN-BACKUP 1\n";

const refuse = (id: string, en: string) =>
  new AppError(400, "BACKUP_FILE_INVALID", `Berkas cadangan ditolak: ${id}`, `Backup file refused: ${en}`);

/** One file: a magic line, the manifest as one JSON line, then the payload bytes. */
export function encodeBackup(manifest: Omit<Manifest, "payloadBytes" | "sha256">, payload: Buffer): Buffer {
  const full: Manifest = {
    ...manifest,
    payloadBytes: payload.length,
    sha256: createHash("sha256").update(payload).digest("hex"),
  };
  return Buffer.concat([Buffer.from(`${MAGIC}${JSON.stringify(full)}\n`), payload]);
}

/** Reads and checks a backup file: refuses another kind of file, a truncated or altered one. */
export function decodeBackup(bytes: Buffer): { manifest: Manifest; payload: Buffer } {
  if (!bytes.subarray(0, MAGIC.length).equals(Buffer.from(MAGIC)))
    throw refuse("ini bukan berkas cadangan capaian.", "this is not a capaian backup file.");
  const end = bytes.indexOf(10, MAGIC.length);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(bytes.subarray(MAGIC.length, end).toString("utf8"));
  } catch {
    throw refuse("keterangan berkas rusak.", "its manifest is damaged.");
  }
  if (manifest.format !== "capaian-backup" || manifest.formatVersion !== 1)
    throw refuse("versi format tidak dikenal.", "unknown format version.");
  const payload = bytes.subarray(end + 1);
  if (payload.length !== manifest.payloadBytes)
    throw refuse(
      `berkas terpotong atau berlebih (${payload.length} dari ${manifest.payloadBytes} bita).`,
      `the file is truncated or has extra bytes (${payload.length} of ${manifest.payloadBytes} bytes).`,
    );
  if (createHash("sha256").update(payload).digest("hex") !== manifest.sha256)
    throw refuse("checksum tidak cocok, berkas rusak.", "checksum mismatch, the file is damaged.");
  return { manifest, payload };
}

export const readBackupFile = (path: string) => decodeBackup(readFileSync(path));
