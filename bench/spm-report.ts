import { eq, sql } from "drizzle-orm";
import type { Database, DatabaseHandle } from "../src/db/client.js";
import {
  dataSetOrgUnits,
  dataSetReports,
  dataSets,
  dataValues,
  orgUnits,
  spmAdoptions,
  spmVersions,
  targetPopulations,
} from "../src/db/schema/index.js";
import { reach } from "../src/demo/spm-data.js";
import { spmDepok2017 } from "../src/demo/spm-depok-2017.js";
import { formatNumberId, spmMonths } from "../src/domain/index.js";
import { spmReportPdf, spmReportXlsx } from "../src/reports/spm/index.js";
import { computeSpmAchievement } from "../src/spm/achievement.js";
import type { POPULATION_CATEGORIES } from "../src/spm/populations.js";
import { buildSpmReport } from "../src/spm/report-queries.js";

/**
 * The annual SPM report of a synthetic kota: 10 kecamatan, 35 puskesmas and 5 private clinics under
 * some of them, every puskesmas reporting the 13 numerator elements of the demo's SPM-KESEHATAN data
 * set for 12 months (approved), target populations per puskesmas, and a satisfaction survey per
 * puskesmas. The achievement is compared with one hand-written SQL statement doing the least database
 * work any implementation needs: the approved sums per facility, element and month.
 */
const YEAR = 2020;
const KECAMATAN = 10;
const PUSKESMAS = 35;
const CLINICS = 5;
/** What a private clinic reports (as in the demo: mothers and newborns). */
const CLINIC_ELEMENTS = ["BUMIL_K4", "BULIN_FASYANKES", "BBL_KN_LENGKAP"];
const RESPONDENTS = 50;
const RUNS = 20;

/** A puskesmas's population per category, about a 35th of a kota of 1,7 million. */
export const populationPerPuskesmas: Record<keyof typeof POPULATION_CATEGORIES, number> = {
  BUMIL: 1200,
  BULIN: 1140,
  BBL: 1080,
  BALITA: 4300,
  SISWA_KELAS_1: 1090,
  SISWA_KELAS_7: 1040,
  PENDUDUK_15_59: 43000,
  LANSIA: 4800,
  PENDUDUK_15_PLUS: 48000,
  ODGJ_BERAT: 60,
  TB: 120,
  BERISIKO_HIV_BUMIL: 1200,
  BERISIKO_HIV_TB: 120,
  BERISIKO_HIV_IMS: 26,
  BERISIKO_HIV_WARIA: 4,
  BERISIKO_HIV_NAPZA: 17,
  BERISIKO_HIV_WBP: 34,
};

type Rows = { rows: Array<Record<string, unknown>> };
const rowsOf = async (db: Database, query: ReturnType<typeof sql>) =>
  ((await db.execute(query)) as unknown as Rows).rows;

/** A small deterministic generator (LCG), so every run measures the same data. */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 1000) await insert(rows.slice(i, i + 1000));
}

interface BenchKota {
  unit: { id: string; code: string; name: string; officeName: string; type: string; path: string };
  months: string[];
  puskesmasValues: number;
  clinicValues: number;
}

/** Builds the synthetic kota "99.01" under Provinsi Jawa Barat, next to Kota Depok. */
export async function buildKota(db: Database): Promise<BenchKota> {
  const [province] = await db.select().from(orgUnits).where(eq(orgUnits.code, "32"));
  const [version] = await db.select().from(spmVersions).where(eq(spmVersions.code, spmDepok2017.code));
  const [dataSet] = await db.select().from(dataSets).where(eq(dataSets.code, "SPM-KESEHATAN"));
  if (!province || !version || !dataSet) throw new Error("the demo is not loaded");
  const elements = await rowsOf(
    db,
    sql`select de.id, de.code from data_set_elements dse join data_elements de on de.id = dse.data_element_id
      where dse.data_set_id = ${dataSet.id} order by dse.position`,
  );
  if (elements.length !== 13) throw new Error(`SPM-KESEHATAN has ${elements.length} data elements, not 13`);

  const path = `${province.path}99.01/`;
  const [kota] = await db
    .insert(orgUnits)
    .values({
      parentId: province.id,
      code: "99.01",
      name: "Kota Bench",
      officeName: "Dinas Kesehatan Kota Bench",
      type: "kabupaten_kota",
      ownerType: "pemerintah",
      level: province.level + 1,
      path,
    })
    .returning();
  if (!kota) throw new Error("kota insert returned nothing");
  const under = async (
    parent: { id: string; path: string; level: number },
    code: string,
    name: string,
    type: "kecamatan" | "puskesmas" | "klinik",
    ownerType: "pemerintah" | "swasta" | null,
  ) => {
    const [row] = await db
      .insert(orgUnits)
      .values({
        parentId: parent.id,
        districtId: kota.id,
        code,
        name,
        type,
        ownerType,
        isBlud: type === "puskesmas",
        level: parent.level + 1,
        path: `${parent.path}${code}/`,
      })
      .returning();
    if (!row) throw new Error(`insert of ${code} returned nothing`);
    return row;
  };
  const puskesmas: Array<{ id: string }> = [];
  const clinics: Array<{ id: string }> = [];
  for (let k = 0; k < KECAMATAN; k++) {
    const code = `99.01.${String(k + 1).padStart(2, "0")}`;
    const kecamatan = await under(kota, code, `Kecamatan Bench ${k + 1}`, "kecamatan", null);
    // 35 over 10 kecamatan: the first five have four puskesmas, the rest three.
    const count = k < PUSKESMAS - 3 * KECAMATAN ? 4 : 3;
    for (let p = 0; p < count; p++) {
      const centre = await under(
        kecamatan,
        `${code}.P${p + 1}`,
        `Puskesmas Bench ${puskesmas.length + 1}`,
        "puskesmas",
        "pemerintah",
      );
      puskesmas.push(centre);
      if (p === 0 && clinics.length < CLINICS && k % 2 === 0) {
        clinics.push(await under(centre, `${code}.S1`, `Klinik Bench ${k + 1}`, "klinik", "swasta"));
      }
    }
  }
  if (puskesmas.length !== PUSKESMAS || clinics.length !== CLINICS) throw new Error("unexpected kota shape");

  await db.insert(spmAdoptions).values({ orgUnitId: kota.id, year: YEAR, versionId: version.id });
  const random = seeded(99_01);
  const population = new Map(
    puskesmas.map((p) => {
      const scale = 0.7 + random() * 0.6;
      const figures = Object.fromEntries(
        Object.entries(populationPerPuskesmas).map(([category, n]) => [category, Math.round(n * scale)]),
      );
      return [p.id, figures];
    }),
  );
  await insertChunked(
    puskesmas.flatMap((p) =>
      Object.entries(population.get(p.id) ?? {}).map(([category, value]) => ({
        districtId: kota.id,
        orgUnitId: p.id,
        year: YEAR,
        category,
        value: String(value),
        source: "Bench",
      })),
    ),
    (chunk) => db.insert(targetPopulations).values(chunk),
  );

  const months = spmMonths(YEAR, "year").map((p) => p.code);
  const reporting = [...puskesmas, ...clinics];
  await db.insert(dataSetOrgUnits).values(reporting.map((u) => ({ dataSetId: dataSet.id, orgUnitId: u.id })));
  const values: Array<typeof dataValues.$inferInsert> = [];
  for (const p of puskesmas) {
    const figures = population.get(p.id) ?? {};
    const reached = 0.8 + random() * 0.25;
    for (const e of elements) {
      const [category, coverage] = reach[e.code as string] ?? ["BUMIL", 0.5];
      const monthly = ((figures[category] ?? 0) * coverage * reached) / 12;
      for (const period of months) {
        const value = Math.round(monthly * (0.8 + random() * 0.4));
        values.push({
          districtId: kota.id,
          orgUnitId: p.id,
          period,
          dataElementId: e.id as string,
          value: String(value),
        });
      }
    }
  }
  const puskesmasValues = values.length;
  for (const c of clinics) {
    for (const e of elements.filter((x) => CLINIC_ELEMENTS.includes(x.code as string))) {
      for (const period of months) {
        values.push({
          districtId: kota.id,
          orgUnitId: c.id,
          period,
          dataElementId: e.id as string,
          value: String(Math.round(30 + random() * 10)),
        });
      }
    }
  }
  // Multi-row INSERTs of 1 000 rows: the harness has no COPY client, and this is how the app loads too.
  await insertChunked(values, (chunk) => db.insert(dataValues).values(chunk));
  await insertChunked(
    reporting.flatMap((u) =>
      months.map((period) => ({
        dataSetId: dataSet.id,
        orgUnitId: u.id,
        districtId: kota.id,
        period,
        status: "approved" as const,
        onTime: true,
      })),
    ),
    (chunk) => db.insert(dataSetReports).values(chunk),
  );

  // One survey of service 1 per puskesmas, so the report's IKM columns and its lampiran are filled.
  await db.execute(sql`insert into skm_surveys (district_id, org_unit_id, service_id, period)
    select ${kota.id}, ou.id, s.id, ${String(YEAR)} from org_units ou, spm_services s
    where ou.path like ${`${path}%`} and ou.type = 'puskesmas' and s.version_id = ${version.id} and s.number = 1`);
  await db.execute(sql`insert into skm_responses (survey_id, district_id, respondent_no, scores)
    select sv.id, sv.district_id, g, array(select 2 + (abs(hashtext(sv.id::text || g || e)) % 3) from generate_series(1, 9) e)
    from skm_surveys sv join org_units ou on ou.id = sv.org_unit_id, generate_series(1, ${RESPONDENTS}) g
    where ou.path like ${`${path}%`}`);

  return {
    unit: {
      id: kota.id,
      code: kota.code,
      name: kota.name,
      officeName: kota.officeName ?? kota.name,
      type: kota.type,
      path,
    },
    months,
    puskesmasValues,
    clinicValues: values.length - puskesmasValues,
  };
}

const list = (items: readonly string[]) =>
  sql.join(
    items.map((item) => sql`${item}`),
    sql`, `,
  );

/**
 * The least database work: approved sums per facility, numerator element and month, one statement.
 * The approved (facility, month, element) triples are collected first, then each is looked up by the
 * unique key of data_values: a plan that stays the same with or without planner statistics.
 */
export function rawApprovedSums(db: Database, kota: BenchKota, codes: string[]) {
  return rowsOf(
    db,
    sql`with approved as materialized (
        select distinct r.org_unit_id, r.period, dse.data_element_id
        from data_set_reports r
        join data_set_elements dse on dse.data_set_id = r.data_set_id
        join org_units ou on ou.id = r.org_unit_id
        where ou.path like ${`${kota.unit.path}%`} and r.status = 'approved' and r.period in (${list(kota.months)}))
      select a.org_unit_id, de.code, a.period, sum(dv.value)::text as total
      from approved a
      join data_values dv on dv.org_unit_id = a.org_unit_id and dv.period = a.period
        and dv.data_element_id = a.data_element_id
      join data_elements de on de.id = dv.data_element_id
      where de.code in (${list(codes)})
      group by a.org_unit_id, de.code, a.period`,
  );
}

/** The same result written the obvious way, with `exists (…)`, as achievement-data.ts first had it. */
function existsApprovedSums(db: Database, kota: BenchKota, codes: string[]) {
  return rowsOf(
    db,
    sql`select dv.org_unit_id, de.code, dv.period, sum(dv.value)::text as total
      from data_values dv
      join data_elements de on de.id = dv.data_element_id
      join org_units ou on ou.id = dv.org_unit_id
      where ou.path like ${`${kota.unit.path}%`} and dv.period in (${list(kota.months)})
        and de.code in (${list(codes)})
        and exists (select 1 from data_set_reports r join data_set_elements dse on dse.data_set_id = r.data_set_id
          where r.org_unit_id = dv.org_unit_id and r.period = dv.period and r.status = 'approved'
            and dse.data_element_id = dv.data_element_id)
      group by dv.org_unit_id, de.code, dv.period`,
  );
}

interface Timing {
  p50: number;
  p95: number;
  runs: number;
}

/** Warm-up, then `runs` timed runs: median and 95th percentile. */
async function timed(runs: number, fn: () => Promise<unknown>): Promise<Timing> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] ?? 0;
  return { p50: at(0.5), p95: at(0.95), runs };
}

/** One run, no warm-up. */
async function once(fn: () => Promise<unknown>): Promise<Timing> {
  const start = performance.now();
  await fn();
  const time = performance.now() - start;
  return { p50: time, p95: time, runs: 1 };
}

const ms = (t: Timing) => `p50 ${t.p50.toFixed(1)} ms / p95 ${t.p95.toFixed(1)} ms`;
const label = (kind: string) => (kind === "pglite" ? "PGlite" : "PostgreSQL");

export async function benchSpmReport(handle: DatabaseHandle): Promise<string[]> {
  const db = handle.db;
  const kota = await buildKota(db);
  const codes = [
    ...new Set(
      spmDepok2017.services.flatMap((s) =>
        [...s.numerator.matchAll(/#\{([A-Z0-9_]+)/g)].map((m) => m[1] as string),
      ),
    ),
  ];

  // Correctness, once: the kota's numerator of service 1 is every approved K4 of the year.
  const achievement = await computeSpmAchievement(db, kota.unit, YEAR);
  const raw = await rawApprovedSums(db, kota, codes);
  const rawK4 = raw.filter((r) => r.code === "BUMIL_K4").reduce((n, r) => n + Number(r.total), 0);
  const service1 = achievement.services.find((s) => s.number === 1);
  if (Number(service1?.numerator) !== rawK4) {
    throw new Error(`service 1 numerator ${service1?.numerator} ≠ raw SQL total ${rawK4}`);
  }
  if (achievement.puskesmas.length !== PUSKESMAS || achievement.children.length !== KECAMATAN) {
    throw new Error("the achievement does not list every puskesmas and kecamatan");
  }

  const achievementTime = await timed(RUNS, () => computeSpmAchievement(db, kota.unit, YEAR));
  const rawTime = await timed(RUNS, () => rawApprovedSums(db, kota, codes));
  const buildTime = await timed(RUNS, () => buildSpmReport(db, kota.unit, YEAR));
  const xlsxTime = await timed(RUNS, async () => spmReportXlsx(await buildSpmReport(db, kota.unit, YEAR)));
  const pdfTime = await timed(RUNS, async () => spmReportPdf(await buildSpmReport(db, kota.unit, YEAR)));
  // Once, without warm-up: it can take seconds when the planner has no statistics.
  const existsTime = await once(() => existsApprovedSums(db, kota, codes));
  // PGlite never analyses its tables (no autovacuum); PostgreSQL does, in its own time. The same two
  // figures once the planner has statistics:
  await db.execute(sql`analyze`);
  const analysedAchievement = await timed(RUNS, () => computeSpmAchievement(db, kota.unit, YEAR));
  const analysedRaw = await timed(RUNS, () => rawApprovedSums(db, kota, codes));
  const analysedExists = await timed(RUNS, () => existsApprovedSums(db, kota, codes));

  const n = (value: number) => formatNumberId(String(value));
  const ratio = (a: Timing, b: Timing) => `${(a.p50 / b.p50).toFixed(1)}×`;
  return [
    `SPM annual report, kota with ${PUSKESMAS} puskesmas × 12 months (${n(kota.puskesmasValues)} approved values` +
      ` + ${n(kota.clinicValues)} from ${CLINICS} private clinics), ${label(handle.kind)}:` +
      ` achievement ${ms(achievementTime)} vs raw SQL ${rawTime.p50.toFixed(1)} ms (${ratio(achievementTime, rawTime)});` +
      ` report xlsx p50 ${xlsxTime.p50.toFixed(1)} ms; pdf p50 ${pdfTime.p50.toFixed(1)} ms\n` +
      `  computeSpmAchievement (12 services, monthly cumulative, ${KECAMATAN} kecamatan, ${PUSKESMAS} puskesmas ranked): ${ms(achievementTime)}\n` +
      `  raw SQL, approved sums per facility, element and month (${n(raw.length)} groups): ${ms(rawTime)}\n` +
      `  ratio ${ratio(achievementTime, rawTime)} the raw baseline (p50, ${RUNS} runs after a warm-up)\n` +
      `  buildSpmReport (achievement, notes, SKM of ${PUSKESMAS} surveys × ${RESPONDENTS} respondents): ${ms(buildTime)}\n` +
      `  buildSpmReport + spmReportXlsx: ${ms(xlsxTime)}\n` +
      `  buildSpmReport + spmReportPdf: ${ms(pdfTime)}\n` +
      `  the same sums written with exists (…), no planner statistics: ${existsTime.p50.toFixed(1)} ms (1 run)\n` +
      `  after ANALYZE: achievement ${ms(analysedAchievement)}, raw SQL ${ms(analysedRaw)} (${ratio(analysedAchievement, analysedRaw)}),` +
      ` exists (…) ${ms(analysedExists)}\n` +
      `  check: service 1 numerator ${formatNumberId(service1?.numerator ?? "0")} = raw SQL K4 total`,
  ];
}
