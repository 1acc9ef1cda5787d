import { and, eq, inArray } from "drizzle-orm";
import { type Actor, recordAudit } from "../audit/record.js";
import type { Database } from "../db/client.js";
import { spmQuarterEntries, spmServices } from "../db/schema/index.js";
import { canonical, compare, DomainError, parseDecimal } from "../domain/index.js";
import { AppError } from "../lib/errors.js";
import { adoptedVersion } from "./achievement-data.js";
import type { SpmQuarterSave } from "./quarter-types.js";

const invalid = (code: string, id: string, en: string, details?: unknown) =>
  new AppError(400, code, id, en, details);

/** "92,5" or "92.5" → "92.5"; a percentage from 0 to 100 or a 400 that says so. */
function readMutu(text: string | null, serviceId: string): string | null {
  if (text === null || text === "") return null;
  let value = "";
  try {
    value = parseDecimal(text.replace(",", "."), { decimalSeparator: "." });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
  }
  if (value === "" || compare(value, "0") < 0 || compare(value, "100") > 0) {
    throw invalid(
      "SPM_MUTU_INVALID",
      `Capaian mutu "${text}" tidak sah: tulis persentase 0 sampai 100.`,
      `Quality score "${text}" is not valid: write a percentage from 0 to 100.`,
      { serviceId },
    );
  }
  return value;
}

/**
 * Saves what the Dinas wrote for a quarter (steps, problems, solutions, action plan, mutu) for several
 * services in one transaction with one audit record per service changed; a stale revision refuses all.
 */
export async function saveQuarterEntries(
  db: Database,
  region: { id: string; name: string; path: string },
  input: SpmQuarterSave,
  actor: Actor,
) {
  const version = await adoptedVersion(db, region.path, input.year);
  if (!version) {
    throw new AppError(
      404,
      "SPM_NOT_ADOPTED",
      `${region.name} belum menetapkan versi SPM untuk tahun ${input.year}.`,
      `${region.name} has not adopted an SPM version for ${input.year}.`,
    );
  }
  const ids = input.entries.map((e) => e.serviceId);
  if (new Set(ids).size !== ids.length) {
    throw invalid("SPM_SERVICE_TWICE", "Satu jenis pelayanan diisi dua kali.", "A service was given twice.");
  }
  const known = await db
    .select({ id: spmServices.id })
    .from(spmServices)
    .where(and(eq(spmServices.versionId, version.id), inArray(spmServices.id, ids)));
  const inVersion = new Set(known.map((k) => k.id));
  const stranger = ids.find((id) => !inVersion.has(id));
  if (stranger) {
    throw invalid(
      "SPM_SERVICE_NOT_IN_VERSION",
      `Jenis pelayanan itu bukan bagian dari ${version.regulation} yang berlaku tahun ${input.year}.`,
      `That service is not part of ${version.regulation}, which applies in ${input.year}.`,
      { serviceId: stranger },
    );
  }
  const rows = input.entries.map((e) => ({ ...e, mutuPercent: readMutu(e.mutuPercent, e.serviceId) }));

  return db.transaction(async (tx) => {
    const key = and(
      eq(spmQuarterEntries.orgUnitId, region.id),
      eq(spmQuarterEntries.year, input.year),
      eq(spmQuarterEntries.quarter, input.quarter),
      inArray(spmQuarterEntries.serviceId, ids),
    );
    const before = await tx.select().from(spmQuarterEntries).where(key).for("update");
    const old = new Map(before.map((b) => [b.serviceId, b]));
    const stale = rows.find((r) => (old.get(r.serviceId)?.revision ?? null) !== r.revision);
    if (stale) {
      throw new AppError(
        409,
        "EDIT_CONFLICT",
        "Isian ini sudah diubah orang lain sejak Anda membukanya. Muat ulang lalu ulangi.",
        "Someone else changed this since you opened it. Reload and try again.",
        { serviceId: stale.serviceId, currentRevision: old.get(stale.serviceId)?.revision ?? null },
      );
    }
    const revisions: Record<string, number> = {};
    const audits = [];
    for (const r of rows) {
      const prior = old.get(r.serviceId);
      const values = {
        steps: r.steps,
        masalah: r.masalah,
        solusi: r.solusi,
        rencanaAksi: r.rencanaAksi,
        mutuPercent: r.mutuPercent,
      };
      const unchanged =
        prior &&
        JSON.stringify(prior.steps) === JSON.stringify(values.steps) &&
        prior.masalah === values.masalah &&
        prior.solusi === values.solusi &&
        prior.rencanaAksi === values.rencanaAksi &&
        (prior.mutuPercent === null ? null : canonical(prior.mutuPercent)) === values.mutuPercent;
      if (unchanged) {
        revisions[r.serviceId] = prior.revision;
        continue;
      }
      const revision = (prior?.revision ?? 0) + 1;
      revisions[r.serviceId] = revision;
      if (prior) {
        await tx
          .update(spmQuarterEntries)
          .set({ ...values, revision, updatedBy: actor.userId, updatedAt: new Date() })
          .where(and(key, eq(spmQuarterEntries.serviceId, r.serviceId)));
      } else {
        await tx.insert(spmQuarterEntries).values({
          orgUnitId: region.id,
          year: input.year,
          quarter: input.quarter,
          serviceId: r.serviceId,
          ...values,
          updatedBy: actor.userId,
        });
      }
      audits.push({
        action: "spm.quarter_entry_set",
        entityType: "spm_quarter_entry",
        entityId: `${region.id}/${input.year}Q${input.quarter}/${r.serviceId}`,
        orgUnitId: region.id,
        oldValue: prior
          ? {
              steps: prior.steps,
              masalah: prior.masalah,
              solusi: prior.solusi,
              rencanaAksi: prior.rencanaAksi,
              mutuPercent: prior.mutuPercent,
            }
          : null,
        newValue: values,
      });
    }
    if (audits.length > 0) await recordAudit(tx, actor, ...audits);
    return { saved: audits.length, revisions };
  });
}
