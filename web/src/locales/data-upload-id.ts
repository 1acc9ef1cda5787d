/** Texts of the monthly values upload page, wired in under the key `dataUpload`. */
export const dataUploadId = {
  nav: "Unggah Isian",
  title: "Unggah Isian dari Excel",
  back: "Kembali ke Isian Data",
  explain:
    "Unduh templat untuk formulir dan bulan yang dipilih, isi nilainya di Excel, lalu unggah. Sel kosong dibiarkan; nilai lama tidak dihapus.",
  dataSet: "Formulir",
  noDataSets: "Tidak ada formulir untuk wilayah Anda.",
  template: "Unduh templat",
  drop: "Pilih atau seret berkas ke sini",
  formats: "Excel (.xlsx) atau CSV",
  preview: "Pratinjau",
  refused: "Unggahan ditolak",
  table: {
    row: "Baris",
    unit: "Unit",
    period: "Periode",
    changes: "Perubahan",
    problems: "Masalah",
    unchanged: "Tetap",
  },
  newValue: "(baru)",
  noChanges: "Tidak ada perubahan",
  unknownUnit: "(tidak dikenal)",
  summary: {
    rows: "{{count}} baris",
    values: "{{count}} nilai akan disimpan",
    errors: "{{count}} baris bermasalah",
  },
  hasErrors:
    "Perbaiki baris yang bermasalah lalu unggah lagi; tidak ada yang disimpan selama masih ada masalah.",
  nothingToSave: "Tidak ada nilai baru atau berubah.",
  shownOf: "Ditampilkan {{shown}} dari {{total}} baris: yang bermasalah dulu, lalu yang berubah.",
  save: "Simpan",
  saved: "{{forms}} formulir, {{values}} nilai disimpan",
  openForm: "Buka formulir",
};

export type DataUploadMessages = typeof dataUploadId;
