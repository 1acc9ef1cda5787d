import type { RakDocument, RakIndicatorRow } from "../plans/rak-document.js";

/**
 * Seed 000 — Rencana Aksi Kinerja Dinas Kesehatan Kota Metro Tahun 2024, row by row as printed.
 * Targets stay as written (decimal point as in the document, "-" for no target, "11 dan 2" compound);
 * budgets are whole Rupiah, null where the document prints none. rak-metro-2024.test.ts checks every
 * value against the seed text so this file cannot drift from the document.
 */

const row = (name: string, unit: string, target: string, q: string): RakIndicatorRow => {
  const quarters = q.split(" ");
  if (quarters.length !== 4) throw new Error(`four quarters expected for ${name}`);
  return { name, unit, target, quarters: quarters as RakIndicatorRow["quarters"] };
};

const pct100 = (name: string) => row(name, "%", "100", "25 25 25 25");

const lower = (r: RakIndicatorRow): RakIndicatorRow => ({ ...r, polarity: "lower" });

export const rakMetro2024: RakDocument = {
  title: "Rencana Aksi Kinerja Dinas Kesehatan Kota Metro Tahun 2024",
  orgUnitName: "Dinas Kesehatan Kota Metro",
  year: 2024,
  signatory: {
    position: "Kepala Dinas Kesehatan Kota Metro",
    name: "Dr. EKO HENDRO SAPUTRA, ST.M.Kes",
    nip: "19720310 199703 1 006",
  },
  sasaran: [
    {
      name: "Meningkatnya upaya kesehatan perorangan dan upaya kesehatan masyarakat",
      budget: 343_221_061_270,
      indicators: [
        row("Angka Harapan Hidup", "angka", "72.18", "- - - 72.18"),
        row("Persentase Peserta Jaminan Kesehatan Nasional (JKN)", "%", "98", "24.5 24.5 24.5 24.5"),
        lower(row("Jumlah kasus kematian ibu", "kasus", "2", "- 1 - 1")),
        lower(row("Jumlah kasus kematian bayi", "kasus", "10", "2 3 2 3")),
        lower(row("Prevalensi stunting pada anak balita", "%", "8.5", "2.13 2.13 2.13 2.13")),
        row(
          "Angka keberhasilan pengobatan Tuberkulosis (success rate)",
          "%",
          "95",
          "23.75 23.75 23.75 23.75",
        ),
      ],
      programs: [
        {
          name: "Program Penunjang Urusan Pemerintah Daerah Kabupaten/ Kota",
          budget: 288_199_777_013,
          indicators: [pct100("Cakupan pelayanan administrasi perangkat daerah")],
          kegiatan: [
            {
              name: "Kegiatan Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
              budget: 171_605_400,
              indicators: [
                row(
                  "Jumlah dokumen perencanaan, penganggaran, dan evaluasi kinerja OPD",
                  "dokumen",
                  "14",
                  "6 2 3 3",
                ),
              ],
            },
            {
              name: "Kegiatan Administrasi Keuangan Perangkat Daerah",
              budget: 63_114_056_198,
              indicators: [pct100("Persentase terpenuhinya administrasi keuangan perangkat daerah")],
            },
            {
              name: "Kegiatan Administrasi Kepegawaian Perangkat Daerah",
              budget: 70_000_000,
              indicators: [pct100("Persentase terpenuhinya administrasi kepegawaian perangkat daerah")],
            },
            {
              name: "Kegiatan Administrasi Umum Perangkat Daerah",
              budget: 269_691_000,
              indicators: [
                row("Jumlah penyediaan administrasi umum perangkat daerah", "bulan", "12", "3 3 3 3"),
              ],
            },
            {
              name: "Kegiatan Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
              budget: 270_451_181,
              indicators: [
                row("Jumlah penyediaan jasa penunjang urusan pemerintah daerah", "bulan", "12", "3 3 3 3"),
              ],
            },
            {
              name: "Kegiatan Pengadaan Barang Milik Daerah Penunjang urusan Pemerintah Daerah",
              budget: 9_001_073_886,
              indicators: [row("Jumlah jenis pengandaan barang milik daerah", "jenis", "4", "1 1 1 1")],
            },
            {
              name: "Kegiatan Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
              budget: 4_085_477_750,
              indicators: [row("Jumlah pemeliharaan barang-barang milik daerah", "bulan", "12", "3 3 3 3")],
            },
            {
              name: "Peningkatan Pelayanan BLUD",
              budget: 211_217_421_598,
              indicators: [
                row(
                  "Jumlah BLUD yang menyediakan pelayanan dan penunjang pelayanan",
                  "puskesmas dan rsud",
                  "11 dan 2",
                  "3 3 3 4",
                ),
              ],
            },
          ],
        },
        {
          // The PDF breaks this name over a page: "… Upaya Kesehatan" / "Masyarakat".
          name: "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat",
          budget: 51_205_355_475,
          indicators: [
            lower(row("Jumlah kasus kematian neonatal", "kasus", "9", "2 2 2 3")),
            lower(row("Jumlah kasus kematian balita", "kasus", "12", "3 3 3 3")),
            lower(row("Persentase balita wasting", "%", "5.6", "1.4 1.4 1.4 1.4")),
            lower(row("Persentase ibu hamil KEK", "%", "12", "3 3 3 3")),
            lower(row("Persentase anemia pada ibu hamil", "%", "18", "4.5 4.5 4.5 4.5")),
            pct100("Cakupan persalinan di fasilitas kesehatan"),
            row("Cakupan Imunisasi Dasar Lengkap (IDL)", "%", "95", "23.75 23.75 23.75 23.75"),
            pct100("Cakupan Kelurahan UCI (Universal Child Immunisation)"),
            lower(row("Insiden Tuberkulosis", "per 100.000 penduduk", "194.39", "48.59 48.59 48.59 48.59")),
            lower(
              row(
                "Prevalensi tekanan darah tinggi pada penduduk usia > 15 tahun",
                "%",
                "12.99",
                "3.25 3.25 3.25 3.24",
              ),
            ),
            lower(
              row(
                "Angka kesakitan (incidence rate) DBD",
                "per 100.000 penduduk",
                "67.81",
                "16.95 16.95 16.95 16.95",
              ),
            ),
            lower(row("Prevalensi HIV/AIDS", "%", "0.013", "0.003 0.003 0.003 0.003")),
            row(
              "Persentase Fasilitas Kesehatan Tingkat Pertama (FKTP) terakreditasi",
              "%",
              "81.8",
              "20.45 20.45 20.45 20.45",
            ),
          ],
          kegiatan: [
            {
              name: "Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Kabupaten/Kota",
              budget: 19_251_846_945,
              indicators: [
                row(
                  "Jumlah pemenuhan dan pemerataan penyediaan sarana, prasarana, dan alat kesehatan",
                  "bulan",
                  "12",
                  "3 3 3 3",
                ),
              ],
            },
            {
              name: "Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota",
              budget: 31_401_368_330,
              indicators: [pct100("Persentase Standar Pelayanan Minimal Kesehatan")],
            },
            {
              name: "Penyelenggaraan Sistem Informasi Kesehatan secara Terintegrasi",
              budget: 70_140_200,
              indicators: [row("Jumlah dokumen informasi kesehatan", "dokumen", "2", "- 1 - 1")],
            },
            {
              name: "Penerbitan Izin Rumah Sakit Kelas C dan D serta Fasilitas Pelayanan Kesehatan Tingkat Daerah Kabupaten/Kota",
              budget: 482_000_000,
              indicators: [pct100("Persentase fasilitas pelayanan kesehatan memiliki izin")],
            },
          ],
        },
        {
          name: "Program Peningkatan Kapasitas Sumber Daya Manusia Kesehatan",
          budget: 778_314_600,
          indicators: [
            row(
              "Persentase puskesmas dengan jenis tenaga kesehatan sesuai standar",
              "%",
              "93",
              "23 23 23 24",
            ),
          ],
          kegiatan: [
            {
              name: "Perencanaan Kebutuhan dan Pendayagunaan Sumberdaya Manusia Kesehatan untuk UKP dan UKM di Wilayah Kabupaten/Kota",
              budget: 62_100_000,
              indicators: [
                row(
                  "Jumlah puskesmas memenuhi jenis tenaga kesehatan sesuai standar",
                  "puskesmas",
                  "11",
                  "2 3 3 3",
                ),
              ],
            },
            {
              // The document prints no budget for this kegiatan.
              name: "Pengembangan Mutu dan Peningkatan Kompetensi Teknis Sumber Daya Manusia Kesehatan Tingkat Daerah Kabupaten/Kota",
              budget: null,
              indicators: [
                pct100("Persentase terlaksananya pengembangan mutu dan peningkatan kompetensi SDM kesehatan"),
              ],
            },
          ],
        },
        {
          name: "Program Sediaan Farmasi, Alat Kesehatan, dan Makanan Minuman",
          budget: 107_180_000,
          indicators: [
            row("Persentase puskesmas dengan ketersediaan obat esensial", "%", "94", "23 24 24 23"),
          ],
          kegiatan: [
            {
              name: "Penerbitan Sertifikat Produksi Pangan Industri Rumah Tangga dan Nomor P-IRT sebagai Izin Produksi, untuk Produk Makanan Minuman Tertentu yang dapat Diproduksi oleh Industri Rumah Tangga",
              budget: 72_180_000,
              indicators: [
                pct100(
                  "Persentase terpenuhinya penerbitan sertifikat bagi produksi pangan industri rumah tangga",
                ),
              ],
            },
            {
              name: "Penerbitan stiker pembinaan pada makanan jajanan dan sentra makanan jajanan",
              budget: 15_000_000,
              indicators: [
                // A "Persentase" counted in dokumen: kept as printed, flagged by the importer.
                row(
                  "Persentase Cakupan Ketercapaian Penerbitan Stiker Pembinaan Pada Makanan Jajanan dan Sentra Makanan Jajanan",
                  "dokumen",
                  "4",
                  "1 1 1 1",
                ),
              ],
            },
            {
              name: "Pemeriksaan dan Tindak Lanjut Hasil Pemeriksaan Post Market pada Produksi dan Produk Makanan Minuman Industri Rumah Tangga",
              budget: 20_000_000,
              indicators: [
                pct100("Persentase terpenuhinya pemeriksaan pada produksi makanan industri rumah tangga"),
              ],
            },
          ],
        },
        {
          name: "Program Pemberdayaan Masyarakat Bidang Kesehatan",
          budget: 1_776_391_000,
          indicators: [row("Indeks Keluarga Sehat", "angka", "0.35", "- - - 0.35")],
          kegiatan: [
            {
              name: "Advokasi, Pemberdayaan, Kemitraan, Peningkatan Peran serta Masyarakat dan Lintas Sektor Tingkat Daerah Kabupaten/Kota",
              budget: 340_591_000,
              indicators: [
                pct100("Persentase terpenuhinya advokasi dan pemberdayaan masyarakat lintas sektor"),
              ],
            },
            {
              name: "Pelaksanaan Sehat dalam rangka Promotif Preventif Tingkat Daerah Kabupaten/Kota",
              budget: 40_000_000,
              indicators: [
                row(
                  "Jumlah kelurahan melaksanakan upaya perilaku hidup bersih dan sehat",
                  "kelurahan",
                  "22",
                  "5 5 6 6",
                ),
              ],
            },
            {
              name: "Pengembangan dan Pelaksanaan Upaya Kesehatan Bersumber Daya Masyarakat (UKBM) Tingkat Daerah Kabupaten/Kota",
              budget: 1_395_800_000,
              indicators: [pct100("Persentase terpenuhinya pengembangan dan pelaksanaan UKBM")],
            },
          ],
        },
      ],
    },
  ],
};
