import { and, eq, inArray, sql } from "drizzle-orm";
import { type Actor, recordAudit } from "../audit/record.js";
import type { Database } from "../db/client.js";
import {
  spmAdoptions,
  spmAdoptionTargets,
  spmServices,
  spmTargets,
  spmVersions,
} from "../db/schema/index.js";
import {
  FIRST_PLAN_YEAR,
  isPlannableYear,
  spmTargetPercent,
  YEARS_AHEAD,
  yearsBetween,
} from "../domain/plan-years.js";
import { AppError, notFound } from "../lib/errors.js";
import { reportEntriesByYear } from "./adoption-queries.js";
import type { Adopt } from "./adoption-schemas.js";

/** At most this many years in one adoption: a regulation rarely outlives a Renstra. */
const MAX_YEARS = 10;

const invalid = (code: string, id: string, en: string, details?: unknown) =>
  new AppError(400, code, id, en, details);

function checkYears({ fromYear, toYear }: Adopt) {
  const last = new Date().getFullYear() + YEARS_AHEAD;
  if (!isPlannableYear(fromYear) || !isPlannableYear(toYear)) {
    throw invalid(
      "SPM_YEAR_OUT_OF_RANGE",
      `Tahun adopsi harus antara ${FIRST_PLAN_YEAR} dan ${last}.`,
      `Adoption years must lie between ${FIRST_PLAN_YEAR} and ${last}.`,
    );
  }
  if (toYear < fromYear || toYear - fromYear + 1 > MAX_YEARS) {
    throw invalid(
      "SPM_YEAR_RANGE_INVALID",
      `Rentang tahun tidak sah: dari ${fromYear} sampai ${toYear} (paling banyak ${MAX_YEARS} tahun).`,
      `Invalid range of years: ${fromYear} to ${toYear} (at most ${MAX_YEARS} years).`,
    );
  }
}

/** The typed targets by service, each a percentage above 0 and at most 100, all of the version's services. */
function readTargets(input: Adopt, serviceIds: Set<string>) {
  const targets = new Map<string, string>();
  for (const { serviceId, target } of input.targets) {
    if (!serviceIds.has(serviceId)) {
      throw invalid(
        "SPM_SERVICE_NOT_IN_VERSION",
        "Target diberikan untuk jenis pelayanan yang bukan bagian dari versi SPM ini.",
        "A target was given for a service that is not part of this SPM version.",
        { serviceId },
      );
    }
    const value = spmTargetPercent(target);
    if (value === null) {
      throw invalid(
        "SPM_TARGET_INVALID",
        `Target "${target}" tidak sah: tulis persentase di atas 0 dan paling tinggi 100.`,
        `Target "${target}" is not valid: write a percentage above 0 and at most 100.`,
        { serviceId },
      );
    }
    targets.set(serviceId, value);
  }
  return targets;
}

/**
 * A kab/kota adopts an SPM version for a range of years, in one transaction with one audit record per
 * year. Years the regulation sets no target for get the region's own (100 % unless typed otherwise).
 * Replacing another version in a year whose annual report already has entries needs `replace`: the
 * entries stay stored (they belong to the old version's services) and the audit keeps the old version.
 */
export async function adoptSpm(
  db: Database,
  region: { id: string; name: string },
  input: Adopt,
  actor: Actor,
) {
  checkYears(input);
  const [version] = await db.select().from(spmVersions).where(eq(spmVersions.id, input.versionId));
  if (!version) throw notFound("Versi SPM", "SPM version");
  const services = await db
    .select({ id: spmServices.id, number: spmServices.number })
    .from(spmServices)
    .where(eq(spmServices.versionId, version.id));
  const typed = readTargets(input, new Set(services.map((s) => s.id)));
  const years = yearsBetween(input.fromYear, input.toYear);

  return db.transaction(async (tx) => {
    const before = await tx
      .select()
      .from(spmAdoptions)
      .where(and(eq(spmAdoptions.orgUnitId, region.id), inArray(spmAdoptions.year, years)))
      .for("update");
    const previous = new Map(before.map((a) => [a.year, a.versionId]));
    const changing = years.filter((y) => previous.has(y) && previous.get(y) !== version.id);
    const entries = await reportEntriesByYear(tx, region.id, changing);
    const withReport = changing.filter((y) => (entries.get(y) ?? 0) > 0);
    if (withReport.length > 0 && !input.replace) {
      throw new AppError(
        409,
        "SPM_ADOPTION_HAS_REPORT",
        `Laporan SPM ${region.name} tahun ${withReport.join(", ")} sudah berisi catatan untuk versi lain. Catatan itu tetap disimpan tetapi tidak tampil dengan versi baru; konfirmasi untuk mengganti.`,
        `The SPM report of ${region.name} for ${withReport.join(", ")} already holds entries under another version. They stay stored but will not show under the new version; confirm to replace.`,
        { years: withReport },
      );
    }
    const covered = await tx
      .select({ serviceId: spmTargets.serviceId, year: spmTargets.year })
      .from(spmTargets)
      .where(
        and(
          inArray(
            spmTargets.serviceId,
            services.map((s) => s.id),
          ),
          inArray(spmTargets.year, years),
        ),
      );
    const byRegulation = new Set(covered.map((c) => `${c.serviceId}:${c.year}`));
    const oldTargets = await tx
      .select()
      .from(spmAdoptionTargets)
      .where(and(eq(spmAdoptionTargets.orgUnitId, region.id), inArray(spmAdoptionTargets.year, years)));

    await tx
      .insert(spmAdoptions)
      .values(years.map((year) => ({ orgUnitId: region.id, year, versionId: version.id })))
      .onConflictDoUpdate({
        target: [spmAdoptions.orgUnitId, spmAdoptions.year],
        set: { versionId: version.id },
      });
    const own = years.flatMap((year) =>
      services
        .filter((s) => !byRegulation.has(`${s.id}:${year}`))
        .map((s) => ({ orgUnitId: region.id, year, serviceId: s.id, target: typed.get(s.id) ?? "100" })),
    );
    if (own.length > 0) {
      await tx
        .insert(spmAdoptionTargets)
        .values(own)
        .onConflictDoUpdate({
          target: [spmAdoptionTargets.orgUnitId, spmAdoptionTargets.year, spmAdoptionTargets.serviceId],
          set: { target: sql`excluded.target` },
        });
    }
    const number = new Map(services.map((s) => [s.id, s.number]));
    const targetsOf = (rows: Array<{ year: number; serviceId: string; target: string }>, year: number) =>
      Object.fromEntries(
        rows.filter((r) => r.year === year).map((r) => [number.get(r.serviceId) ?? r.serviceId, r.target]),
      );
    await recordAudit(
      tx,
      actor,
      ...years.map((year) => ({
        action: previous.has(year) ? "spm.adoption_change" : "spm.adopt",
        entityType: "spm_adoption",
        entityId: `${region.id}:${year}`,
        orgUnitId: region.id,
        oldValue: previous.has(year)
          ? {
              versionId: previous.get(year),
              regionTargets: targetsOf(oldTargets, year),
              reportEntries: entries.get(year) ?? 0,
            }
          : null,
        newValue: { versionId: version.id, versionCode: version.code, regionTargets: targetsOf(own, year) },
        reason: input.reason ?? null,
      })),
    );
  });
}
