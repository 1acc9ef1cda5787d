/** Texts of the first-day checklist on the admin's home page, wired in under the key `setup`. */
export const setupId = {
  title: "Persiapan {{office}}",
  intro:
    "Lima langkah agar kantor Anda siap bekerja. Kerjakan berurutan; setiap langkah membuka layar tempat mengerjakannya.",
  allDone: "Persiapan {{office}} selesai: semua langkah sudah dikerjakan.",
  progress: "{{done}} dari {{total}} langkah selesai",
  doneBadge: "Selesai",
  todoBadge: "Belum",
  open: "Kerjakan",
  review: "Lihat",
  steps: {
    orgUnits: {
      title: "Unit organisasi",
      text: "Buat kecamatan, puskesmas, klinik dan rumah sakit di wilayah Anda, satu per satu atau dari Excel.",
      count: "{{count}} fasilitas",
    },
    users: {
      title: "Pengguna",
      text: "Buat akun operator puskesmas, pengelola program, Kepala Dinas dan auditor.",
      count: "{{count}} pengguna selain admin",
    },
    dataSets: {
      title: "Formulir data",
      text: "Tentukan elemen data, susun formulir laporan bulanan dengan aturan validasinya, lalu tetapkan fasilitas yang melapor.",
      count: "{{count}} formulir dipakai",
    },
    plan: {
      title: "Rencana Aksi Kinerja",
      text: "Mulai rencana tahun ini dari kosong, salin dari tahun lalu, atau impor dari Excel.",
      count: "{{count}} dokumen rencana",
    },
    spm: {
      title: "SPM Kesehatan",
      text: "Pilih versi SPM yang berlaku untuk wilayah Anda per tahun.",
      count: "{{count}} tahun diterapkan",
    },
  },
};
