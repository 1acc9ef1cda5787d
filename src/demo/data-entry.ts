import { and, eq } from "drizzle-orm";
import type { Tx } from "../db/client.js";
import {
  dataElements,
  dataSetElements,
  dataSetOrgUnits,
  dataSets,
  indicators,
  orgUnits,
} from "../db/schema/index.js";
import type { ValidationRule } from "../domain/index.js";

/** The demo's monthly puskesmas report (Laporan Bulanan), feeding some indicators of the RAK. */
const elements: Array<[code: string, name: string, section: string]> = [
  ["BUMIL_SASARAN", "Jumlah ibu hamil yang dilayani bulan ini", "Kesehatan Ibu"],
  ["BUMIL_K4", "Ibu hamil mendapat pelayanan K4 sesuai standar", "Kesehatan Ibu"],
  ["BUMIL_KEK", "Ibu hamil KEK", "Kesehatan Ibu"],
  ["BUMIL_ANEMIA", "Ibu hamil anemia", "Kesehatan Ibu"],
  ["BULIN_SASARAN", "Jumlah ibu bersalin bulan ini", "Kesehatan Ibu"],
  ["PERSALINAN_FASKES", "Persalinan di fasilitas kesehatan", "Kesehatan Ibu"],
  ["KEMATIAN_IBU", "Kematian ibu", "Kematian"],
  ["KEMATIAN_BAYI", "Kematian bayi", "Kematian"],
  ["KEMATIAN_NEONATAL", "Kematian neonatal", "Kematian"],
  ["BAYI_SASARAN", "Bayi berusia 12 bulan bulan ini", "Imunisasi dan Gizi"],
  ["BAYI_IDL", "Bayi mendapat imunisasi dasar lengkap", "Imunisasi dan Gizi"],
  ["BALITA_DIUKUR", "Balita diukur tinggi badannya", "Imunisasi dan Gizi"],
  ["BALITA_STUNTING", "Balita pendek dan sangat pendek (stunting)", "Imunisasi dan Gizi"],
];

/** What the demo's monitoring year adds to the form, for the indicators its definitions compute. */
const monitoringElements: Array<[code: string, name: string, section: string]> = [
  ["BALITA_WASTING", "Balita gizi kurang dan gizi buruk (wasting)", "Gizi, Imunisasi dan Kematian Balita"],
  ["KELURAHAN_WILAYAH", "Kelurahan di wilayah kerja", "Gizi, Imunisasi dan Kematian Balita"],
  ["KELURAHAN_UCI", "Kelurahan mencapai UCI", "Gizi, Imunisasi dan Kematian Balita"],
  ["KEMATIAN_BALITA", "Kematian balita", "Gizi, Imunisasi dan Kematian Balita"],
  ["PENDUDUK", "Jumlah penduduk wilayah kerja", "Penyakit Menular"],
  ["TB_KASUS_BARU", "Kasus TB baru ditemukan", "Penyakit Menular"],
  ["TB_DIEVALUASI", "Pasien TB kohort yang dievaluasi hasil pengobatannya", "Penyakit Menular"],
  ["TB_BERHASIL", "Pasien TB sembuh atau pengobatan lengkap", "Penyakit Menular"],
  ["DBD_KASUS", "Kasus DBD", "Penyakit Menular"],
  ["ODHA", "ODHA tercatat di wilayah kerja", "Penyakit Menular"],
  ["USIA_15_DIUKUR_TD", "Penduduk ≥ 15 tahun diukur tekanan darahnya", "Penyakit Tidak Menular"],
  ["HIPERTENSI_DITEMUKAN", "Penduduk ≥ 15 tahun dengan tekanan darah tinggi", "Penyakit Tidak Menular"],
];

const notAbove = (code: string, part: string, whole: string, id: string, en: string): ValidationRule => ({
  code,
  left: `#{${part}}`,
  operator: "<=",
  right: `#{${whole}}`,
  severity: "error",
  message: { id, en },
});

const rules: ValidationRule[] = [
  notAbove(
    "K4_LE_BUMIL",
    "BUMIL_K4",
    "BUMIL_SASARAN",
    "K4 melebihi jumlah ibu hamil.",
    "K4 exceeds the pregnant women.",
  ),
  notAbove(
    "KEK_LE_BUMIL",
    "BUMIL_KEK",
    "BUMIL_SASARAN",
    "Ibu hamil KEK melebihi jumlah ibu hamil.",
    "KEK exceeds pregnant women.",
  ),
  notAbove(
    "FASKES_LE_BULIN",
    "PERSALINAN_FASKES",
    "BULIN_SASARAN",
    "Persalinan di faskes melebihi ibu bersalin.",
    "Facility births exceed births.",
  ),
  notAbove(
    "IDL_LE_BAYI",
    "BAYI_IDL",
    "BAYI_SASARAN",
    "IDL melebihi jumlah bayi.",
    "Complete immunisation exceeds infants.",
  ),
  notAbove(
    "STUNTING_LE_DIUKUR",
    "BALITA_STUNTING",
    "BALITA_DIUKUR",
    "Stunting melebihi balita diukur.",
    "Stunting exceeds measured children.",
  ),
  {
    code: "NEONATAL_LE_BAYI",
    left: "#{KEMATIAN_NEONATAL}",
    operator: "<=",
    right: "#{KEMATIAN_BAYI}",
    severity: "warning",
    message: {
      id: "Kematian neonatal lebih banyak dari kematian bayi: periksa kembali dan beri keterangan.",
      en: "More neonatal than infant deaths: check and add a comment.",
    },
  },
];

const monitoringRules: ValidationRule[] = [
  notAbove(
    "WASTING_LE_DIUKUR",
    "BALITA_WASTING",
    "BALITA_DIUKUR",
    "Wasting melebihi balita diukur.",
    "Wasting exceeds measured children.",
  ),
  notAbove(
    "UCI_LE_KELURAHAN",
    "KELURAHAN_UCI",
    "KELURAHAN_WILAYAH",
    "Kelurahan UCI melebihi kelurahan di wilayah kerja.",
    "UCI kelurahan exceed the kelurahan of the area.",
  ),
  notAbove(
    "TB_BERHASIL_LE_DIEVALUASI",
    "TB_BERHASIL",
    "TB_DIEVALUASI",
    "Pasien TB berhasil diobati melebihi yang dievaluasi.",
    "Successfully treated TB patients exceed those evaluated.",
  ),
  notAbove(
    "HT_LE_DIUKUR",
    "HIPERTENSI_DITEMUKAN",
    "USIA_15_DIUKUR_TD",
    "Hipertensi melebihi penduduk yang diukur tekanan darahnya.",
    "Hypertension exceeds the people measured.",
  ),
];

/** Which RAK indicators the form feeds, as expressions over its data elements. */
const feeds: Array<[name: string, numerator: string, denominator: string | null]> = [
  ["Jumlah kasus kematian ibu", "#{KEMATIAN_IBU}", null],
  ["Jumlah kasus kematian bayi", "#{KEMATIAN_BAYI}", null],
  ["Jumlah kasus kematian neonatal", "#{KEMATIAN_NEONATAL}", null],
  ["Cakupan persalinan di fasilitas kesehatan", "#{PERSALINAN_FASKES}", "#{BULIN_SASARAN}"],
  ["Cakupan Imunisasi Dasar Lengkap (IDL)", "#{BAYI_IDL}", "#{BAYI_SASARAN}"],
  ["Prevalensi stunting pada anak balita", "#{BALITA_STUNTING}", "#{BALITA_DIUKUR}"],
  ["Persentase ibu hamil KEK", "#{BUMIL_KEK}", "#{BUMIL_SASARAN}"],
  ["Persentase anemia pada ibu hamil", "#{BUMIL_ANEMIA}", "#{BUMIL_SASARAN}"],
];

/** Creates the form and its elements; returns the data set's id. */
export async function insertDemoDataEntry(tx: Tx, districtId: string, monitoring: boolean): Promise<string> {
  const form = monitoring ? [...elements, ...monitoringElements] : elements;
  const created = await tx
    .insert(dataElements)
    .values(form.map(([code, name]) => ({ code, name, ownerOrgUnitId: districtId })))
    .returning({ id: dataElements.id, code: dataElements.code });
  const idOf = new Map(created.map((e) => [e.code, e.id]));
  const [dataSet] = await tx
    .insert(dataSets)
    .values({
      code: "LB-PUSKESMAS",
      name: "Laporan Bulanan Puskesmas",
      periodType: "month",
      deadlineDays: 10,
      ownerOrgUnitId: districtId,
      rules: monitoring ? [...rules, ...monitoringRules] : rules,
    })
    .returning({ id: dataSets.id });
  if (!dataSet) throw new Error("data set insert returned nothing");
  await tx.insert(dataSetElements).values(
    form.map(([code, , section], position) => ({
      dataSetId: dataSet.id,
      dataElementId: idOf.get(code) as string,
      position,
      section,
    })),
  );
  const puskesmas = await tx
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.districtId, districtId), eq(orgUnits.type, "puskesmas")));
  await tx.insert(dataSetOrgUnits).values(puskesmas.map((u) => ({ dataSetId: dataSet.id, orgUnitId: u.id })));
  for (const [name, numerator, denominator] of feeds) {
    await tx.update(indicators).set({ numerator, denominator }).where(eq(indicators.name, name));
  }
  return dataSet.id;
}
