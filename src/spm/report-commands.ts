import { and, eq } from "drizzle-orm";
import { type Actor, recordAudit } from "../audit/record.js";
import type { Database } from "../db/client.js";
import { spmReportNotes, spmReports, spmServices } from "../db/schema/index.js";
import { AppError } from "../lib/errors.js";

export interface NoteInput {
  serviceId: string;
  masalah: string | null;
  pemecahanMasalah: string | null;
  revision: number | null;
}

/** Saves the explanation of one service's result, audited, refusing a stale revision. */
export async function saveReportNote(
  db: Database,
  unitId: string,
  year: number,
  input: NoteInput,
  actor: Actor,
) {
  return db.transaction(async (tx) => {
    const [service] = await tx
      .select({ id: spmServices.id })
      .from(spmServices)
      .where(eq(spmServices.id, input.serviceId));
    if (!service) {
      throw new AppError(404, "NOT_FOUND", "Jenis pelayanan SPM tidak ditemukan.", "SPM service not found.");
    }
    const key = and(
      eq(spmReportNotes.orgUnitId, unitId),
      eq(spmReportNotes.year, year),
      eq(spmReportNotes.serviceId, input.serviceId),
    );
    const [before] = await tx.select().from(spmReportNotes).where(key).for("update");
    if ((before?.revision ?? null) !== input.revision) throw conflict(before?.revision ?? null);
    const values = { masalah: input.masalah, pemecahanMasalah: input.pemecahanMasalah };
    const revision = (before?.revision ?? 0) + 1;
    if (before) {
      await tx
        .update(spmReportNotes)
        .set({ ...values, revision, updatedBy: actor.userId, updatedAt: new Date() })
        .where(key);
    } else {
      await tx
        .insert(spmReportNotes)
        .values({ orgUnitId: unitId, year, serviceId: input.serviceId, ...values, updatedBy: actor.userId });
    }
    await recordAudit(tx, actor, {
      action: "spm.report_note_set",
      entityType: "spm_report_note",
      entityId: `${unitId}/${year}/${input.serviceId}`,
      orgUnitId: unitId,
      oldValue: before ? { masalah: before.masalah, pemecahanMasalah: before.pemecahanMasalah } : null,
      newValue: values,
    });
    return { revision };
  });
}

export interface SignatoryInput {
  position: string;
  name: string;
  nip: string;
  place: string | null;
  date: string | null;
  revision: number | null;
}

/** Saves who signs the year's report, and where and when, audited. */
export async function saveReportSignatory(
  db: Database,
  unitId: string,
  year: number,
  input: SignatoryInput,
  actor: Actor,
) {
  return db.transaction(async (tx) => {
    const key = and(eq(spmReports.orgUnitId, unitId), eq(spmReports.year, year));
    const [before] = await tx.select().from(spmReports).where(key).for("update");
    if ((before?.revision ?? null) !== input.revision) throw conflict(before?.revision ?? null);
    const values = {
      signatoryPosition: input.position,
      signatoryName: input.name,
      signatoryNip: input.nip,
      place: input.place,
      signedDate: input.date,
    };
    const revision = (before?.revision ?? 0) + 1;
    if (before) {
      await tx
        .update(spmReports)
        .set({ ...values, revision, updatedBy: actor.userId, updatedAt: new Date() })
        .where(key);
    } else {
      await tx.insert(spmReports).values({ orgUnitId: unitId, year, ...values, updatedBy: actor.userId });
    }
    await recordAudit(tx, actor, {
      action: "spm.report_signatory_set",
      entityType: "spm_report",
      entityId: `${unitId}/${year}`,
      orgUnitId: unitId,
      oldValue: before
        ? {
            position: before.signatoryPosition,
            name: before.signatoryName,
            nip: before.signatoryNip,
            place: before.place,
            date: before.signedDate,
          }
        : null,
      newValue: {
        position: input.position,
        name: input.name,
        nip: input.nip,
        place: input.place,
        date: input.date,
      },
    });
    return { revision };
  });
}

const conflict = (current: number | null) =>
  new AppError(
    409,
    "EDIT_CONFLICT",
    "Isian ini sudah diubah orang lain sejak Anda membukanya. Muat ulang lalu ulangi.",
    "Someone else changed this since you opened it. Reload and try again.",
    { currentRevision: current },
  );
