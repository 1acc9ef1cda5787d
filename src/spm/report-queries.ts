import { and, eq } from "drizzle-orm";
import type { Database, Reader } from "../db/client.js";
import { spmReportNotes, spmReports } from "../db/schema/index.js";
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
export async function buildSpmReport(
  db: Reader & Pick<Database, "execute">,
  unit: ReportUnit,
  year: number,
): Promise<SpmReport> {
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
