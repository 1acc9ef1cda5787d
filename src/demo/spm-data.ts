import { eq } from "drizzle-orm";
import type { Tx } from "../db/client.js";
import {
  dataElements,
  dataSetElements,
  dataSetOrgUnits,
  dataSetReports,
  dataSets,
  dataValues,
  orgUnits,
  spmReports,
  targetPopulations,
} from "../db/schema/index.js";
import { spmMonths } from "../domain/index.js";

/**
 * Demo SPM data for Kota Depok 2019: the monthly SPM report of every puskesmas, private facility and
 * hospital (July 2018 – December 2019, so the 2018/2019 tahun ajaran is whole), approved, and target
 * populations entered per puskesmas. Illustrative figures only, made by a seeded generator so every
 * install shows the same report; one puskesmas's December is still waiting for approval.
 */
const SOURCE = "Demo (ilustrasi, bukan data resmi)";

/** Numerator data elements of the 12 services, in form order; BUMIL_K4 is shared with the LB form. */
const elements: Array<[code: string, name: string, section: string]> = [
  ["BUMIL_K4", "Ibu hamil mendapat pelayanan K4 sesuai standar", "Kesehatan Ibu dan Anak"],
  ["BULIN_FASYANKES", "Ibu bersalin ditolong sesuai standar di fasyankes", "Kesehatan Ibu dan Anak"],
  ["BBL_KN_LENGKAP", "Bayi baru lahir mendapat pelayanan neonatal esensial", "Kesehatan Ibu dan Anak"],
  ["BALITA_DILAYANI_STANDAR", "Balita 11–59 bulan dilayani sesuai standar", "Kesehatan Ibu dan Anak"],
  ["SISWA_KELAS_1_DISKRINING", "Peserta didik kelas 1 diskrining", "Usia Pendidikan Dasar"],
  ["SISWA_KELAS_7_DISKRINING", "Peserta didik kelas 7 diskrining", "Usia Pendidikan Dasar"],
  ["USIA_15_59_DISKRINING", "Pengunjung usia 15–59 tahun diskrining sesuai standar", "Skrining"],
  ["USIA_60_PLUS_DISKRINING", "Pengunjung usia ≥ 60 tahun diskrining sesuai standar", "Skrining"],
  ["HT_DILAYANI_STANDAR", "Penderita hipertensi dilayani sesuai standar", "Penyakit Tidak Menular"],
  ["DM_DILAYANI_STANDAR", "Penyandang DM dilayani sesuai standar", "Penyakit Tidak Menular"],
  ["ODGJ_BERAT_DILAYANI_STANDAR", "ODGJ berat dilayani sesuai standar", "Penyakit Menular dan Jiwa"],
  ["TB_DILAYANI_STANDAR", "Orang dengan TB dilayani sesuai standar", "Penyakit Menular dan Jiwa"],
  ["HIV_DIPERIKSA_STANDAR", "Orang berisiko HIV diperiksa sesuai standar", "Penyakit Menular dan Jiwa"],
];

/** Kota Depok 2019 populations (illustrative), split over the puskesmas below. */
export const kotaPopulations: Record<string, number> = {
  BUMIL: 41500,
  BULIN: 39600,
  BBL: 37700,
  BALITA: 150200,
  SISWA_KELAS_1: 38000,
  SISWA_KELAS_7: 36500,
  PENDUDUK_15_59: 1512000,
  LANSIA: 168000,
  PENDUDUK_15_PLUS: 1680000,
  ODGJ_BERAT: 2100,
  TB: 4200,
  BERISIKO_HIV_BUMIL: 41500,
  BERISIKO_HIV_TB: 4200,
  BERISIKO_HIV_IMS: 900,
  BERISIKO_HIV_WARIA: 150,
  BERISIKO_HIV_NAPZA: 600,
  BERISIKO_HIV_WBP: 1200,
};

/** Per element: the population it serves and the share a puskesmas typically reaches in a year. */
export const reach: Record<string, [population: string, coverage: number]> = {
  BUMIL_K4: ["BUMIL", 0.9],
  BULIN_FASYANKES: ["BULIN", 0.85],
  BBL_KN_LENGKAP: ["BBL", 0.86],
  BALITA_DILAYANI_STANDAR: ["BALITA", 0.82],
  SISWA_KELAS_1_DISKRINING: ["SISWA_KELAS_1", 0.97],
  SISWA_KELAS_7_DISKRINING: ["SISWA_KELAS_7", 0.94],
  USIA_15_59_DISKRINING: ["PENDUDUK_15_59", 0.38],
  USIA_60_PLUS_DISKRINING: ["LANSIA", 0.66],
  HT_DILAYANI_STANDAR: ["PENDUDUK_15_PLUS", 0.258 * 0.42],
  DM_DILAYANI_STANDAR: ["PENDUDUK_15_PLUS", 0.021 * 0.71],
  ODGJ_BERAT_DILAYANI_STANDAR: ["ODGJ_BERAT", 0.78],
  TB_DILAYANI_STANDAR: ["TB", 0.68],
  HIV_DIPERIKSA_STANDAR: ["BUMIL", 0.8],
};

/** What a private clinic or midwife, and a hospital, report in a year (they serve mothers and chronic patients). */
export const privateYearly: Record<string, number> = {
  BUMIL_K4: 420,
  BULIN_FASYANKES: 380,
  BBL_KN_LENGKAP: 370,
};
export const hospitalYearly: Record<string, number> = {
  BULIN_FASYANKES: 2600,
  BBL_KN_LENGKAP: 2500,
  HT_DILAYANI_STANDAR: 9000,
  DM_DILAYANI_STANDAR: 2400,
  TB_DILAYANI_STANDAR: 620,
  HIV_DIPERIKSA_STANDAR: 1500,
};

/** A small deterministic generator (LCG), so the demo is the same on every machine. */
export function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** Splits a whole number into `weights.length` whole parts in proportion, adding up exactly. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sumW = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((total * w) / sumW));
  parts[parts.length - 1] = (parts.at(-1) ?? 0) + total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

export async function insertDemoSpmData(tx: Tx, depokId: string) {
  const units = await tx
    .select({ id: orgUnits.id, code: orgUnits.code, type: orgUnits.type })
    .from(orgUnits)
    .where(eq(orgUnits.districtId, depokId))
    .orderBy(orgUnits.path);
  const puskesmas = units.filter((u) => u.type === "puskesmas");
  const reporting = units.filter((u) => !["kecamatan", "kelurahan"].includes(u.type));
  const random = seeded(57_2017);

  const weights = puskesmas.map(() => 0.6 + random());
  const populationOf = new Map<string, Record<string, number>>(puskesmas.map((p) => [p.id, {}]));
  const populationRows = Object.entries(kotaPopulations).flatMap(([category, total]) =>
    apportion(total, weights).map((value, i) => {
      const unit = puskesmas[i] as (typeof puskesmas)[number];
      (populationOf.get(unit.id) as Record<string, number>)[category] = value;
      return {
        districtId: depokId,
        orgUnitId: unit.id,
        year: 2019,
        category,
        value: String(value),
        source: SOURCE,
      };
    }),
  );
  await tx.insert(targetPopulations).values(populationRows);

  const existing = await tx.select({ id: dataElements.id, code: dataElements.code }).from(dataElements);
  const known = new Set(existing.map((e) => e.code));
  const created = await tx
    .insert(dataElements)
    .values(elements.filter(([code]) => !known.has(code)).map(([code, name]) => ({ code, name })))
    .returning({ id: dataElements.id, code: dataElements.code });
  const idOf = new Map([...existing, ...created].map((e) => [e.code, e.id]));
  const [dataSet] = await tx
    .insert(dataSets)
    .values({
      code: "SPM-KESEHATAN",
      name: "Laporan Bulanan SPM Kesehatan",
      periodType: "month",
      ownerOrgUnitId: depokId,
    })
    .returning({ id: dataSets.id });
  if (!dataSet) throw new Error("SPM data set insert returned nothing");
  await tx.insert(dataSetElements).values(
    elements.map(([code, , section], position) => ({
      dataSetId: dataSet.id,
      dataElementId: idOf.get(code) as string,
      position,
      section,
    })),
  );
  await tx.insert(dataSetOrgUnits).values(reporting.map((u) => ({ dataSetId: dataSet.id, orgUnitId: u.id })));

  const months = [...spmMonths(2019, "school_year"), ...spmMonths(2019, "year").slice(6)].map((p) => p.code);
  const values: Array<typeof dataValues.$inferInsert> = [];
  for (const unit of reporting) {
    const yearly = yearlyFigures(unit, populationOf.get(unit.id), random);
    for (const [code, total] of Object.entries(yearly)) {
      const monthly = apportion(
        total,
        months.map(() => 0.7 + random() * 0.6),
      );
      months.forEach((period, m) => {
        values.push({
          districtId: depokId,
          orgUnitId: unit.id,
          period,
          dataElementId: idOf.get(code) as string,
          value: String(monthly[m]),
        });
      });
    }
  }
  for (let i = 0; i < values.length; i += 1000) await tx.insert(dataValues).values(values.slice(i, i + 1000));

  const waiting = puskesmas.at(-1)?.id;
  await tx.insert(dataSetReports).values(
    reporting.flatMap((unit) =>
      months.map((period) => ({
        dataSetId: dataSet.id,
        orgUnitId: unit.id,
        districtId: depokId,
        period,
        status: unit.id === waiting && period === "201912" ? ("submitted" as const) : ("approved" as const),
        submittedAt: new Date(`${period.slice(0, 4)}-${period.slice(4)}-05T08:00:00+07:00`),
        onTime: true,
      })),
    ),
  );
  await tx.insert(spmReports).values({
    orgUnitId: depokId,
    year: 2019,
    signatoryPosition: "Kepala Dinas Kesehatan Kota Depok",
    signatoryName: "Nama Kepala Dinas (contoh)",
    signatoryNip: "19700101 199503 1 001",
    place: "Depok",
  });
}

/** A facility's numerators over the 18 demo months (a year and a half of service). */
function yearlyFigures(
  unit: { type: string },
  population: Record<string, number> | undefined,
  random: () => number,
): Record<string, number> {
  const scale = (n: number) => Math.round(n * 1.5 * (0.85 + random() * 0.25));
  if (unit.type === "puskesmas" && population) {
    const reachOf = 0.82 + random() * 0.2;
    return Object.fromEntries(
      Object.entries(reach).map(([code, [category, coverage]]) => [
        code,
        scale((population[category] ?? 0) * coverage * reachOf),
      ]),
    );
  }
  const yearly = unit.type === "rsud" || unit.type === "rs_swasta" ? hospitalYearly : privateYearly;
  return Object.fromEntries(Object.entries(yearly).map(([code, n]) => [code, scale(n)]));
}
