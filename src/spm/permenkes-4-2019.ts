/**
 * Peraturan Menteri Kesehatan Nomor 4 Tahun 2019 tentang Standar Teknis Pemenuhan Mutu Pelayanan Dasar
 * pada Standar Pelayanan Minimal Bidang Kesehatan: the 12 jenis pelayanan dasar of a kabupaten/kota.
 *
 * What is and is not from the regulation is said in the data itself (`sourceNote`, each service's
 * `formulaNote`): the regulation's title and the names of the twelve services are confirmed by the pages
 * cited below; the Lampiran's texts (pernyataan standar, definisi operasional, rumus) were not found in the
 * sources searched, so they are left empty rather than written from memory. The formulas as expressions
 * are the application's working rule — those served to standard over those who must be served — over the
 * same data elements and target populations as the Perwal Depok catalogue, so a region's monthly data
 * computes under either version.
 */
import type { CatalogueRegulation, CatalogueService } from "./catalogue-types.js";

const NOT_FOUND =
  "Teks Lampiran Permenkes 4/2019 (pernyataan standar, definisi operasional, rumus) tidak ditemukan dalam sumber yang dicari; rumus di atas adalah rumus kerja aplikasi (yang terlayani sesuai standar ÷ yang harus dilayani × 100%), bukan kutipan peraturan.";

const service = (
  number: number,
  name: string,
  numerator: string,
  denominator: string,
  periodType: CatalogueService["periodType"] = "year",
): CatalogueService => ({
  number,
  name,
  standardStatement: "",
  indicator: `Persentase capaian ${name.replace(/^Pelayanan Kesehatan /, "pelayanan kesehatan ")} sesuai standar`,
  numerator,
  denominator,
  periodType,
  targets: {},
  definition: null,
  operationalDefinition: null,
  numeratorText: null,
  denominatorText: null,
  formulaNote: NOT_FOUND,
});

export const permenkes4of2019: CatalogueRegulation = {
  code: "PERMENKES-4-2019",
  name: "Standar Teknis Pemenuhan Mutu Pelayanan Dasar pada SPM Bidang Kesehatan (kabupaten/kota)",
  regulation: "Peraturan Menteri Kesehatan Nomor 4 Tahun 2019",
  issuedDate: null,
  sourceNote:
    "Judul peraturan: https://meridianhukum.com/peraturan/permenkes-no-4-tahun-2019 (berstatus tidak berlaku, diganti Permenkes 6/2024) dan https://manajemenrumahsakit.net/2019/02/permenkes-nomor-4-tahun-2019. Teks Lampiran tidak ditemukan; tanggal penetapan tidak diketahui. Permenkes 6/2024 belum dimuat karena teksnya tidak ditemukan.",
  services: [
    service(1, "Pelayanan Kesehatan Ibu Hamil", "#{BUMIL_K4}", "#{BUMIL}"),
    service(2, "Pelayanan Kesehatan Ibu Bersalin", "#{BULIN_FASYANKES}", "#{BULIN}"),
    service(3, "Pelayanan Kesehatan Bayi Baru Lahir", "#{BBL_KN_LENGKAP}", "#{BBL}"),
    service(4, "Pelayanan Kesehatan Balita", "#{BALITA_DILAYANI_STANDAR}", "#{BALITA}"),
    service(
      5,
      "Pelayanan Kesehatan pada Usia Pendidikan Dasar",
      "#{SISWA_KELAS_1_DISKRINING} + #{SISWA_KELAS_7_DISKRINING}",
      "#{SISWA_KELAS_1} + #{SISWA_KELAS_7}",
      "school_year",
    ),
    service(6, "Pelayanan Kesehatan pada Usia Produktif", "#{USIA_15_59_DISKRINING}", "#{PENDUDUK_15_59}"),
    service(7, "Pelayanan Kesehatan pada Usia Lanjut", "#{USIA_60_PLUS_DISKRINING}", "#{LANSIA}"),
    service(
      8,
      "Pelayanan Kesehatan Penderita Hipertensi",
      "#{HT_DILAYANI_STANDAR}",
      "#{ESTIMASI_HIPERTENSI}",
    ),
    service(9, "Pelayanan Kesehatan Penderita Diabetes Melitus", "#{DM_DILAYANI_STANDAR}", "#{ESTIMASI_DM}"),
    service(
      10,
      "Pelayanan Kesehatan Orang dengan Gangguan Jiwa Berat",
      "#{ODGJ_BERAT_DILAYANI_STANDAR}",
      "#{ODGJ_BERAT}",
    ),
    service(11, "Pelayanan Kesehatan Orang Terduga Tuberkulosis", "#{TB_DILAYANI_STANDAR}", "#{TB}"),
    service(
      12,
      "Pelayanan Kesehatan Orang dengan Risiko Terinfeksi Virus yang Melemahkan Daya Tahan Tubuh Manusia (HIV)",
      "#{HIV_DIPERIKSA_STANDAR}",
      "#{BERISIKO_HIV_BUMIL} + #{BERISIKO_HIV_TB} + #{BERISIKO_HIV_IMS} + #{BERISIKO_HIV_WARIA} + #{BERISIKO_HIV_NAPZA} + #{BERISIKO_HIV_WBP}",
    ),
  ],
};
