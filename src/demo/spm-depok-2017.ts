/**
 * Seed 004 — Peraturan Wali Kota Depok Nomor 57 Tahun 2017 tentang Indikator Bidang Kesehatan,
 * Lampiran I: the 12 jenis pelayanan with pernyataan standar, indicator and yearly targets, as printed
 * (typos such as "Presentase" and "kesehatansesuai" included), with Lampiran II's texts and its formulas
 * as expressions. Numerators read data elements; `.PEMERINTAH` / `.SWASTA` after an element is the
 * provider group of the facility that reported it, so "pemerintah dan swasta" is written out as the
 * regulation says. Denominators read target populations (spm/populations.ts); `ESTIMASI_<CODE>` is
 * penduduk ≥ 15 tahun × the prevalence CODE, itself data with its source. spm-depok-2017.test.ts checks
 * the texts against the seed.
 */
import { lampiran2, type SpmServiceTexts } from "./spm-depok-2017-lampiran2.js";

export interface SpmServiceRow extends SpmServiceTexts {
  number: number;
  name: string;
  standardStatement: string;
  indicator: string;
  /** Lampiran II's formula as expressions over data elements; × 100%. */
  numerator: string;
  denominator: string;
  /** Service 5 is measured per school year (tahun ajaran); the rest per calendar year. */
  periodType: "year" | "school_year";
  targets: Record<number, string>;
}

const everyYear100 = { 2017: "100", 2018: "100", 2019: "100", 2020: "100", 2021: "100" };

const service = (
  number: number,
  name: string,
  standardStatement: string,
  indicator: string,
  [numerator, denominator, periodType = "year"]: [string, string, SpmServiceRow["periodType"]?],
): SpmServiceRow => ({
  number,
  name,
  standardStatement,
  indicator,
  numerator,
  denominator,
  periodType,
  targets: everyYear100,
  ...(lampiran2[number] as SpmServiceTexts),
});

export const spmDepok2017 = {
  code: "PERWAL-DEPOK-57-2017",
  name: "Indikator Bidang Kesehatan Kota Depok",
  regulation: "Peraturan Wali Kota Depok Nomor 57 Tahun 2017",
  issuedDate: "2017-12-11",
  orgUnitName: "Dinas Kesehatan Kota Depok",
  years: [2017, 2018, 2019, 2020, 2021],
  services: [
    service(
      1,
      "Pelayanan Kesehatan Ibu Hamil",
      "Setiap ibu hamil mendapatkan pelayanan antenatal sesuai standar",
      "Persentase ibu hamil mendapatkan pelayanan ibu hamil",
      ["#{BUMIL_K4.PEMERINTAH} + #{BUMIL_K4.SWASTA}", "#{BUMIL}"],
    ),
    service(
      2,
      "Pelayanan Kesehatan Ibu Bersalin",
      "Setiap ibu bersalin mendapatkan pelayanan persalinan sesuai standar",
      "Persentase ibu bersalin mendapatkan pelayanan persalinan",
      ["#{BULIN_FASYANKES.PEMERINTAH} + #{BULIN_FASYANKES.SWASTA}", "#{BULIN}"],
    ),
    service(
      3,
      "Pelayanan Kesehatan Bayi Baru Lahir",
      "Setiap bayi baru lahir mendapatkan pelayanan kesehatansesuai standar",
      "Presentase bayi baru lahir usia 0-28 hari mendapatkan pelayanan kesehatan bayi baru lahir sesuai standar",
      ["#{BBL_KN_LENGKAP}", "#{BBL}"],
    ),
    service(
      4,
      "Pelayanan Kesehatan Balita",
      "Setiap balita mendapatkan pelayanan kesehatan sesuai standar",
      "Persentase anak usia 0-59 bulan yang mendapatkan pelayanan kesehatan balita sesuai standar",
      ["#{BALITA_DILAYANI_STANDAR}", "#{BALITA}"],
    ),
    service(
      5,
      "Pelayanan Kesehatan pada Usia Pendidikan Dasar",
      "Setiap anak pada usia pendidikan dasar mendapatkan pelayanan skrining kesehatan sesuai standar",
      "Persentase anak usia pendidikan dasar yang mendapatkan skrining kesehatan sesuai standar",
      [
        "#{SISWA_KELAS_1_DISKRINING} + #{SISWA_KELAS_7_DISKRINING}",
        "#{SISWA_KELAS_1} + #{SISWA_KELAS_7}",
        "school_year",
      ],
    ),
    service(
      6,
      "Pelayanan Kesehatan pada Usia Produktif",
      "Setiap warga negara Indonesia usia 15 s.d. 59 tahun mendapatkan skrining kesehatan sesuai standar",
      "Persentase warga negara usia 15-59 tahun mendapatkan skrining kesehatan sesuai standar",
      ["#{USIA_15_59_DISKRINING}", "#{PENDUDUK_15_59}"],
    ),
    service(
      7,
      "Pelayanan Kesehatan pada Usia Lanjut",
      "Setiap warga negara Indonesia usia 60 tahun ke atas mendapatkan skrining kesehatan sesuai standar",
      "Persentase warga negara usia 60 tahun keatas mendapatkan skrining kesehatan sesuai standar",
      ["#{USIA_60_PLUS_DISKRINING}", "#{LANSIA}"],
    ),
    service(
      8,
      "Pelayanan Kesehatan Penderita Hipertensi",
      "Setiap penderita Hipertensi mendapatkan pelayanan kesehatan sesuai standar",
      "Persentase penderita hipertensi mendapat pelayanan kesehatan sesuai standar",
      ["#{HT_DILAYANI_STANDAR}", "#{ESTIMASI_HIPERTENSI}"],
    ),
    service(
      9,
      "Pelayanan Kesehatan Penderita Diabetes Melitus (DM)",
      "Setiap penderita DM mendapatkan pelayanan kesehatan sesuai standar",
      "Persentase penyandang DM yang mendapatkan pelayanan kesehatan sesuai standar",
      ["#{DM_DILAYANI_STANDAR}", "#{ESTIMASI_DM}"],
    ),
    service(
      10,
      "Pelayanan Kesehatan Orang dengan Gangguan Jiwa (ODGJ) Berat",
      "Setiap ODGJ mendapatkan pelayanan kesehatan sesuai standar",
      "Persentase ODGJ berat yang mendapatkan pelayanan kesehatan jiwa sesuai standar",
      ["#{ODGJ_BERAT_DILAYANI_STANDAR}", "#{ODGJ_BERAT}"],
    ),
    service(
      11,
      "Pelayanan Kesehatan Orang dengan Tuberkulosis (TB)",
      "Setiap orang dengan TB mendapatkan pelayanan kesehatan sesuai standar",
      "Persentase Orang dengan TB mendapatkan pelayanan TB sesuai standar",
      ["#{TB_DILAYANI_STANDAR}", "#{TB}"],
    ),
    service(
      12,
      "Pelayanan Kesehatan Orang dengan Risiko Terinfeksi HIV",
      "Setiap orang berisiko terinfeksi HIV (ibu hamil, pasien TB, pasien IMS, waria/transgender, pengguna napza, dan warga binaan lembaga pemasyarakatan) mendapatkan pemeriksaan HIV sesuai standar",
      "Persentase orang berisiko terinfeksi HIV mendapatkan pemeriksaan HIV sesuai standar",
      [
        "#{HIV_DIPERIKSA_STANDAR}",
        "#{BERISIKO_HIV_BUMIL} + #{BERISIKO_HIV_TB} + #{BERISIKO_HIV_IMS} + #{BERISIKO_HIV_WARIA} + #{BERISIKO_HIV_NAPZA} + #{BERISIKO_HIV_WBP}",
      ],
    ),
  ] satisfies SpmServiceRow[],
};
