/** Texts of working offline (queue, sync, installable app), wired in under the key `offline`. */
export const offlineId = {
  waiting: "{{count}} perubahan menunggu dikirim",
  allSent: "Semua perubahan sudah terkirim",
  offline: "Sedang offline: isian disimpan di perangkat ini dan dikirim saat koneksi kembali",
  held: "{{count}} nilai bentrok atau ditolak: buka formulirnya untuk memilih",
  failed: "{{count}} formulir ditolak server: buka formulirnya",
  openForm: "Buka formulir {{period}}",
  lastSync: "Terakhir tersinkron: {{when}}",
  neverSynced: "Belum pernah tersinkron di perangkat ini",
  sendNow: "Kirim sekarang",
  notKept: "Formulir ini belum tersimpan di perangkat. Buka sekali saat ada koneksi agar bisa diisi offline.",
  logoutLoses:
    "{{count}} perubahan belum terkirim dan akan hilang dari perangkat ini jika Anda keluar sekarang. Tetap keluar?",
  submitNeedsConnection: "Mengirim laporan memerlukan koneksi internet. Isian tetap tersimpan di perangkat.",
};
