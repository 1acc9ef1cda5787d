import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "../db/client.js";
import { indicators, planIndicators, planNodes, plans } from "../db/schema/index.js";
import type { RatioFactor } from "../domain/index.js";

/**
 * The demo's indicator definitions over the Laporan Bulanan Puskesmas, each linked ("dari data") to the
 * RAK indicator of the same meaning. Invented for the demo, so every name says "(contoh)". Deaths are
 * counts that add up; levels measured at the bulan timbang (stunting, wasting) or held on a register
 * (kelurahan UCI, ODHA) take the latest month; coverages sum numerators and denominators. Incidence
 * rates are annualised (× 12 months) so a quarter compares with the RAK's yearly target.
 */
export interface DemoDefinition {
  code: string;
  name: string;
  /** The RAK indicator it feeds. */
  rak: string;
  unit: string;
  kind: "ratio" | "count";
  factor?: RatioFactor;
  polarity: "higher" | "lower";
  timeAggregation: "sum" | "latest" | "mean";
  numerator: string;
  denominator?: string;
}

const count = (code: string, name: string, rak: string, element: string): DemoDefinition => ({
  code,
  name,
  rak,
  unit: "kasus",
  kind: "count",
  polarity: "lower",
  timeAggregation: "sum",
  numerator: `#{${element}}`,
});

export const metroDefinitions: DemoDefinition[] = [
  count("MTR.KI.01", "Jumlah kematian ibu (contoh)", "Jumlah kasus kematian ibu", "KEMATIAN_IBU"),
  count("MTR.KA.01", "Jumlah kematian bayi (contoh)", "Jumlah kasus kematian bayi", "KEMATIAN_BAYI"),
  count(
    "MTR.KA.02",
    "Jumlah kematian neonatal (contoh)",
    "Jumlah kasus kematian neonatal",
    "KEMATIAN_NEONATAL",
  ),
  count("MTR.KA.03", "Jumlah kematian balita (contoh)", "Jumlah kasus kematian balita", "KEMATIAN_BALITA"),
  {
    code: "MTR.GZ.01",
    name: "Prevalensi stunting balita diukur (contoh)",
    rak: "Prevalensi stunting pada anak balita",
    unit: "%",
    kind: "ratio",
    factor: 100,
    polarity: "lower",
    timeAggregation: "latest",
    numerator: "#{BALITA_STUNTING}",
    denominator: "#{BALITA_DIUKUR}",
  },
  {
    code: "MTR.GZ.02",
    name: "Persentase balita wasting (contoh)",
    rak: "Persentase balita wasting",
    unit: "%",
    kind: "ratio",
    factor: 100,
    polarity: "lower",
    timeAggregation: "latest",
    numerator: "#{BALITA_WASTING}",
    denominator: "#{BALITA_DIUKUR}",
  },
  {
    code: "MTR.GZ.03",
    name: "Persentase ibu hamil KEK (contoh)",
    rak: "Persentase ibu hamil KEK",
    unit: "%",
    kind: "ratio",
    factor: 100,
    polarity: "lower",
    timeAggregation: "sum",
    numerator: "#{BUMIL_KEK}",
    denominator: "#{BUMIL_SASARAN}",
  },
  {
    code: "MTR.GZ.04",
    name: "Persentase ibu hamil anemia (contoh)",
    rak: "Persentase anemia pada ibu hamil",
    unit: "%",
    kind: "ratio",
    factor: 100,
    polarity: "lower",
    timeAggregation: "sum",
    numerator: "#{BUMIL_ANEMIA}",
    denominator: "#{BUMIL_SASARAN}",
  },
  {
    code: "MTR.KI.02",
    name: "Cakupan persalinan di faskes (contoh)",
    rak: "Cakupan persalinan di fasilitas kesehatan",
    unit: "%",
    kind: "ratio",
    factor: 100,
    polarity: "higher",
    timeAggregation: "sum",
    numerator: "#{PERSALINAN_FASKES}",
    denominator: "#{BULIN_SASARAN}",
  },
  {
    code: "MTR.IM.01",
    name: "Cakupan imunisasi dasar lengkap (contoh)",
    rak: "Cakupan Imunisasi Dasar Lengkap (IDL)",
    unit: "%",
    kind: "ratio",
    factor: 100,
    polarity: "higher",
    timeAggregation: "sum",
    numerator: "#{BAYI_IDL}",
    denominator: "#{BAYI_SASARAN}",
  },
  {
    code: "MTR.IM.02",
    name: "Persentase kelurahan UCI (contoh)",
    rak: "Cakupan Kelurahan UCI (Universal Child Immunisation)",
    unit: "%",
    kind: "ratio",
    factor: 100,
    polarity: "higher",
    timeAggregation: "latest",
    numerator: "#{KELURAHAN_UCI}",
    denominator: "#{KELURAHAN_WILAYAH}",
  },
  {
    code: "MTR.P2.01",
    name: "Angka keberhasilan pengobatan TB (contoh)",
    rak: "Angka keberhasilan pengobatan Tuberkulosis (success rate)",
    unit: "%",
    kind: "ratio",
    factor: 100,
    polarity: "higher",
    timeAggregation: "sum",
    numerator: "#{TB_BERHASIL}",
    denominator: "#{TB_DIEVALUASI}",
  },
  {
    code: "MTR.P2.02",
    name: "Insiden TB disetahunkan (contoh)",
    rak: "Insiden Tuberkulosis",
    unit: "per 100.000 penduduk",
    kind: "ratio",
    factor: 100000,
    polarity: "lower",
    timeAggregation: "sum",
    numerator: "#{TB_KASUS_BARU} * 12",
    denominator: "#{PENDUDUK}",
  },
  {
    code: "MTR.PTM.01",
    name: "Hipertensi pada penduduk ≥ 15 tahun diskrining (contoh)",
    rak: "Prevalensi tekanan darah tinggi pada penduduk usia > 15 tahun",
    unit: "%",
    kind: "ratio",
    factor: 100,
    polarity: "lower",
    timeAggregation: "sum",
    numerator: "#{HIPERTENSI_DITEMUKAN}",
    denominator: "#{USIA_15_DIUKUR_TD}",
  },
  {
    code: "MTR.P2.03",
    name: "Incidence rate DBD disetahunkan (contoh)",
    rak: "Angka kesakitan (incidence rate) DBD",
    unit: "per 100.000 penduduk",
    kind: "ratio",
    factor: 100000,
    polarity: "lower",
    timeAggregation: "sum",
    numerator: "#{DBD_KASUS} * 12",
    denominator: "#{PENDUDUK}",
  },
  {
    code: "MTR.P2.04",
    name: "Prevalensi ODHA terhadap penduduk (contoh)",
    rak: "Prevalensi HIV/AIDS",
    unit: "%",
    kind: "ratio",
    factor: 100,
    polarity: "lower",
    timeAggregation: "latest",
    numerator: "#{ODHA}",
    denominator: "#{PENDUDUK}",
  },
];

/** Inserts the definitions in one statement and links each Metro 2024 RAK indicator to its own. */
export async function insertMetroDefinitions(tx: Tx, districtId: string): Promise<void> {
  const created = await tx
    .insert(indicators)
    .values(
      metroDefinitions.map((d) => ({
        code: d.code,
        name: d.name,
        unit: d.unit,
        kind: d.kind,
        factor: d.factor ?? null,
        polarity: d.polarity,
        timeAggregation: d.timeAggregation,
        numerator: d.numerator,
        denominator: d.denominator ?? null,
        definition: "Definisi contoh untuk data demo Kota Metro, dari Laporan Bulanan Puskesmas.",
        ownerOrgUnitId: districtId,
      })),
    )
    .returning({ id: indicators.id, code: indicators.code });
  const idOf = new Map(created.map((c) => [c.code, c.id]));
  const rows = await tx
    .select({ id: planIndicators.id, name: indicators.name })
    .from(planIndicators)
    .innerJoin(indicators, eq(indicators.id, planIndicators.indicatorId))
    .innerJoin(planNodes, eq(planNodes.id, planIndicators.planNodeId))
    .innerJoin(plans, eq(plans.id, planNodes.planId))
    .where(
      and(
        eq(plans.orgUnitId, districtId),
        eq(plans.year, 2024),
        inArray(
          indicators.name,
          metroDefinitions.map((d) => d.rak),
        ),
      ),
    );
  for (const d of metroDefinitions) {
    const ids = rows.filter((r) => r.name === d.rak).map((r) => r.id);
    if (ids.length === 0) throw new Error(`RAK indicator ${d.rak} missing`);
    await tx
      .update(planIndicators)
      .set({ definitionId: idOf.get(d.code) as string })
      .where(inArray(planIndicators.id, ids));
  }
}
