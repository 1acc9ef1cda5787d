import { readFileSync } from "node:fs";
import { createBackup, restoreBackup, writeFileAtomic } from "../backup/backup.js";
import { decodeBackup } from "../backup/file-format.js";
import { type DatabaseOptions, openDatabase } from "../db/client.js";
import { AppError } from "../lib/errors.js";

/** `capaian backup`: the PGlite folder must not be held by a running server (its lock refuses it). */
export async function backupToFile(target: DatabaseOptions, output: string, logical: boolean) {
  const handle = await openDatabase(target).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "DATA_DIR_IN_USE")
      throw new AppError(
        409,
        error.code,
        `${error.messageId} Server yang berjalan membuat cadangan sendiri bila BACKUP_DIR diatur; atau hentikan server dulu.`,
        `${error.messageEn} A running server writes its own backups when BACKUP_DIR is set; or stop the server first.`,
      );
    throw error;
  });
  try {
    const bytes = await createBackup(handle, { logical });
    writeFileAtomic(output, bytes);
    return { ...decodeBackup(bytes).manifest, file: output };
  } finally {
    await handle.close();
  }
}

export const restoreFromFile = (target: DatabaseOptions, file: string, force: boolean) =>
  restoreBackup(readFileSync(file), target, { force });
