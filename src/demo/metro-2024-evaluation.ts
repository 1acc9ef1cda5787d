import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Tx } from "../db/client.js";
import {
  indicators,
  planIndicatorQuarters,
  planIndicators,
  planNodeBudgetQuarters,
  planNodes,
  plans,
} from "../db/schema/index.js";

/**
 * What the planners of Kota Metro entered for TW I–III 2024 (illustrative, marked contoh): realisasi of
 * the indicators no data element feeds, a short analysis per indicator, and the budget spent per quarter.
 */
const DIRECT: ReadonlyArray<[name: string, q1: string, q2: string, q3: string]> = [
  ["Persentase Peserta Jaminan Kesehatan Nasional (JKN)", "95.2", "96.1", "96.8"],
  ["Jumlah dokumen perencanaan, penganggaran, dan evaluasi kinerja OPD", "6", "2", "2"],
  ["Jumlah penyediaan administrasi umum perangkat daerah", "3", "3", "3"],
  ["Jumlah jenis pengandaan barang milik daerah", "1", "0", "1"],
  ["Persentase Fasilitas Kesehatan Tingkat Pertama (FKTP) terakreditasi", "72.7", "72.7", "81.8"],
  ["Jumlah dokumen informasi kesehatan", "0", "1", "0"],
  ["Persentase puskesmas dengan ketersediaan obat esensial", "90.9", "90.9", "90.9"],
  ["Persentase Standar Pelayanan Minimal Kesehatan", "60", "68", "72"],
  ["Jumlah kelurahan melaksanakan upaya perilaku hidup bersih dan sehat", "5", "4", "4"],
];

type Analysis = [pendorong: string, penghambat: string, tindakLanjut: string];
const c = (text: string) => `${text} (contoh)`;

/** The TW III analysis of the indicators a reader of the evaluation looks at first. */
const ANALYSES: Record<string, Analysis> = {
  "Jumlah kasus kematian ibu": [
    "Pendampingan ibu hamil risiko tinggi oleh bidan kelurahan",
    "Satu kematian ibu karena perdarahan pascapersalinan di Iringmulyo",
    "Audit maternal perinatal dan penguatan rujukan PONEK",
  ],
  "Jumlah kasus kematian bayi": [
    "Kunjungan neonatal oleh bidan berjalan",
    "Kematian bayi tetap tiga per triwulan, di atas target",
    "Kelas ibu balita dan pemantauan bayi BBLR di rumah",
  ],
  "Jumlah kasus kematian neonatal": [
    "Persalinan hampir seluruhnya di fasilitas kesehatan",
    "Asfiksia dan BBLR masih menjadi penyebab utama",
    "Pelatihan resusitasi neonatus bagi bidan puskesmas",
  ],
  "Jumlah kasus kematian balita": [
    "Posyandu aktif di semua kelurahan",
    "Pneumonia dan diare pada balita gizi kurang",
    "Tata laksana balita sakit terpadu (MTBS) di semua puskesmas",
  ],
  "Prevalensi stunting pada anak balita": [
    "Bulan timbang Agustus menjangkau hampir semua balita",
    "Masih di atas target 8,5%",
    "PMT lokal dan kelas gizi bagi baduta berisiko",
  ],
  "Persentase balita wasting": [
    "Penimbangan rutin di posyandu",
    "Wasting naik setiap bulan sejak Januari",
    "Pelacakan balita gizi kurang dan PMT pemulihan",
  ],
  "Persentase anemia pada ibu hamil": [
    "Pemeriksaan Hb pada kunjungan pertama",
    "Kepatuhan minum tablet tambah darah rendah",
    "Pendampingan minum TTD oleh kader dan suami",
  ],
  "Cakupan Imunisasi Dasar Lengkap (IDL)": [
    "Sweeping imunisasi dan BIAN kejar",
    "Triwulan I rendah karena keraguan orang tua",
    "Pelacakan bayi belum lengkap per kelurahan",
  ],
  "Prevalensi tekanan darah tinggi pada penduduk usia > 15 tahun": [
    "Skrining di posbindu PTM makin luas",
    "Banyak penderita baru ditemukan, prevalensi jauh di atas target",
    "Kampanye CERDIK dan rujukan ke program PRB",
  ],
  "Angka keberhasilan pengobatan Tuberkulosis (success rate)": [
    "Pengawas menelan obat dari kader TB",
    "Pasien mangkir pada bulan kedua",
    "Pelacakan pasien mangkir bersama kader",
  ],
  "Persentase Peserta Jaminan Kesehatan Nasional (JKN)": [
    "Pendaftaran PBI daerah bertahap",
    "Peserta mandiri menunggak",
    "Usulan tambahan kuota PBI APBD",
  ],
  "Jumlah jenis pengandaan barang milik daerah": [
    "Katalog elektronik tersedia",
    "Pengadaan triwulan II tertunda menunggu revisi DPA",
    "Percepatan proses pengadaan triwulan IV",
  ],
  "Persentase Standar Pelayanan Minimal Kesehatan": [
    "Pelayanan dasar berjalan di semua puskesmas",
    "Skrining usia produktif dan ODGJ belum mencapai sasaran",
    "Skrining di tempat kerja dan kunjungan rumah ODGJ",
  ],
};

/** Share of each node's pagu spent per quarter, before a small seeded variation per node. */
const SPENT = [0.17, 0.23, 0.24] as const;

export async function insertMetroEvaluation(tx: Tx, districtId: string): Promise<void> {
  const rows = await tx
    .select({ id: planIndicators.id, name: indicators.name })
    .from(planIndicators)
    .innerJoin(indicators, eq(indicators.id, planIndicators.indicatorId))
    .innerJoin(planNodes, eq(planNodes.id, planIndicators.planNodeId))
    .innerJoin(plans, eq(plans.id, planNodes.planId))
    .where(and(eq(plans.orgUnitId, districtId), eq(plans.year, 2024)));
  const idOf = new Map(rows.map((r) => [r.name, r.id]));
  const id = (name: string) => {
    const found = idOf.get(name);
    if (!found) throw new Error(`RAK indicator ${name} missing`);
    return found;
  };
  const entries = new Map<string, typeof planIndicatorQuarters.$inferInsert>();
  const entry = (name: string, quarter: number) => {
    const key = `${name}|${quarter}`;
    const known = entries.get(key) ?? { planIndicatorId: id(name), quarter };
    entries.set(key, known);
    return known;
  };
  for (const [name, ...quarters] of DIRECT) {
    quarters.forEach((realisasi, i) => {
      entry(name, i + 1).realisasi = realisasi;
    });
  }
  for (const [name, [pendorong, penghambat, tindakLanjut]] of Object.entries(ANALYSES)) {
    Object.assign(entry(name, 3), {
      faktorPendorong: c(pendorong),
      faktorPenghambat: c(penghambat),
      tindakLanjut: c(tindakLanjut),
    });
  }
  await tx.insert(planIndicatorQuarters).values([...entries.values()]);

  const nodes = await tx
    .select({ id: planNodes.id, budget: planNodes.budget, position: planNodes.position })
    .from(planNodes)
    .innerJoin(plans, eq(plans.id, planNodes.planId))
    .where(
      and(
        eq(plans.orgUnitId, districtId),
        eq(plans.year, 2024),
        inArray(planNodes.level, ["program", "kegiatan", "sub_kegiatan"]),
        isNotNull(planNodes.budget),
      ),
    );
  await tx.insert(planNodeBudgetQuarters).values(
    nodes.flatMap((n) =>
      SPENT.map((share, i) => ({
        planNodeId: n.id,
        quarter: i + 1,
        // Some kegiatan spend faster, some slower; whole Rupiah.
        amount: Math.round((n.budget ?? 0) * share * (0.8 + ((n.position * 7 + i * 3) % 9) * 0.05)),
      })),
    ),
  );
}
