/** Teks untuk membuat rencana baru dan menetapkan versi SPM (isu 12). */
export const planStartId = {
  year: "Tahun",
  yearNoPlan: "{{year}} — belum ada rencana",
  start: "Buat rencana",
  startYear: "Buat rencana {{year}}",
  noPlanForYear: "Belum ada rencana untuk tahun {{year}}.",
  noPlanHint:
    "Buat RAK kosong lalu isi sasaran, program, kegiatan dan indikatornya, atau salin rencana tahun lain sebagai titik awal.",
  modal: {
    title: "Buat rencana baru",
    orgUnit: "Unit organisasi",
    content: "Isi",
    empty: "Kosong",
    copy: "Salin dari tahun lain",
    copyFrom: "Salin dari tahun",
    copyHint:
      "Struktur, indikator, target dan anggaran disalin sebagai titik awal. Realisasi, realisasi anggaran dan analisis (faktor pendorong, penghambat, tindak lanjut) tidak disalin; rencana baru belum ditandatangani.",
    noSource: "Unit ini belum mempunyai rencana tahun lain untuk disalin.",
    exists:
      "{{office}} sudah mempunyai rencana tahun {{year}}. Buka rencana itu dan buat perubahan bila perlu diubah.",
    open: "Buka rencana {{year}}",
    reason: "Catatan (opsional)",
    create: "Buat",
    cancel: "Batal",
  },
  emptyPlan:
    "Rencana ini masih kosong. Mulai dengan menambah sasaran, lalu program, kegiatan dan indikatornya dari menu ⋮ setiap baris.",
  spm: {
    applies: "Berlaku untuk {{region}} tahun {{year}}: {{name}} ({{regulation}}).",
    none: "{{region}} belum menetapkan versi SPM untuk tahun {{year}}.",
    noneHint: "Capaian dan laporan SPM dihitung menurut versi yang ditetapkan.",
    noneReader: "Minta Admin Dinas menetapkannya.",
    adopt: "Tetapkan versi SPM",
    change: "Ubah versi",
    modal: {
      title: "Tetapkan versi SPM — {{region}}",
      version: "Versi SPM (peraturan)",
      fromYear: "Dari tahun",
      toYear: "Sampai tahun",
      service: "Jenis pelayanan",
      regulationTarget: "Target peraturan",
      ownTarget: "Target tahun tanpa target peraturan (%)",
      notSet: "tidak diatur",
      targetsHint:
        "Target SPM menurut peraturan adalah 100%. Untuk tahun yang tidak diberi target oleh peraturan ini (Lampiran I), target 100% dipakai kecuali diubah di sini.",
      badTarget: "Tulis persentase di atas 0 dan paling tinggi 100.",
      replaceWarning:
        "Tahun {{years}} sudah memakai versi lain dan laporan SPM-nya sudah berisi catatan. Catatan itu tetap disimpan (dan tercatat di jejak audit) tetapi tidak tampil dengan versi baru.",
      replaceConfirm: "Saya mengerti, ganti versinya",
      reason: "Alasan (opsional)",
      save: "Tetapkan",
      cancel: "Batal",
    },
  },
};
