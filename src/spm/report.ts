import { and, eq } from "drizzle-orm";
import { type Actor, recordAudit } from "../audit/record.js";
import type { Database, Reader } from "../db/client.js";
import { spmReportNotes, spmReports, spmServices } from "../db/schema/index.js";
import { AppError } from "../lib/errors.js";
import { skmResultsForYear } from "../skm/results.js";
import { computeSpmAchievement } from "./achievement.js";
import type { SpmReport } from "./report-types.js";

interface ReportUnit {
  id: string;
  code: string;
  name: string;
  officeName: string | null;
  type: string;
  path: string;
}

const REASON_TEXT = {
  missing_data: "belum ada data",
  denominator_zero: "sasaran bernilai 0",
} as const;

/** The annual report (Pasal 9) of a region: achievement, the Dinas's explanations, IKM, signatory. */
export async function buildSpmReport(db: Reader, unit: ReportUnit, year: number): Promise<SpmReport> {
  const [achievement, notes, [stored], skm] = await Promise.all([
    computeSpmAchievement(db, unit, year),
    db
      .select()
      .from(spmReportNotes)
      .where(and(eq(spmReportNotes.orgUnitId, unit.id), eq(spmReportNotes.year, year))),
    db
      .select()
      .from(spmReports)
      .where(and(eq(spmReports.orgUnitId, unit.id), eq(spmReports.year, year))),
    skmResultsForYear(db, unit.path, year),
  ]);
  const noteOf = new Map(notes.map((n) => [n.serviceId, n]));
  const ikmOf = new Map(skm.byService.map((r) => [r.serviceId, r]));
  const numberOf = new Map(achievement.services.map((s) => [s.serviceId, s.number]));
  return {
    regulation: achievement.version.regulation,
    orgUnitName: unit.officeName ?? unit.name,
    regionName: unit.name,
    year,
    services: achievement.services.map((s) => {
      const note = noteOf.get(s.serviceId);
      const ikm = ikmOf.get(s.serviceId);
      return {
        serviceId: s.serviceId,
        number: s.number,
        name: s.name,
        indicator: s.indicator,
        target: s.target ?? "100",
        numerator: s.numerator,
        denominator: s.denominator,
        denominatorNote: s.denominatorNote,
        capaian: s.capaian,
        reason: s.reason
          ? `${REASON_TEXT[s.reason]}${s.missing.length ? `: ${s.missing.join(", ")}` : ""}`
          : null,
        gap: s.gap,
        expectedReports: s.expectedReports,
        receivedReports: s.receivedReports,
        masalah: note?.masalah ?? null,
        pemecahanMasalah: note?.pemecahanMasalah ?? null,
        revision: note?.revision ?? null,
        ikm: ikm ? { value: ikm.ikm, band: ikm.band, respondents: ikm.respondents } : null,
      };
    }),
    surveys: skm.byFacility.map((f) => ({
      orgUnitName: f.orgUnitName,
      serviceNumber: numberOf.get(f.serviceId) ?? f.number,
      period: f.period,
      respondents: f.respondents,
      ikm: f.ikm,
      band: f.band,
    })),
    signatory: {
      position: stored?.signatoryPosition ?? `Kepala ${unit.officeName ?? `Dinas Kesehatan ${unit.name}`}`,
      name: stored?.signatoryName ?? "",
      nip: stored?.signatoryNip ?? "",
      ...(stored?.place ? { place: stored.place } : {}),
      ...(stored?.signedDate ? { date: stored.signedDate } : {}),
    },
    revision: stored?.revision ?? null,
    generatedAt: new Date().toISOString(),
  };
}

const conflict = (current: number | null) =>
  new AppError(
    409,
    "EDIT_CONFLICT",
    "Isian ini sudah diubah orang lain sejak Anda membukanya. Muat ulang lalu ulangi.",
    "Someone else changed this since you opened it. Reload and try again.",
    { currentRevision: current },
  );

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
