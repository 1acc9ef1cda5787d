/**
 * Seed 004, Lampiran II — Pengertian, Definisi Operasional and the words of each Rumus Perhitungan Kinerja
 * of the 12 services, as printed (typos such as "Pemerintsh" kept; the PDF's list dashes and italics
 * dropped, one list item a line). spm-depok-2017.test.ts checks every text against the seed.
 */
export interface SpmServiceTexts {
  definition: string;
  operationalDefinition: string;
  numeratorText: string;
  denominatorText: string;
  formulaNote: string | null;
}

export const lampiran2: Record<number, SpmServiceTexts> = {
  1: {
    definition:
      "a. Pelayanan antenatal sesuai standar adalah pelayanan yang diberikan kepada ibu hamil minimal 4 kali selama masa kehamilan dengan jadwal satu kali pada trimester pertama, satu kali pada trimester kedua dan dua kali pada trimester ketiga yang dilakukan oleh Bidan dan atau Dokter dan atau Dokter Spesialis Kebidanan baik yang bekerja di fasilitas pelayanan kesehatan (fasyankes) pemerintah maupun swasta yang memiliki Surat Tanda Registrasi (STR).\nb. Yang disebut dengan standar pelayanan antenatal adalah pelayanan yang dilakukan kepala Ibu Hamil dengan memenuhi kriteria 10 T yaitu:\n1) Timbang berat badan dan ukur tinggi badan;\n2) Ukur tekanan darah;\n3) Nilai status gizi (ukur Lingkar Lengan Atas/LILA);\n4) Ukur tinggi puncak rahim (fundus uteri);\n5) Tentukan presentasi janin dan Denyut Jantung Janin (DJJ);\n6) Skrining status imunisasi tetanus dan berikan imunisasi Tetanus Toxoid (TT) bila diperlukan;\n7) Pemberian tablet tambah darah minimal 90 tablet selama masa kehamilan;\n8) Tes laboratorium yang pemberian pelayanannya disesuaikan dengan trimester kehamilan, yaitu : tes kehamilan, pemeriksaan hemoglobin darah (Hb), pemeriksaan golongan darah (bila belum pernah dilakukan sebelumnya), pemeriksaan protein urin (bila ada indikasi);\n9) Tatalaksana/penanganan kasus sesuai kewenangan;\n10) x. Temu wicara (konseling).",
    operationalDefinition:
      "Capaian kinerja Pemerintsh Daerah Kota dalam memberikan pelayanan kesehatan ibu hamil dinilai dari cakupan pelayanan kesehatan Ibu Hamil (K4) sesuai standar di wilayah Kota dalam kurun waktu satu tahun.",
    numeratorText: "Jumlah Ibu Hamil yang mendapatkan pelayanan K4 di fasyankes milik pemerintah dan swasta",
    denominatorText: "Jumlah seluruh Ibu Hamil di wilayah Kota dalam kurun waktu satu tahun yang sama",
    formulaNote: null,
  },
  2: {
    definition:
      "a. Pelayanan persalinan sesuai standar adalah persalinan yang dilakukan oleh Bidan dan atau Dokter dan atau Dokter Spesialis Kebidanan yang bekerja di fasyankes pemerintah maupun swasta yang memiliki STR baik persalinan normal dan atau persalinan dengan komplikasi.\nb. Fasyankes meliputi Polindes, Poskesdes, Pustu, Puskesmas, Bidan Praktik Mandiri, Klinik, Rumah Sakit milik pemerintah maupun swasta.\nc. Standar pelayanan persalinan normal mengikuti acuan Asuhan Persalinan Normal yang tercantum dalam Peraturan Menteri Kesehatan Nomor 97 Tahun 2014 tentang Pelayanan Kesehatan Masa Sebelum Hamil, Masa Hamil, Persalinan, dan Masa Sesudah Melahirkan, Penyelenggaraan Pelayanan Kontrasepsi, serta Pelayanan Kesehatan Seksual. Adapun untuk persalinan komplikasi mengikuti acuan Buku Saku Pelayanan Kesehatan Ibu di Fasilitas Kesehatan Rujukan.",
    operationalDefinition:
      "Capaian kinerja Pemerintsh Daerah Kota dalam memberikan pelayanan kesehatan ibu bersalin dinilai dari cakupan pelayanan kesehatan Ibu Bersalin sesuai standar di wilayah Kota dalam kurun waktu satu tahun.",
    numeratorText:
      "Jumlah Ibu Bersalin yang mendapatkan pelayanan persalinan sesuai standar di fasyankes milik pemerintah dan swasta",
    denominatorText: "Jumlah semua Ibu Bersalin yang ada di wilayah Kota dalam kurun waktu satu tahun",
    formulaNote: null,
  },
  3: {
    definition:
      "a. Pelayanan kesehatan bayi baru lahir sesuai standar adalah pelayanan yang diberikan pada bayi usia 0 – 28 hari dan mengacu kepada Pelayanan Neonatal Esensial sesuai yang tercantum dalam Peraturan Menteri Kesehatan Nomor 25 Tahun 2014 tentang Upaya Kesehatan Anak, dilakukan oleh Bidan dan atau Perawat dan atau Dokter dan atau Dokter Spesialis Anak yang memiliki STR.\nb. Pelayanan dilakukan di fasyankes (Polindes, Poskesdes, Pustu, Puskesmas, Bidan Praktik Mandiri, Klinik, Rumah Sakit milik pemerintah maupun swasta), Posyandu dan atau kunjungan rumah.",
    operationalDefinition:
      "Capaian kinerja Pemerintsh Daerah Kota dalam memberikan paket pelayanan kesehatan bayi baru lahir dinilai dari persentase jumlah bayi baru lahir usia 0 – 28 hari yang mendapatkan pelayanan kesehatan bayi baru lahir sesuai standar di wilayah Kota dalam kurun waktu satu tahun.",
    numeratorText:
      "Jumlah bayi baru lahir usia 0 – 28 hari yang mendapatkan pelayanan kesehatan bayi baru lahir sesuai dengan standar",
    denominatorText: "Jumlah semua bayi baru lahir di wilayah Kota dalam kurun waktu satu tahun",
    formulaNote: null,
  },
  4: {
    definition:
      "a. Pelayanan kesehatan Balita sesuai standar adalah pelayanan kesehatan yang diberikan kepada anak berusia 11 – 59 bulan dan dilakukan oleh Bidan dan atau Perawat dan atau Dokter/DLP dan atau Dokter Spesialis Anak yang memiliki STR dan diberikan di fasyankes pemerintah maupun swasta, dan Usaha Kesehatan Berbasis Masyarakat (UKBM).\nb. Pelayanan kesehatan meliputi :\n1) Penimbangan minimal 8 kali setahun, pengukuran panjang/tinggi badan minimal 2 kali setahun;\n2) Pemberian kapsul vitamin A 2 kali setahun;\n3) Pemberian imunisasi dasar lengkap ;",
    operationalDefinition:
      "Capaian kinerja Pemerintah Daerah Kota dalam memberikan pelayanan kesehatan Balita usia 11 – 59 bulan dinilai dari cakupan Balita yang mendapat pelayanan kesehatan Balita sehat sesuai standar di wilayah Kota dalam kurun waktu satu tahun.",
    numeratorText:
      "Jumlah Balita 11 – 59 bulan yang mendapatkan pelayanan kesehatan Balita sesuai dengan standar dalam kurun waktu satu tahun",
    denominatorText: "Jumlah Balita 11 – 59 bulan di wilayah Kota dalam kurun waktu satu tahun",
    formulaNote: null,
  },
  5: {
    definition:
      "a. Pelayanan kesehatan usia pendidikan dasar adalah penjangkaran kesehatan yang diberikan kepada anak usia pendidikan dasar, minimal satu kali pada kelas 1 dan kelas 7 yang dilakukan oleh Puskesmas.\nb. Standar pelayanan penjangkaran kesehatan adalah pelayanan yang meliputi:\n1) Penilaian status gizi (Tinggi Badan, Berat Badan, tanda klinis anemia);\n2) Penilaian tanda vital (tekanan darah, frekuensi nadi dan nafas);\n3) Penilaian kesehatan gigi dan mulut;\n4) Penilaian ketajaman indera penglihatan dengan poster Snellen;\n5) Penilaian ketajaman indera pendengaran dengan garpu tala.\nc. Semua anak usia pendidikan dasar di wilayah Kota adalah semua peserta didik kelas 1 dan kelas 7 di satuan pendidikan dasar yang berada di wilayah Kota.",
    operationalDefinition:
      "Capaian kinerja Pemerintah Daerah Kota dalam memberikan pelayanan skrining kesehatan anak usia pendidikan dasar dinilai dari cakupan pelayanan kesehatan pada usia pendidikan dasar sesuai standar di wilayah Kota dalam kurun waktu satu tahun ajaran.",
    numeratorText:
      "Jumlah anak usia pendidikan dasar kelas 1 dan 7 yang mendapat pelayanan skrining kesehatan di satuan pdd dasar",
    denominatorText:
      "Jumlah semua anak usia pendidikan dasar kelas 1 dan 7 yang ada di wilayah Kota dalam kurun waktu satu tahun ajaran",
    formulaNote: null,
  },
  6: {
    definition:
      "a. Pelayanan skrining kesehatan usia 15 – 59 tahun sesuai standar adalah:\n1) Pelayanan skrining kesehatan usia 15 – 59 tahun diberikan sesuai kewenangannya oleh Dokter, Bidan, Perawat, Nutrisionis/Tenaga Gizi dan atau petugas pelaksana Posbindu PTM terlatih;.\n2) Pelayanan skrining kesehatan usia 15 – 59 tahun dilakukan di Puskesmas dan jaringannya (Posbindu PTM) serta fasyankes lainnya yang bekerjasama dengan Pemerintah Daerah Kota;\n3) Pelayanan skrining kesehatan usia 15 – 59 tahun minimal dilakukan satu tahun sekali;\n4) Pelayanan skrining kesehatan usia 15 – 59 tahun meliputi :\na) Deteksi kemungkinan Obesitas dilakukan dengan memeriksa Tinggi Badan dan Berat Badan serta lingkar perut;\nb) Deteksi Hipertensi dengan memeriksa tekanan darah sebagai pencegahan primer;\nc) Deteksi kemungkinan Diabetes Mellitus menggunakan tes cepat gula darah;\nd) Deteksi Gangguan Mental Emosional dan Perilaku;\ne) Pemeriksaan ketajaman penglihatan;\nf) Pemeriksaan ketajaman pendengaran;\ng) Deteksi dini kanker dilakukan melalui pemeriksaan payudara klinis dan pemeriksaan IVA khusus untuk wanita usia 30 – 59 tahun.\nb. Pengunjung yang ditemukan menderita kelainan wajib ditangani atau dirujuk ke fasyankes yang mampu menanganinya.",
    operationalDefinition:
      "Capaian kinerja Pemerintah Daerah Kota dalam memberikan pelayanan skrining kesehatan warga negara usia 15 – 59 tahun dinilai dari persentase pengunjung usia 15 – 59 tahun yang mendapat pelayanan skrining kesehatan sesuai standar di wilayah Kota dalam kurun waktu satu tahun.",
    numeratorText:
      "Jumlah pengunjung usia 15-59 tahun mendapat pelayanan skrining kesehatan sesuai standar dalam kurun waktu satu tahun",
    denominatorText:
      "Jumlah warga negara usia 15-59 tahun yang ada di wilayah Kota dalam kurun waktu satu tahun",
    formulaNote: null,
  },
  7: {
    definition:
      "a. Pelayanan skrining kesehatan warga negara usia 60 tahun ke atas sesuai standar adalah:\n1) Dilakukan sesuai kewenangannya oleh Dokter, Bidan, Perawat, Nutrisionis/Tenaga Gizi dan atau kader Posyandu Lansia/Posbindu;\n2) Pelayanan skrining kesehatan dilakukan di Puskesmas dan jaringannya, fasyankes lainnya, maupun pada Kelompok Lanjut Usia (Lansia) yang bekerjasama dengan Pemerintah Daerah Kota;\n3) Pelayanan skrining kesehatan minimal dilakukan sekali setahun;\n4) Lingkup skrining adalah sebagai berikut :\n1) Deteksi Hipertensi dengan mengukur Tekanan Darah;\n2) Deteksi Diabetes Mellitus menggunakan pemeriksaan kadar gula darah;\n3) Deteksi kadar kolesterol dalam darah;\n4) Deteksi Gangguan Mental Emosional dan Perilaku, termasuk Kepikunan menggunakan Mini Cog atau Mini Mental Status Examination (MMSE)/Tes Mental Mini atau Abreviated Mental Test (AMT) dan Geriatric Depression Scale (GDS).\nb. Pengunjung yang ditemukan memiliki faktor risiko wajib dilakukan intervensi secara dini.\nc. Pengunjung yang ditemukan menderita penyakit wajib ditangani atau dirujuk ke fasyankes yang mampu menanganinya.",
    operationalDefinition:
      "Capaian kinerja Pemerintsh Daerah Kota dalam memberikan skrining kesehatan pada warga negara usia 60 tahun ke atas dinilai dari persentase pengunjung berusia 60 tahun ke atas yang mendapatkan skrining kesehatan sesuai standar minimal 1 kali di wilayah Kota dalam kurun waktu satu tahun.",
    numeratorText:
      "Jumlah pengunjung berusia 60 thn ke atas yang mendapat skrining kesehatan sesuai standar minimal 1 kali dalam kurun waktu satu tahun",
    denominatorText:
      "Jumlah semua penduduk berusia 60 tahun ke atas yang ada di wilayah Kota dalam kurun waktu satu tahun perhitungan",
    formulaNote: null,
  },
  8: {
    definition:
      "a. Sasaran adalah penduduk usia 15 tahun ke atas.\nb. Penderita Hipertensi esensial atau Hipertensi tanpa komplikasi memperoleh pelayanan kesehatan sesuai standar, dan upaya promosi kesehatan melalui modifkasi gaya hidup di Fasilitas Kesehatan Tingkat Pertama (FKTP).\nc. Penderita Hipertensi dengan komplikasi (jantung, stroke dan penyakit ginjal kronis, Diabetes Mellitus) perlu dirujuk ke Fasilitas Kesehataan Tingkat Lanjut (FKTL) yang mempunyai kompetensi untuk penanganan komplikasi.\nd. Standar pelayanan kesehatan penderita Hipertensi adalah:\n1) Mengikuti Panduan Praktik Klinik bagi Dokter di Fasilitas Kesehatan Tingkat Pertama (FKTP);\n2) Pelayanan kesehatan sesuai standar diberikan kepada penderita Hipertensi di FKTP;\n3) Pelayanan kesehatan Hipertensi sesuai standar meliputi monitoring tekanan darah, edukasi, pengaturan diet seimbang, aktifitas fisik dan pengelolaan farmakologis;\n4) Pelayanan kesehatan berstandar ini dilakukan untuk mempertahankan tekanan darah pada < 140/90 mmHg untuk usia di bawah 60 tahun dan < 150/90 mmHg untuk penderita 60 tahun ke atas dan untuk mencegah terjadinya komplikasi jantung, stroke, Diabetes Mellitus dan penyakit ginjal kronis;\n5) Selama menjalani pelayanan kesehatan sesuai standar, jika tekanan darah penderita hipertensi tidak bisa dipertahankan atau mengalami komplikasi, maka penderita perlu dirujuk ke FKTL yang berkompeten.",
    operationalDefinition:
      "Capaian kinerja Pemerintsh Daerah Kota dalam memberikan pelayanan kesehatan sesuai standar bagi penderita hipertensi dinilai dari persentase jumlah penderita hipertensi yang mendapatkan pelayanan kesehatan sesuai standar di wilayah Kota dalam kurun waktu satu tahun.",
    numeratorText:
      "Jumlah penderita Hipertensi yang mendapatkan pelayanan kesehatan sesuai standar dalam kurun waktu satu tahun",
    denominatorText:
      "Jumlah estimasi penderita Hipertensi berdasarkan angka prevalensi Kota dalam kurun waktu satu tahun pada tahun yang sama",
    formulaNote: "Estimasi penderita Hipertensi Kota berdasarkan Riskesdas tahun 2013",
  },
  9: {
    definition:
      "a. Sasaran indikator adalah penyandang DM di wilayah Kota.\nb. Penduduk yang ditemukan menderita DM atau penyandang DM memperoleh pelayanan kesehatan sesuai standar dan upaya promotif dan preventif di FKTP.\nc. Penduduk yang ditemukan menderita DM atau penyandang DM dengan komplikasi perlu dirujuk ke fasilitas kesehatan rujukan untuk penanganan selanjutnya.\nd. Pelayanan kesehatan penyandang DM diberikan sesuai kewenangannya oleh Dokter/DLP, Perawat dan atau Nutrisisionis/Tenaga Gizi.\ne. Pelayanan kesehatan diberikan kepada penyandang DM di FKTP sesuai standar meliputi 4 (empat) pilar penatalaksanaan sebagai berikut:\n1) Edukasi;\n2) Aktivitas fisik;\n3) Terapi nutrisi medis;\n4) Intervensi farmakologis.\nf. Setiap penyandang DM yang mendapatkan pelayanan sesuai standar termasuk pemeriksaan HbA1C\ng. Bagi penyandang DM yang belum menjadi peserta JKN diwajibkan menjadi peserta JKN.",
    operationalDefinition:
      "Capaian kinerja Pemerintah Daerah Kota dalam memberikan pelayanan kesehatan sesuai standar bagi penyandang DM dinilai dari persentase penyandang DM yang mendapatkan pelayanan sesuai standar di wilayah Kota dalam kurun waktu satu tahun.",
    numeratorText:
      "Jumlah penyandang DM yang mendapatkan pelayanan kesehatan sesuai standar dalam kurun waktu satu tahun",
    denominatorText:
      "Jumlah penyandang DM berdasarkan angka prevalensi DM nasional di wilayah Kota dalam kurun waktu satu tahun pada tahun yang sama",
    formulaNote: null,
  },
  10: {
    definition:
      "Pelayanan kesehatan jiwa pada ODGJ berat adalah:\na. Pelayanan promotif preventif yang bertujuan meningkatkan kesehatan jiwa ODGJ berat (psikotik) dan mencegah terjadinya kekambuhan dan pemasungan;\nb. Pelayanan kesehatan jiwa pada ODGJ diberikan oleh perawat dan dokter Puskesmas di wilayah kerjanya;\nc. Pelayanan kesehatan jiwa pada ODGJ meliputi:\n1) Edukasi dan evaluasi tentang tanda dan gejala gangguan jiwa, kepatuhan minum obat dan informasi lain terkait obat, mencegah tindakan pemasungan, kebersihan diri, sosialisasi, kegiatan rumah tangga dan aktivitas bekerja sederhana\n2) Tindakan kebersihan diri ODGJ\nd. Dalam melakukan pelayanan promotif preventif diperlukan penyediaan materi KIE dan buku kerja sederhana",
    operationalDefinition:
      "Capaian kinerja Pemerintah Daerah Kota dalam memberikan pelayanan kesehatan ODGJ berat dinilai dengan jumlah ODGJ berat (psikotik) di wilayah Kota yang mendapat pelayanan kesehatan jiwa promotif preventif sesuai standar dalam kurun waktu satu tahun.",
    numeratorText:
      "Jumlah ODGJ berat (psikotik) di wilayah Kota yang mendapat pelayanan kesehatan jiwa promotif preventif sesuai standar dalam kurun waktu satu tahun",
    denominatorText:
      "Jumlah ODGJ berat (psikotik) yang ada di wilayah Kota dalam kurun waktu satu tahun yang sama",
    formulaNote: null,
  },
  11: {
    definition:
      "a. Pelayanan TB sesuai standar adalah :\n1) Pelayanan diberikan sesuai kewenangannya oleh :\na) Dokter yang terlatih Program TB;\nb) Perawat yang terlatih Program TB;\nc) Pranata Laboratorium Kesehatan yang terlatih Mikroskopis TB dan atau Tes Cepat Molekular (TCM);\nd) Bidan yang terlatih untuk melakukan skrining gejala TB anak;\ne) Petugas Program TB di Dinas.\n2) Pelayanan dilakukan di fasyankes\n3) Pelayanan yang diberikan sesuai Pedoman Penanggulangan Tuberkulosis yang berlaku :\na) Penegakan diagnosis TB dilakukan secara bakteriologis dan klinis serta dapat didukung dengan pemeriksaan penunjang lainnya;\nb) Dilakukan pemeriksaan pemantauan kemajuan pengobatan pada akhir pengobatan pada akhir pengobatan intensif, bulan ke 5 dan akhir pengobatan;\nc) Pengobatan dengan menggunakan Obat Anti Tuberkulosis (OAT) dengan panduan OAT standar.\nb. Gejala utama TB adalah batuk selama 2 minggu atau lebih. Batuk dapat diikuti dengan dahak bercampur darah, batuk darah, sesak nafas, badan lemas, nafsu makan menurun, berat badan menurun, berkeringat malam hari tanpa aktifitas fisik dan badan meriang lebih dari satu bulan.\nc. Kegiatan promotif dan preventif :\n1) Penemuan kasus secara dini\n2) Penemuan kasus secara aktif\n3) Pemberian KIE untuk pencegahan penularan dengan penerapan etika batuk\n4) Pengendalian faktor risiko\n5) Pemberian obat pencegahan",
    operationalDefinition:
      "Capaian kinerja Pemerintsh Daerah Kota dalam memberikan pelayanan orang dengan TB dinilai dari persentase jumlah orang yang mendapatkan pelayanan TB sesuai standar di wilayah Kota dalam kurun waktu satu tahun.",
    numeratorText:
      "Jumlah orang dengan TB yang mendapat pelayanan TB sesuai standar dalam kurun waktu satu tahun",
    denominatorText: "Jumlah orang dengan TB yang ada di wilayah Kota dalam kurun waktu satu tahun yang sama",
    formulaNote: null,
  },
  12: {
    definition:
      "a. Pelayanan kesehatan orang dengan risiko terinfeksi HIV sesuai standar adalah :\n1) Upaya pencegahan pada kelompok orang yang memiliki risiko terinfeksi HIV;\n2) Orang dengan risiko terinfeksi HIV adalah seseorang yang diketahui menderita Tuberkulosis, menderita Infeksi Menular Seksual (IMS), ibu hamil, waria/transgender, pengguna NAPZA dan warga binaan di Lembaga Pemasyarakatan/Rumah Tahanan Narkotika;\n3) Pelayanan kesehatan diberikan oleh tenaga kesehatan sesuai kewenangannya;\n4) Pemeriksaan HIV ditawarkan secara aktif oleh petugas kesehatan dengan menggunakan alat tes sesuai standar nasional yang telah ditetapkan.\nb. Penderita HIV positif harus dirujuk ke fasilitas yang mampu menanganinya untuk mendapatkan pengobatan ARV dan konseling tentang HIV dan AIDS bagi penderita dan pasangannya.",
    operationalDefinition:
      "Capaian kinerja Pemerintah Daerah Kota dalam memberikan pemeriksaan HIV terhadap orang berisiko terinfeksi HIV dinilai dari persentase orang berisiko terinfeksi HIV yang datang ke fasyankes dan mendapatkan pemeriksaan HIV sesuai standar di wilayah Kota dalam kurun waktu satu tahun.",
    numeratorText:
      "Jumlah orang berisiko terinfeksi HIV yang mendapatkan pemeriksaan HIV sesuai standar dalam kurun waktu satu tahun",
    denominatorText:
      "Jumlah orang berisiko terinfeksi HIV yang ada di wilayah Kota dalam kurun waktu satu tahun yang sama",
    formulaNote: null,
  },
};
