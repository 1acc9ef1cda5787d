/**
 * Seed 004 — Peraturan Wali Kota Depok Nomor 57 Tahun 2017 tentang Indikator Bidang Kesehatan,
 * Lampiran I: the 12 jenis pelayanan with pernyataan standar, indicator and yearly targets, as printed
 * (typos such as "Presentase" and "kesehatansesuai" included). spm-depok-2017.test.ts checks it against the seed.
 */
export interface SpmServiceRow {
  number: number;
  name: string;
  standardStatement: string;
  indicator: string;
  targets: Record<number, string>;
}

const everyYear100 = { 2017: "100", 2018: "100", 2019: "100", 2020: "100", 2021: "100" };

const service = (
  number: number,
  name: string,
  standardStatement: string,
  indicator: string,
): SpmServiceRow => ({
  number,
  name,
  standardStatement,
  indicator,
  targets: everyYear100,
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
    ),
    service(
      2,
      "Pelayanan Kesehatan Ibu Bersalin",
      "Setiap ibu bersalin mendapatkan pelayanan persalinan sesuai standar",
      "Persentase ibu bersalin mendapatkan pelayanan persalinan",
    ),
    service(
      3,
      "Pelayanan Kesehatan Bayi Baru Lahir",
      "Setiap bayi baru lahir mendapatkan pelayanan kesehatansesuai standar",
      "Presentase bayi baru lahir usia 0-28 hari mendapatkan pelayanan kesehatan bayi baru lahir sesuai standar",
    ),
    service(
      4,
      "Pelayanan Kesehatan Balita",
      "Setiap balita mendapatkan pelayanan kesehatan sesuai standar",
      "Persentase anak usia 0-59 bulan yang mendapatkan pelayanan kesehatan balita sesuai standar",
    ),
    service(
      5,
      "Pelayanan Kesehatan pada Usia Pendidikan Dasar",
      "Setiap anak pada usia pendidikan dasar mendapatkan pelayanan skrining kesehatan sesuai standar",
      "Persentase anak usia pendidikan dasar yang mendapatkan skrining kesehatan sesuai standar",
    ),
    service(
      6,
      "Pelayanan Kesehatan pada Usia Produktif",
      "Setiap warga negara Indonesia usia 15 s.d. 59 tahun mendapatkan skrining kesehatan sesuai standar",
      "Persentase warga negara usia 15-59 tahun mendapatkan skrining kesehatan sesuai standar",
    ),
    service(
      7,
      "Pelayanan Kesehatan pada Usia Lanjut",
      "Setiap warga negara Indonesia usia 60 tahun ke atas mendapatkan skrining kesehatan sesuai standar",
      "Persentase warga negara usia 60 tahun keatas mendapatkan skrining kesehatan sesuai standar",
    ),
    service(
      8,
      "Pelayanan Kesehatan Penderita Hipertensi",
      "Setiap penderita Hipertensi mendapatkan pelayanan kesehatan sesuai standar",
      "Persentase penderita hipertensi mendapat pelayanan kesehatan sesuai standar",
    ),
    service(
      9,
      "Pelayanan Kesehatan Penderita Diabetes Melitus (DM)",
      "Setiap penderita DM mendapatkan pelayanan kesehatan sesuai standar",
      "Persentase penyandang DM yang mendapatkan pelayanan kesehatan sesuai standar",
    ),
    service(
      10,
      "Pelayanan Kesehatan Orang dengan Gangguan Jiwa (ODGJ) Berat",
      "Setiap ODGJ mendapatkan pelayanan kesehatan sesuai standar",
      "Persentase ODGJ berat yang mendapatkan pelayanan kesehatan jiwa sesuai standar",
    ),
    service(
      11,
      "Pelayanan Kesehatan Orang dengan Tuberkulosis (TB)",
      "Setiap orang dengan TB mendapatkan pelayanan kesehatan sesuai standar",
      "Persentase Orang dengan TB mendapatkan pelayanan TB sesuai standar",
    ),
    service(
      12,
      "Pelayanan Kesehatan Orang dengan Risiko Terinfeksi HIV",
      "Setiap orang berisiko terinfeksi HIV (ibu hamil, pasien TB, pasien IMS, waria/transgender, pengguna napza, dan warga binaan lembaga pemasyarakatan) mendapatkan pemeriksaan HIV sesuai standar",
      "Persentase orang berisiko terinfeksi HIV mendapatkan pemeriksaan HIV sesuai standar",
    ),
  ] satisfies SpmServiceRow[],
};
