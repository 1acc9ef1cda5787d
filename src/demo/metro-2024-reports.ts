import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "../db/client.js";
import {
  auditLog,
  dataElements,
  dataSetReports,
  type dataValues,
  orgUnits,
  users,
} from "../db/schema/index.js";
import type { ReportStatus } from "../domain/index.js";
import { seeded } from "./seeded.js";

/**
 * The Laporan Bulanan of every Kota Metro puskesmas for January–September 2024 (illustrative figures,
 * made by a seeded generator so every install shows the same year), with the workflow each report went
 * through, written to the audit trail as it happened. October–December stay empty: the year is under way.
 */
export const METRO_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((m) => `2024${String(m).padStart(2, "0")}`);

/** Reports never sent: Yosomulyo's first four months (a new operator took over in May), and two more. */
export const METRO_MISSING: ReadonlyArray<[unit: string, period: string]> = [
  ["18.72.01.P2", "202401"],
  ["18.72.01.P2", "202402"],
  ["18.72.01.P2", "202403"],
  ["18.72.01.P2", "202404"],
  ["18.72.04.P3", "202408"],
  ["18.72.05.P2", "202409"],
];

/** The one laporan nihil: Ganjar Agung closed for renovation in June, its patients served at Metro. */
export const METRO_NIHIL: [unit: string, period: string] = ["18.72.03.P1", "202406"];
const NIHIL_REASON =
  "Gedung puskesmas direnovasi sepanjang Juni; pelayanan dialihkan ke Puskesmas Metro (contoh).";

type Step = "submit" | "verify" | "approve" | "return";

/** Reports that did not go straight through: returned, re-sent, still waiting, or sent late. */
const HISTORY: Record<string, { steps: Step[]; late?: boolean; reason?: string }> = {
  "18.72.05.P1/202408": {
    steps: ["submit", "return", "submit", "verify", "approve"],
    reason: "Balita diukur tidak sama dengan e-PPGBM; mohon dicek ulang (contoh).",
  },
  "18.72.02.P3/202409": {
    steps: ["submit", "return"],
    reason: "Jumlah kasus TB baru belum sesuai SITB; mohon diperbaiki (contoh).",
  },
  "18.72.02.P2/202409": {
    steps: ["submit", "verify", "return"],
    reason: "Ibu hamil anemia melebihi hasil pemeriksaan Hb di register; mohon dicek (contoh).",
  },
  "18.72.02.P1/202409": { steps: ["submit"] },
  "18.72.04.P2/202409": { steps: ["submit", "verify"] },
  "18.72.04.P1/202403": { steps: ["submit", "verify", "approve"], late: true },
  "18.72.02.P2/202406": { steps: ["submit", "verify", "approve"], late: true },
  "18.72.01.P2/202405": { steps: ["submit", "verify", "approve"], late: true },
  "18.72.01.P1/202407": { steps: ["submit", "verify", "approve"], late: true },
};

/** Deaths as the registers would show them: [period, unit, bayi, of which neonatal, balita (incl. bayi), ibu]. */
const DEATHS: ReadonlyArray<[string, string, number, number, number, number]> = [
  ["202401", "18.72.01.P1", 1, 1, 1, 0],
  ["202402", "18.72.04.P1", 1, 1, 1, 0],
  ["202403", "18.72.05.P1", 1, 0, 1, 0],
  ["202404", "18.72.02.P1", 1, 1, 1, 0],
  ["202405", "18.72.04.P2", 1, 0, 2, 1],
  ["202406", "18.72.05.P2", 1, 1, 1, 0],
  ["202407", "18.72.02.P2", 1, 1, 1, 0],
  ["202408", "18.72.02.P3", 1, 1, 1, 0],
  ["202409", "18.72.03.P1", 1, 1, 1, 0],
];

/** Population of each puskesmas's working area (Kota Metro ≈ 170.000 jiwa), and its kelurahan. */
const AREA: Record<string, [penduduk: number, kelurahan: number]> = {
  "18.72.01.P1": [19_800, 3],
  "18.72.01.P2": [14_600, 2],
  "18.72.02.P1": [15_900, 2],
  "18.72.02.P2": [13_200, 2],
  "18.72.02.P3": [12_700, 2],
  "18.72.03.P1": [22_400, 2],
  "18.72.04.P1": [16_100, 2],
  "18.72.04.P2": [14_300, 2],
  "18.72.04.P3": [11_500, 2],
  "18.72.05.P1": [15_600, 2],
  "18.72.05.P2": [13_900, 1],
};

/** A rate per month 1–9, straight from the first month's value to September's. */
const line = (from: number, to: number) => (m: number) => from + ((to - from) * (m - 1)) / 8;
/** A rate per quarter. */
const byQuarter = (q1: number, q2: number, q3: number) => (m: number) =>
  [q1, q2, q3][Math.ceil(m / 3) - 1] ?? q3;

/** One month of one puskesmas's form, from its population and the month's city-wide rates. */
function monthFigures(unit: string, month: number, random: () => number): Record<string, number> {
  const [penduduk, kelurahan] = AREA[unit] ?? [15_000, 2];
  const jitter = (n: number, spread = 0.12) =>
    Math.max(0, Math.round(n * (1 - spread + random() * 2 * spread)));
  // Rounded up or down at random, so small counts (a few TB patients) still average to the rate.
  const part = (whole: number, rate: number) =>
    Math.min(whole, Math.floor(whole * rate * (0.97 + random() * 0.06) + random()));
  const bumil = jitter(penduduk * 0.0046);
  const bulin = jitter(penduduk * 0.00138);
  const bayi = jitter(penduduk * 0.00132);
  // The bulan timbang (February, August) weighs almost every balita; other months about six in ten.
  const diukur = jitter(penduduk * 0.085 * (month === 2 || month === 8 ? 0.86 : 0.6), 0.06);
  const diukurTd = jitter(penduduk * 0.024);
  const tbCohort = jitter((penduduk * 0.0019) / 12, 0.5);
  const uci = part(kelurahan, byQuarter(0.66, 0.76, 0.8)(month));
  return {
    BUMIL_SASARAN: bumil,
    BUMIL_K4: part(bumil, 0.88),
    BUMIL_KEK: part(bumil, 0.11),
    BUMIL_ANEMIA: part(bumil, byQuarter(0.24, 0.25, 0.26)(month)),
    BULIN_SASARAN: bulin,
    PERSALINAN_FASKES: part(bulin, byQuarter(0.97, 0.98, 0.985)(month)),
    BAYI_SASARAN: bayi,
    BAYI_IDL: part(bayi, byQuarter(0.7, 0.8, 0.88)(month)),
    BALITA_DIUKUR: diukur,
    BALITA_STUNTING: part(diukur, line(0.102, 0.087)(month)),
    BALITA_WASTING: part(diukur, line(0.063, 0.071)(month)),
    KELURAHAN_WILAYAH: kelurahan,
    KELURAHAN_UCI: uci,
    PENDUDUK: penduduk,
    TB_KASUS_BARU: Math.round((penduduk * byQuarter(0.002, 0.00205, 0.00208)(month)) / 12 + random() - 0.5),
    TB_DIEVALUASI: Math.max(1, tbCohort),
    TB_BERHASIL: part(Math.max(1, tbCohort), byQuarter(0.88, 0.9, 0.91)(month)),
    DBD_KASUS: Math.round((penduduk * byQuarter(0.0009, 0.0006, 0.0004)(month)) / 12 + random() - 0.5),
    ODHA: Math.round(penduduk * byQuarter(0.00013, 0.000141, 0.000147)(month) + random() - 0.5),
    USIA_15_DIUKUR_TD: diukurTd,
    HIPERTENSI_DITEMUKAN: part(diukurTd, 0.22),
    KEMATIAN_IBU: 0,
    KEMATIAN_BAYI: 0,
    KEMATIAN_NEONATAL: 0,
    KEMATIAN_BALITA: 0,
  };
}

const slug = (name: string) =>
  name
    .replace(/^Puskesmas /, "")
    .toLowerCase()
    .replace(/\s+/g, "");
const at = (period: string, day: number, hour = 9) =>
  new Date(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(4)), day, hour - 7));

export async function insertMetroReports(tx: Tx, districtId: string, dataSetId: string): Promise<void> {
  const units = await tx
    .select({ id: orgUnits.id, code: orgUnits.code, name: orgUnits.name })
    .from(orgUnits)
    .where(and(eq(orgUnits.districtId, districtId), eq(orgUnits.type, "puskesmas")))
    .orderBy(orgUnits.path);
  const elementIds = new Map(
    (await tx.select({ id: dataElements.id, code: dataElements.code }).from(dataElements)).map((e) => [
      e.code,
      e.id,
    ]),
  );
  const staff = new Map(
    (
      await tx
        .select({ id: users.id, username: users.username })
        .from(users)
        .where(inArray(users.username, ["operator.yosomulyo", "program.metro", "admin.metro"]))
    ).map((u) => [u.username, u.id]),
  );
  const actor = (username: string) => ({ userId: staff.get(username) ?? null, username });
  const random = seeded(18_72_2024);
  const missing = new Set(METRO_MISSING.map(([u, p]) => `${u}/${p}`));
  const values: Array<typeof dataValues.$inferInsert> = [];
  const reports: Array<typeof dataSetReports.$inferInsert> = [];
  const audits: Array<typeof auditLog.$inferInsert> = [];

  for (const unit of units) {
    const operator = `operator.${slug(unit.name)}`;
    for (const period of METRO_MONTHS) {
      const month = Number(period.slice(4));
      const figures = monthFigures(unit.code, month, random);
      const key = `${unit.code}/${period}`;
      if (missing.has(key)) continue;
      const nihil = METRO_NIHIL[0] === unit.code && METRO_NIHIL[1] === period;
      const history = HISTORY[key] ?? { steps: ["submit", "verify", "approve"] as Step[] };
      const submitted = at(period, history.late ? 14 + (month % 5) : 3 + (month % 5));
      for (const [p, u, bayi, neonatal, balita, ibu] of DEATHS) {
        if (p !== period || u !== unit.code) continue;
        Object.assign(figures, {
          KEMATIAN_BAYI: bayi,
          KEMATIAN_NEONATAL: neonatal,
          KEMATIAN_BALITA: balita,
          KEMATIAN_IBU: ibu,
        });
      }
      if (!nihil) {
        for (const [code, value] of Object.entries(figures)) {
          values.push({
            districtId,
            orgUnitId: unit.id,
            period,
            dataElementId: elementIds.get(code) as string,
            value: String(value),
            updatedBy: staff.get(operator) ?? null,
            updatedAt: submitted,
          });
        }
      }
      let status = "draft" as ReportStatus;
      let time = submitted;
      const entityId = `LB-PUSKESMAS/${unit.id}/${period}`;
      for (const [i, step] of history.steps.entries()) {
        const who = step === "submit" ? operator : step === "verify" ? "program.metro" : "admin.metro";
        const next: ReportStatus =
          step === "submit"
            ? "submitted"
            : step === "verify"
              ? "verified"
              : step === "return"
                ? "returned"
                : "approved";
        time = i === 0 ? submitted : new Date(time.getTime() + (step === "submit" ? 3 : 2) * 86_400_000);
        audits.push({
          ...actor(who),
          at: time,
          action: `data.report_${step}`,
          entityType: "data_set_report",
          entityId,
          orgUnitId: unit.id,
          oldValue: { status },
          newValue: nihil && step === "submit" ? { status: next, nihil: true } : { status: next },
          reason:
            step === "return" ? (history.reason ?? null) : nihil && step === "submit" ? NIHIL_REASON : null,
        });
        status = next;
      }
      reports.push({
        dataSetId,
        orgUnitId: unit.id,
        districtId,
        period,
        status,
        submittedAt: submitted,
        onTime: !history.late,
        returnedReason: status === "returned" ? (history.reason ?? null) : null,
        isNihil: nihil,
        revision: history.steps.length + 1,
        updatedAt: time,
      });
    }
  }
  // One INSERT … SELECT over the rows as JSON rather than thousands of bound parameters.
  await tx.execute(sql`
    insert into data_values (district_id, org_unit_id, period, data_element_id, value, updated_by, updated_at)
    select "districtId", "orgUnitId", period, "dataElementId", value, "updatedBy", "updatedAt"
    from json_to_recordset(${JSON.stringify(values)}::json) as r(
      "districtId" uuid, "orgUnitId" uuid, period text, "dataElementId" uuid, value numeric,
      "updatedBy" uuid, "updatedAt" timestamptz
    )`);
  await tx.insert(dataSetReports).values(reports);
  await tx.insert(auditLog).values(audits);
}
