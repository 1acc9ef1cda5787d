import { and, eq } from "drizzle-orm";
import type { Tx } from "../db/client.js";
import {
  indicatorRealisasiYears,
  indicators,
  lkjipTexts,
  planIndicators,
  planNodeBudgetQuarters,
  planNodes,
  plans,
} from "../db/schema/index.js";
import { writeRak } from "../plans/rak-commands.js";
import type { RakDocument, RakIndicatorRow } from "../plans/rak-document.js";
import { writeRenstra } from "../plans/renstra-commands.js";
import type { RenstraDocument, RenstraIndicatorRow } from "../plans/renstra-types.js";
import { rakMetro2024 } from "./rak-metro-2024.js";

/**
 * An invented Renstra of Kota Metro 2025–2029 (marked contoh: no real Renstra is a seed), written from
 * the indicators of the seed's RAK 2024 with targets that continue its 2024 figures, a Perjanjian Kinerja
 * 2025 that serves it (two of its targets depart from the Renstra's 2025 target) and the realisasi of
 * 2024 and 2025 as a planner would enter them.
 */
const YEARS = [2025, 2026, 2027, 2028, 2029] as const;

const iku = (name: string, unit: string, series: string, end?: string): RenstraIndicatorRow => {
  const values = series.split(" ");
  if (values.length !== YEARS.length) throw new Error(`five targets expected for ${name}`);
  return {
    name,
    unit,
    targets: Object.fromEntries(YEARS.map((y, i) => [y, (values[i] as string).replace(/_/g, " ")])),
    end: end ?? (values.at(-1) as string).replace(/_/g, " "),
  };
};
const lower = (r: RenstraIndicatorRow): RenstraIndicatorRow => ({ ...r, polarity: "lower" });
const budgets = (amounts: number[]) => Object.fromEntries(YEARS.map((y, i) => [y, amounts[i] ?? null]));

const SASARAN_1 = rakMetro2024.sasaran[0]?.name as string;

export const renstraMetro2025: RenstraDocument = {
  title: "Rencana Strategis Dinas Kesehatan Kota Metro Tahun 2025–2029 (contoh)",
  orgUnitName: "Dinas Kesehatan Kota Metro",
  startYear: 2025,
  endYear: 2029,
  signatory: { ...rakMetro2024.signatory, place: "Metro", date: "2025-03-10" },
  tujuan: [
    {
      name: "Meningkatnya derajat kesehatan masyarakat Kota Metro (contoh)",
      indicators: [iku("Angka Harapan Hidup", "angka", "72,30 72,42 72,54 72,66 72,78")],
      sasaran: [
        {
          name: SASARAN_1,
          indicators: [
            iku("Persentase Peserta Jaminan Kesehatan Nasional (JKN)", "%", "98,5 99 99,5 100 100"),
            lower(iku("Jumlah kasus kematian ibu", "kasus", "2 2 1 1 1")),
            lower(iku("Jumlah kasus kematian bayi", "kasus", "10 9 9 8 8")),
            lower(iku("Prevalensi stunting pada anak balita", "%", "≤_8,2 ≤_7,9 ≤_7,6 ≤_7,3 ≤_7")),
            iku("Angka keberhasilan pengobatan Tuberkulosis (success rate)", "%", "95 95 96 96 97"),
          ],
          programs: [
            {
              code: "1.02.02",
              name: "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat",
              budgets: budgets([
                53_500_000_000, 55_000_000_000, 57_000_000_000, 59_000_000_000, 61_000_000_000,
              ]),
              indicators: [
                lower(iku("Jumlah kasus kematian neonatal", "kasus", "9 8 8 7 7")),
                iku("Cakupan Imunisasi Dasar Lengkap (IDL)", "%", "95 95,5 96 96,5 97"),
              ],
            },
            {
              code: "1.02.05",
              name: "Program Pemberdayaan Masyarakat Bidang Kesehatan",
              budgets: budgets([1_800_000_000, 1_850_000_000, 1_900_000_000, 1_950_000_000, 2_000_000_000]),
              indicators: [iku("Indeks Keluarga Sehat", "angka", "0,37 0,39 0,41 0,43 0,45")],
            },
          ],
        },
        {
          name: "Meningkatnya mutu dan akses sumber daya kesehatan (contoh)",
          indicators: [
            iku(
              "Persentase Fasilitas Kesehatan Tingkat Pertama (FKTP) terakreditasi",
              "%",
              "90 95 100 100 100",
            ),
          ],
          programs: [
            {
              code: "1.02.01",
              name: "Program Penunjang Urusan Pemerintah Daerah Kabupaten/ Kota",
              budgets: budgets([
                295_000_000_000, 302_000_000_000, 310_000_000_000, 318_000_000_000, 326_000_000_000,
              ]),
              indicators: [
                iku("Cakupan pelayanan administrasi perangkat daerah", "%", "100 100 100 100 100"),
              ],
            },
            {
              code: "1.02.03",
              name: "Program Peningkatan Kapasitas Sumber Daya Manusia Kesehatan",
              budgets: budgets([800_000_000, 820_000_000, 850_000_000, 880_000_000, 900_000_000]),
              indicators: [
                iku(
                  "Persentase puskesmas dengan jenis tenaga kesehatan sesuai standar",
                  "%",
                  "94 95 96 98 100",
                ),
              ],
            },
            {
              code: "1.02.04",
              name: "Program Sediaan Farmasi, Alat Kesehatan, dan Makanan Minuman",
              budgets: budgets([110_000_000, 115_000_000, 120_000_000, 125_000_000, 130_000_000]),
              indicators: [
                iku("Persentase puskesmas dengan ketersediaan obat esensial", "%", "95 96 97 98 100"),
              ],
            },
          ],
        },
      ],
    },
  ],
};

const pkRow = (name: string, unit: string, target: string, polarity?: "lower"): RakIndicatorRow => ({
  name,
  unit,
  target,
  quarters: ["-", "-", "-", target],
  ...(polarity ? { polarity } : {}),
});

/** The Perjanjian Kinerja 2025 (contoh): JKN 98 (below the Renstra's 98,5) and IDL 96 (above its 95). */
export const pkMetro2025: RakDocument = {
  title: "Perjanjian Kinerja Dinas Kesehatan Kota Metro Tahun 2025 (contoh)",
  orgUnitName: "Dinas Kesehatan Kota Metro",
  year: 2025,
  signatory: { ...rakMetro2024.signatory, place: "Metro", date: "2025-02-03" },
  sasaran: [
    {
      name: SASARAN_1,
      budget: 55_300_000_000,
      indicators: [
        pkRow("Angka Harapan Hidup", "angka", "72.3"),
        pkRow("Persentase Peserta Jaminan Kesehatan Nasional (JKN)", "%", "98"),
        pkRow("Jumlah kasus kematian ibu", "kasus", "2", "lower"),
        pkRow("Jumlah kasus kematian bayi", "kasus", "10", "lower"),
        pkRow("Prevalensi stunting pada anak balita", "%", "8.2", "lower"),
        pkRow("Angka keberhasilan pengobatan Tuberkulosis (success rate)", "%", "95"),
      ],
      programs: [
        {
          code: "1.02.02",
          name: "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat",
          budget: 53_500_000_000,
          indicators: [
            pkRow("Jumlah kasus kematian neonatal", "kasus", "9", "lower"),
            pkRow("Cakupan Imunisasi Dasar Lengkap (IDL)", "%", "96"),
          ],
          kegiatan: [],
        },
      ],
    },
  ],
};

/** Year-end realisasi as entered (contoh): [indicator, 2024, 2025]. */
const REALISASI: ReadonlyArray<[string, string, string]> = [
  ["Angka Harapan Hidup", "72.21", "72.33"],
  ["Persentase Peserta Jaminan Kesehatan Nasional (JKN)", "97.6", "98.2"],
  ["Jumlah kasus kematian ibu", "2", "1"],
  ["Jumlah kasus kematian bayi", "11", "9"],
  ["Prevalensi stunting pada anak balita", "8.9", "8.1"],
  ["Angka keberhasilan pengobatan Tuberkulosis (success rate)", "93.4", "95.2"],
  ["Jumlah kasus kematian neonatal", "9", "8"],
  ["Cakupan Imunisasi Dasar Lengkap (IDL)", "94.1", "95.6"],
  ["Indeks Keluarga Sehat", "0.34", "0.37"],
  ["Persentase Fasilitas Kesehatan Tingkat Pertama (FKTP) terakreditasi", "81.8", "90.9"],
  ["Cakupan pelayanan administrasi perangkat daerah", "100", "100"],
  ["Persentase puskesmas dengan jenis tenaga kesehatan sesuai standar", "92", "94"],
  ["Persentase puskesmas dengan ketersediaan obat esensial", "90.9", "95.5"],
];

/**
 * Budget spent per quarter of 2025 by the PK's program 1.02.02 (contoh): Rp 51.150.000.000 of its pagu
 * Rp 53.500.000.000, a serapan of 95,61 %.
 */
export const PK_2025_SPENT: readonly number[] = [
  11_200_000_000, 12_900_000_000, 13_400_000_000, 13_650_000_000,
];

/** The national figure the LKjIP 2025 compares stunting with, and causes and solutions of sasaran 1 (contoh). */
const LKJIP_2025 = {
  stunting: { body: "19.8", source: "Survei Status Gizi Indonesia (SSGI) 2024, Kemenkes (contoh)" },
  penyebab:
    "Kematian ibu dan bayi turun karena pendampingan ibu hamil risiko tinggi oleh bidan kelurahan dan " +
    "rujukan yang lebih cepat; cakupan imunisasi dasar lengkap belum mencapai target PK karena sasaran " +
    "bayi pindahan belum tercatat (contoh).",
  solusi:
    "Pemutakhiran sasaran bayi bersama Dukcapil setiap triwulan dan sweeping imunisasi di posyandu " +
    "dengan cakupan rendah (contoh).",
};

/** Loads the Renstra (murni, signed), the PK 2025 linked to it, the entered realisasi 2024–2025, the PK's spending and LKjIP 2025 texts. */
export async function insertMetroRenstra(tx: Tx, metroId: string): Promise<void> {
  const renstraId = await writeRenstra(tx, {
    orgUnitId: metroId,
    districtId: metroId,
    doc: renstraMetro2025,
    status: "signed",
  });
  const pkId = await writeRak(tx, { orgUnitId: metroId, districtId: metroId, doc: pkMetro2025, kind: "pk" });
  await tx.update(plans).set({ status: "signed", signedAt: new Date() }).where(eq(plans.id, pkId));
  const rowsOf = (planId: string) =>
    tx
      .select({ id: planIndicators.id, indicatorId: planIndicators.indicatorId, name: indicators.name })
      .from(planIndicators)
      .innerJoin(indicators, eq(indicators.id, planIndicators.indicatorId))
      .innerJoin(planNodes, eq(planNodes.id, planIndicators.planNodeId))
      .where(eq(planNodes.planId, planId));
  const renstraRows = await rowsOf(renstraId);
  const served = new Map(renstraRows.map((r) => [r.indicatorId, r.id]));
  for (const row of await rowsOf(pkId)) {
    const renstraIndicatorId = served.get(row.indicatorId);
    if (!renstraIndicatorId) throw new Error(`PK 2025 indicator ${row.name} serves no Renstra indicator`);
    await tx.update(planIndicators).set({ renstraIndicatorId }).where(eq(planIndicators.id, row.id));
  }
  const [program] = await tx
    .select({ id: planNodes.id })
    .from(planNodes)
    .where(and(eq(planNodes.planId, pkId), eq(planNodes.code, "1.02.02")));
  if (!program) throw new Error("PK 2025 program 1.02.02 missing");
  await tx
    .insert(planNodeBudgetQuarters)
    .values(PK_2025_SPENT.map((amount, i) => ({ planNodeId: program.id, quarter: i + 1, amount })));
  const [sasaran] = await tx
    .select({ id: planNodes.id })
    .from(planNodes)
    .where(
      and(eq(planNodes.planId, renstraId), eq(planNodes.level, "sasaran"), eq(planNodes.name, SASARAN_1)),
    );
  const stunting = renstraRows.find((r) => r.name === "Prevalensi stunting pada anak balita");
  if (!sasaran || !stunting) throw new Error("Renstra sasaran 1 or its stunting IKU missing");
  await tx.insert(lkjipTexts).values([
    { planId: renstraId, year: 2025, section: "nasional", subject: stunting.id, ...LKJIP_2025.stunting },
    { planId: renstraId, year: 2025, section: "penyebab", subject: sasaran.id, body: LKJIP_2025.penyebab },
    { planId: renstraId, year: 2025, section: "solusi", subject: sasaran.id, body: LKJIP_2025.solusi },
  ]);
  const idOf = new Map(renstraRows.map((r) => [r.name, r.indicatorId]));
  await tx.insert(indicatorRealisasiYears).values(
    REALISASI.flatMap(([name, ...values]) =>
      values.map((value, i) => {
        const indicatorId = idOf.get(name);
        if (!indicatorId) throw new Error(`Renstra indicator ${name} missing`);
        return {
          orgUnitId: metroId,
          districtId: metroId,
          indicatorId,
          year: 2024 + i,
          value,
          note: "contoh",
        };
      }),
    ),
  );
}
