export const searchId = {
  open: "Cari (Ctrl+K)",
  title: "Cari",
  placeholder: "Cari rencana, indikator, unit…",
  hint: "Ketik sedikitnya 2 huruf.",
  none: "Tidak ada yang cocok.",
  keys: "↑ ↓ untuk memilih, Enter untuk membuka, Esc untuk menutup.",
  kinds: {
    orgUnit: "Unit",
    plan: "Rencana",
    planIndicator: "Indikator RAK",
    indicator: "Definisi",
    dataSet: "Formulir",
    dataElement: "Elemen data",
    user: "Pengguna",
  },
};
