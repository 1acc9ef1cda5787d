import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "../db/client.js";
import {
  dataElements,
  dataSetReports,
  dataSets,
  dataValues,
  orgUnits,
  planNodeBudgetQuarters,
  planNodes,
  plans,
  spmAdoptions,
  spmAdoptionTargets,
  spmBudgetLinks,
  spmQuarterEntries,
  spmServices,
  spmVersions,
  targetPopulations,
} from "../db/schema/index.js";
import type { SpmStepEntry } from "../db/schema/spm.js";
import { apportion, hospitalYearly, kotaPopulations, privateYearly, reach, seeded } from "./spm-data.js";

/**
 * Demo for the quarterly e-SPM report: Kota Depok in 2020 under Permenkes 4/2019. Every facility's monthly
 * SPM report for January–December 2020, approved; the 2020 target populations; a Renja 2020 (contoh) with
 * one sub kegiatan per service, its pagu and quarterly realisasi; and the Dinas's notes for TW I–IV.
 * Illustrative figures only, from a seeded generator, so every install shows the same report.
 */
const SOURCE = "Demo (ilustrasi, bukan data resmi)";
const YEAR = 2020;
const MONTHS = Array.from({ length: 12 }, (_, i) => `${YEAR}${String(i + 1).padStart(2, "0")}`);
/** The share of the year's services given in each month: slow in the first months, as 2020 was. */
const MONTH_WEIGHT = [0.9, 0.9, 0.6, 0.5, 0.6, 0.8, 1, 1.1, 1.1, 1.2, 1.2, 1.1];
/** Share of the pagu spent in each quarter. */
const SPENT = [0.12, 0.2, 0.26, 0.34];

export async function insertDemoSpm2020(tx: Tx, depokId: string) {
  const random = seeded(4_2019);
  const units = await tx
    .select({ id: orgUnits.id, type: orgUnits.type })
    .from(orgUnits)
    .where(eq(orgUnits.districtId, depokId))
    .orderBy(orgUnits.path);
  const puskesmas = units.filter((u) => u.type === "puskesmas");
  const reporting = units.filter((u) => !["kecamatan", "kelurahan"].includes(u.type));

  const weights = puskesmas.map(() => 0.6 + random());
  const populationOf = new Map<string, Record<string, number>>(puskesmas.map((p) => [p.id, {}]));
  await tx.insert(targetPopulations).values(
    Object.entries(kotaPopulations).flatMap(([category, total]) =>
      apportion(Math.round(total * 1.02), weights).map((value, i) => {
        const unit = puskesmas[i] as (typeof puskesmas)[number];
        (populationOf.get(unit.id) as Record<string, number>)[category] = value;
        return {
          districtId: depokId,
          orgUnitId: unit.id,
          year: YEAR,
          category,
          value: String(value),
          source: SOURCE,
        };
      }),
    ),
  );

  const elements = await tx
    .select({ id: dataElements.id, code: dataElements.code })
    .from(dataElements)
    .where(inArray(dataElements.code, Object.keys(reach)));
  const idOf = new Map(elements.map((e) => [e.code, e.id]));
  const values: Array<typeof dataValues.$inferInsert> = [];
  for (const unit of reporting) {
    for (const [code, total] of Object.entries(yearly(unit, populationOf.get(unit.id), random))) {
      const monthly = apportion(
        total,
        MONTH_WEIGHT.map((w) => w * (0.85 + random() * 0.3)),
      );
      MONTHS.forEach((period, m) => {
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
  const [dataSet] = await tx
    .select({ id: dataSets.id })
    .from(dataSets)
    .where(eq(dataSets.code, "SPM-KESEHATAN"));
  if (!dataSet) throw new Error("demo SPM data set missing");
  await tx.insert(dataSetReports).values(
    reporting.flatMap((unit) =>
      MONTHS.map((period) => ({
        dataSetId: dataSet.id,
        orgUnitId: unit.id,
        districtId: depokId,
        period,
        status: "approved" as const,
        submittedAt: new Date(`${period.slice(0, 4)}-${period.slice(4)}-05T08:00:00+07:00`),
        onTime: true,
      })),
    ),
  );
  const services = await adoptPermenkes(tx, depokId);
  await insertRenja(tx, depokId, services);
  await insertQuarterEntries(tx, depokId, services, random);
}

/** A facility's numerators over 2020: a puskesmas by its population, a hospital or clinic by its size. */
function yearly(
  unit: { type: string },
  population: Record<string, number> | undefined,
  random: () => number,
) {
  const scale = (n: number) => Math.round(n * (0.8 + random() * 0.2));
  if (unit.type === "puskesmas" && population) {
    const reachOf = 0.8 + random() * 0.2;
    return Object.fromEntries(
      Object.entries(reach).map(([code, [category, coverage]]) => [
        code,
        scale((population[category] ?? 0) * coverage * reachOf),
      ]),
    );
  }
  const figures = unit.type === "rsud" || unit.type === "rs_swasta" ? hospitalYearly : privateYearly;
  return Object.fromEntries(Object.entries(figures).map(([code, n]) => [code, scale(n)]));
}

/** Depok follows Permenkes 4/2019 in 2020 (the year replaces its Perwal adoption), every target 100 %. */
async function adoptPermenkes(tx: Tx, depokId: string) {
  const [version] = await tx
    .select({ id: spmVersions.id })
    .from(spmVersions)
    .where(eq(spmVersions.code, "PERMENKES-4-2019"));
  if (!version) throw new Error("Permenkes 4/2019 missing from the catalogue");
  await tx
    .update(spmAdoptions)
    .set({ versionId: version.id })
    .where(and(eq(spmAdoptions.orgUnitId, depokId), eq(spmAdoptions.year, YEAR)));
  const services = await tx
    .select({ id: spmServices.id, number: spmServices.number, name: spmServices.name })
    .from(spmServices)
    .where(eq(spmServices.versionId, version.id))
    .orderBy(spmServices.number);
  await tx
    .insert(spmAdoptionTargets)
    .values(services.map((s) => ({ orgUnitId: depokId, year: YEAR, serviceId: s.id, target: "100" })));
  return services;
}

type Service = { id: string; number: number; name: string };

/** A Renja 2020 (contoh): one program, one kegiatan, a sub kegiatan per service with its pagu and spending. */
async function insertRenja(tx: Tx, depokId: string, services: Service[]) {
  const [plan] = await tx
    .insert(plans)
    .values({
      orgUnitId: depokId,
      year: YEAR,
      kind: "renja",
      title: "Renja Dinas Kesehatan Kota Depok 2020 (contoh)",
    })
    .returning({ id: plans.id });
  if (!plan) throw new Error("demo plan insert returned nothing");
  const node = async (
    parentId: string | null,
    level: "program" | "kegiatan" | "sub_kegiatan",
    name: string,
    position: number,
    budget: number,
  ) => {
    const [row] = await tx
      .insert(planNodes)
      .values({ planId: plan.id, districtId: depokId, parentId, level, name, position, budget })
      .returning({ id: planNodes.id });
    if (!row) throw new Error("demo plan node insert returned nothing");
    return row.id;
  };
  const budgets = services.map((s) => 150_000_000 + ((s.number * 7919) % 13) * 50_000_000);
  const total = budgets.reduce((a, b) => a + b, 0);
  const program = await node(
    null,
    "program",
    "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat (contoh)",
    0,
    total,
  );
  const kegiatan = await node(
    program,
    "kegiatan",
    "Penyediaan Layanan Kesehatan untuk UKM dan UKP (contoh)",
    1,
    total,
  );
  for (const [i, s] of services.entries()) {
    const pagu = budgets[i] as number;
    const sub = await node(kegiatan, "sub_kegiatan", `Pengelolaan ${s.name} (contoh)`, i + 2, pagu);
    await tx
      .insert(planNodeBudgetQuarters)
      .values(
        SPENT.map((share, q) => ({ planNodeId: sub, quarter: q + 1, amount: Math.round(pagu * share) })),
      );
    await tx
      .insert(spmBudgetLinks)
      .values({ orgUnitId: depokId, year: YEAR, serviceId: s.id, planNodeId: sub });
  }
}

const STATUS_BY_QUARTER: SpmStepEntry["status"][][] = [
  ["selesai", "proses", "belum", "proses"],
  ["selesai", "selesai", "proses", "proses"],
  ["selesai", "selesai", "selesai", "proses"],
  ["selesai", "selesai", "selesai", "selesai"],
];

async function insertQuarterEntries(tx: Tx, depokId: string, services: Service[], random: () => number) {
  await tx.insert(spmQuarterEntries).values(
    [1, 2, 3, 4].flatMap((quarter) =>
      services.map((s) => ({
        orgUnitId: depokId,
        year: YEAR,
        quarter,
        serviceId: s.id,
        steps: (STATUS_BY_QUARTER[quarter - 1] as SpmStepEntry["status"][]).map((status) => ({
          status,
          note: status === "proses" ? "Sedang berjalan (contoh)" : null,
        })),
        masalah: quarter <= 2 ? "Kunjungan ke fasyankes turun selama pembatasan sosial (contoh)" : null,
        solusi: quarter <= 2 ? "Kunjungan rumah dan layanan di posyandu terjadwal (contoh)" : null,
        rencanaAksi: `Rencana aksi TW ${["I", "II", "III", "IV"][quarter - 1]}: sweeping sasaran yang belum terlayani (contoh)`,
        mutuPercent: String(60 + quarter * 5 + Math.round(random() * 10)),
      })),
    ),
  );
}
