import { eq, sql } from "drizzle-orm";
import type { Database } from "../src/db/client.js";
import { dataSets, orgUnits, spmVersions } from "../src/db/schema/index.js";
import { spmDepok2017 } from "../src/demo/spm-depok-2017.js";
import { ensurePeriodsOfYears } from "../src/periods/commands.js";
import { importRak } from "../src/plans/import-version.js";
import type { RakDocument } from "../src/plans/rak-document.js";
import { rows } from "./kota.js";
import { populationPerPuskesmas } from "./spm-report.js";

/**
 * A synthetic province "99" under the demo's KEMENKES: `kota` kab/kota of `puskesmas` puskesmas each
 * (in kecamatan of 10), every puskesmas reporting, approved, every month:
 * - the evaluation data set of `elements` data elements (PV_001 …) over 2024, with a RAK of
 *   `elements / 2` ratio indicators for the first kota and one for the province;
 * - the demo's 13 SPM numerator elements over the 18 months an SPM year reads (Jul 2019 – Dec 2020),
 *   the target populations of each puskesmas, and the Depok 2017 SPM version adopted by the province.
 * Values are generated in SQL, one kota per statement, so the build stays within minutes at 1.080
 * puskesmas (2,6 million values with 200 elements).
 */
export const PROVINCE_CODE = "99";
export const EVALUATION_YEAR = 2024;
export const SPM_YEAR = 2020;
const PER_KECAMATAN = 10;
const actor = { userId: null, username: "bench", requestId: null };

export interface Province {
  unit: { id: string; code: string; name: string; type: string; path: string };
  firstKota: { id: string; code: string; name: string; type: string; path: string };
  provincePlan: string | null;
  kotaPlan: string | null;
  elementCodes: string[];
  puskesmas: number;
  values: number;
}

export async function buildProvince(
  db: Database,
  shape: { kota: number; puskesmas: number; elements: number },
): Promise<Province> {
  const [root] = await db.select().from(orgUnits).where(eq(orgUnits.code, "KEMENKES"));
  const [version] = await db.select().from(spmVersions).where(eq(spmVersions.code, spmDepok2017.code));
  const [spmSet] = await db.select().from(dataSets).where(eq(dataSets.code, "SPM-KESEHATAN"));
  if (!root || !version || !spmSet) throw new Error("the demo is not loaded");
  await ensurePeriodsOfYears(db, 2019, EVALUATION_YEAR);
  const path = `${root.path}${PROVINCE_CODE}/`;
  const [province] = await db
    .insert(orgUnits)
    .values({
      parentId: root.id,
      code: PROVINCE_CODE,
      name: "Provinsi Bench",
      type: "provinsi",
      level: root.level + 1,
      path,
    })
    .returning();
  if (!province) throw new Error("province insert returned nothing");
  await db.execute(sql`insert into spm_adoptions (org_unit_id, year, version_id)
    values (${province.id}, ${SPM_YEAR}, ${version.id})`);

  const elementCodes = Array.from(
    { length: shape.elements },
    (_, i) => `PV_${String(i + 1).padStart(3, "0")}`,
  );
  let evaluationSet: string | null = null;
  if (shape.elements > 0) {
    await db.execute(sql`insert into data_elements (code, name)
      select 'PV_' || lpad(g::text, 3, '0'), 'Data provinsi ' || g from generate_series(1, ${shape.elements}) g`);
    evaluationSet = (
      await rows(
        db,
        sql`insert into data_sets (code, name, period_type) values ('PV', 'Provinsi', 'month') returning id`,
      )
    )[0]?.id as string;
    await db.execute(sql`insert into data_set_elements (data_set_id, data_element_id, position)
      select ${evaluationSet}, id, row_number() over (order by code) from data_elements where code like 'PV\_%'`);
  }
  const populations = sql.join(
    Object.entries(populationPerPuskesmas).map(([category, n]) => sql`(${category}::text, ${n}::numeric)`),
    sql`, `,
  );

  for (let k = 1; k <= shape.kota; k++) {
    const code = `${PROVINCE_CODE}.${String(k).padStart(2, "0")}`;
    const kotaPath = `${path}${code}/`;
    const kota = (
      await rows(
        db,
        sql`insert into org_units (parent_id, code, name, office_name, type, owner_type, level, path)
        values (${province.id}, ${code}, ${`Kota Bench ${k}`}, ${`Dinas Kesehatan Kota Bench ${k}`},
          'kabupaten_kota', 'pemerintah', ${province.level + 1}, ${kotaPath}) returning id`,
      )
    )[0]?.id as string;
    const kecamatan = Math.ceil(shape.puskesmas / PER_KECAMATAN);
    await db.execute(sql`insert into org_units (parent_id, district_id, code, name, type, level, path)
      select ${kota}, ${kota}, ${code} || '.' || lpad(g::text, 2, '0'), ${`Kecamatan Bench ${k}.`} || g,
        'kecamatan', ${province.level + 2}, ${kotaPath} || ${code} || '.' || lpad(g::text, 2, '0') || '/'
      from generate_series(1, ${kecamatan}) g`);
    await db.execute(sql`insert into org_units (parent_id, district_id, code, name, type, owner_type, is_blud, level, path)
      select kc.id, ${kota}, kc.code || '.P' || g, ${`Puskesmas Bench ${k}.`} || ((n - 1) * ${PER_KECAMATAN} + g),
        'puskesmas', 'pemerintah', true, ${province.level + 3}, kc.path || kc.code || '.P' || g || '/'
      from (select id, code, path, row_number() over (order by code) n from org_units
            where parent_id = ${kota} and type = 'kecamatan') kc,
        generate_series(1, ${PER_KECAMATAN}) g
      where (n - 1) * ${PER_KECAMATAN} + g <= ${shape.puskesmas}`);
    const units = sql`(select id from org_units where district_id = ${kota} and type = 'puskesmas')`;
    for (const set of [spmSet.id, evaluationSet]) {
      if (!set) continue;
      await db.execute(
        sql`insert into data_set_org_units (data_set_id, org_unit_id) select ${set}, id from ${units} u`,
      );
    }
    // The SPM: 13 numerators over Jul 2019 – Dec 2020, a fraction of each puskesmas's population.
    await db.execute(sql`insert into data_values (district_id, org_unit_id, period, data_element_id, value)
      select ${kota}, u.id, p.code, dse.data_element_id, 20 + abs(hashtext(u.id::text || p.code || dse.data_element_id::text)) % 60
      from ${units} u, periods p, data_set_elements dse
      where dse.data_set_id = ${spmSet.id} and p.type = 'month' and p.code between '201907' and '202012'`);
    await db.execute(sql`insert into data_set_reports (data_set_id, org_unit_id, district_id, period, status, on_time)
      select ${spmSet.id}, u.id, ${kota}, p.code, 'approved', true from ${units} u, periods p
      where p.type = 'month' and p.code between '201907' and '202012'`);
    await db.execute(sql`insert into target_populations (district_id, org_unit_id, year, category, value, source)
      select ${kota}, u.id, ${SPM_YEAR}, c.category, round(c.n * (0.7 + (abs(hashtext(u.id::text)) % 60) / 100.0)), 'Bench'
      from ${units} u, (values ${populations}) c(category, n)`);
    if (evaluationSet) {
      await db.execute(sql`insert into data_values (district_id, org_unit_id, period, data_element_id, value)
        select ${kota}, u.id, p.code, de.id, 50 + (abs(hashtext(u.id::text || p.code || de.code)) % 50)
        from ${units} u, periods p, data_elements de
        where p.type = 'month' and p.code like ${`${EVALUATION_YEAR}%`} and de.code like 'PV\_%'`);
      await db.execute(sql`insert into data_set_reports (data_set_id, org_unit_id, district_id, period, status, on_time)
        select ${evaluationSet}, u.id, ${kota}, p.code, 'approved', true from ${units} u, periods p
        where p.type = 'month' and p.code like ${`${EVALUATION_YEAR}%`}`);
    }
  }
  const [first] = await db
    .select()
    .from(orgUnits)
    .where(eq(orgUnits.code, `${PROVINCE_CODE}.01`));
  if (!first) throw new Error("no kota was built");
  const plans = shape.elements > 0 ? await importPlans(db, province.id, first.id, shape.elements) : null;
  const [{ count } = { count: "0" }] = await rows(
    db,
    sql`select count(*)::text as count from data_values dv join org_units ou on ou.id = dv.org_unit_id
      where ou.path like ${`${path}%`}`,
  );
  await db.execute(sql`analyze`);
  const shown = (u: typeof province) => ({
    id: u.id,
    code: u.code,
    name: u.name,
    type: u.type,
    path: u.path,
  });
  return {
    unit: shown(province),
    firstKota: shown(first),
    provincePlan: plans?.province ?? null,
    kotaPlan: plans?.kota ?? null,
    elementCodes,
    puskesmas: shape.kota * shape.puskesmas,
    values: Number(count),
  };
}

/** A RAK of `elements / 2` indicators, PV_i / PV_(i + n/2) × 100, for the province and for its first kota. */
async function importPlans(db: Database, provinceId: string, kotaId: string, elements: number) {
  const pairs = elements / 2;
  const rak = (orgUnitName: string): RakDocument => ({
    title: "RAK Bench",
    orgUnitName,
    year: EVALUATION_YEAR,
    signatory: { position: "Kepala Dinas", name: "Bench", nip: "-" },
    sasaran: [
      {
        name: "Sasaran bench",
        budget: null,
        programs: [],
        indicators: Array.from({ length: pairs }, (_, i) => ({
          name: `Cakupan provinsi ${i + 1}`,
          unit: "%",
          target: "90",
          quarters: ["22.5", "22.5", "22.5", "22.5"] as [string, string, string, string],
        })),
      },
    ],
  });
  const province = (
    await importRak(db, { orgUnitId: provinceId, doc: rak("Dinas Kesehatan Provinsi Bench") }, actor)
  ).planId;
  const kota = (await importRak(db, { orgUnitId: kotaId, doc: rak("Dinas Kesehatan Kota Bench 1") }, actor))
    .planId;
  await db.execute(sql`update indicators set
      numerator = '#{PV_' || lpad(substring(name from 18)::text, 3, '0') || '}',
      denominator = '#{PV_' || lpad((substring(name from 18)::int + ${pairs})::text, 3, '0') || '}'
    where name like 'Cakupan provinsi %'`);
  return { province, kota };
}
