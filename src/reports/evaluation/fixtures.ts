import { rakMetro2024 } from "../../demo/rak-metro-2024.js";
import {
  CATEGORY_LABEL,
  type Capaian,
  FORMULA_TEXT,
  forecastYearEnd,
  parseTargetSeries,
  progressToDate,
  serapan,
} from "../../domain/index.js";
import type {
  CapaianCell,
  Evaluation,
  EvaluationBudgetRow,
  EvaluationIndicatorRow,
  Level,
} from "../../evaluation/types.js";
import type { RakIndicatorRow } from "../../plans/rak-document.js";

/**
 * Triwulan I 2024 evaluation of the Metro RAK (seed 000) for the report tests: the 43 indicators with
 * plausible TW I realisasi for most, analysis for a few, and budget realisasi for the 5 programs and
 * their kegiatan. Capaian, category and forecast come from the domain functions so they agree.
 */

interface Reported {
  realisasi: string;
  pendorong?: string;
  penghambat?: string;
  tindakLanjut?: string;
}

const TW1: Record<string, Reported> = {
  "Persentase Peserta Jaminan Kesehatan Nasional (JKN)": { realisasi: "24.1" },
  // Target "- 1 - 1": none in TW I, so 0 deaths cannot be rated ("tidak ada target").
  "Jumlah kasus kematian ibu": { realisasi: "0" },
  "Jumlah kasus kematian bayi": { realisasi: "1" },
  "Prevalensi stunting pada anak balita": {
    realisasi: "2.4",
    pendorong: "Pendampingan keluarga berisiko stunting oleh TPK di 22 kelurahan",
    penghambat:
      "Penimbangan balita di posyandu baru 71% karena kader berkurang; data e-PPGBM belum seluruhnya diverifikasi",
    tindakLanjut: "Sweeping balita tidak datang ke posyandu dan pemberian PMT lokal selama 90 hari",
  },
  "Angka keberhasilan pengobatan Tuberkulosis (success rate)": { realisasi: "21.5" },
  "Cakupan pelayanan administrasi perangkat daerah": { realisasi: "25" },
  "Jumlah dokumen perencanaan, penganggaran, dan evaluasi kinerja OPD": { realisasi: "6" },
  "Persentase terpenuhinya administrasi keuangan perangkat daerah": { realisasi: "24.125" },
  "Persentase terpenuhinya administrasi kepegawaian perangkat daerah": { realisasi: "20" },
  "Jumlah penyediaan administrasi umum perangkat daerah": { realisasi: "3" },
  "Jumlah penyediaan jasa penunjang urusan pemerintah daerah": { realisasi: "3" },
  "Jumlah jenis pengandaan barang milik daerah": {
    realisasi: "0",
    penghambat: "Proses lelang melalui e-katalog baru dimulai bulan Maret",
    tindakLanjut: "Percepatan pengadaan pada TW II sesuai jadwal pelaksanaan",
  },
  "Jumlah pemeliharaan barang-barang milik daerah": { realisasi: "3" },
  "Jumlah BLUD yang menyediakan pelayanan dan penunjang pelayanan": { realisasi: "3" },
  "Jumlah kasus kematian neonatal": {
    realisasi: "3",
    penghambat: "Dua kasus asfiksia berat pada persalinan rujukan terlambat",
    tindakLanjut: "Audit maternal perinatal dan penguatan rujukan PONED–PONEK",
  },
  "Jumlah kasus kematian balita": { realisasi: "2" },
  "Persentase balita wasting": { realisasi: "1.62" },
  "Persentase anemia pada ibu hamil": { realisasi: "4.9" },
  "Cakupan persalinan di fasilitas kesehatan": { realisasi: "24.6" },
  "Cakupan Imunisasi Dasar Lengkap (IDL)": {
    realisasi: "17.3",
    pendorong: "Pekan imunisasi di sekolah dan posyandu",
    penghambat: "Kekosongan vaksin MR di tingkat provinsi selama bulan Februari",
    tindakLanjut: "Imunisasi kejar (catch-up) setelah distribusi vaksin MR pada April",
  },
  "Cakupan Kelurahan UCI (Universal Child Immunisation)": { realisasi: "15" },
  "Insiden Tuberkulosis": { realisasi: "52.4" },
  "Prevalensi HIV/AIDS": { realisasi: "0.004" },
  "Persentase Fasilitas Kesehatan Tingkat Pertama (FKTP) terakreditasi": { realisasi: "20.45" },
  "Persentase puskesmas dengan jenis tenaga kesehatan sesuai standar": { realisasi: "23" },
  "Jumlah puskesmas memenuhi jenis tenaga kesehatan sesuai standar": { realisasi: "2" },
  "Persentase puskesmas dengan ketersediaan obat esensial": {
    realisasi: "25.9164",
    pendorong: "Buffer stock obat dari provinsi diterima tepat waktu",
  },
  "Jumlah kelurahan melaksanakan upaya perilaku hidup bersih dan sehat": { realisasi: "5" },
};

/** Measured once a year (AHH, Indeks Keluarga Sehat): nothing to rate before TW IV. */
const YEAR_END_REASON = "indikator tahunan, diukur pada TW IV";

function cell(capaian: Capaian, yearEnd: boolean): CapaianCell {
  if (capaian.computable) {
    return {
      value: capaian.value,
      category: CATEGORY_LABEL[capaian.category].id.toLowerCase(),
      reason: null,
      reasonEn: null,
    };
  }
  const reason = yearEnd ? YEAR_END_REASON : capaian.message.id.replace(/^Tidak dapat dihitung: /, "");
  return { value: null, category: null, reason, reasonEn: capaian.message.en };
}

interface Parents {
  nodeId: string;
  level: Level;
  sasaran: string;
  program: string | null;
  kegiatan: string | null;
}

function indicatorRow(indicator: RakIndicatorRow, at: Parents, n: number): EvaluationIndicatorRow {
  const polarity = indicator.polarity ?? "higher";
  const series = parseTargetSeries({ annual: indicator.target, quarters: indicator.quarters });
  const reported = TW1[indicator.name];
  const realisasi: EvaluationIndicatorRow["realisasi"] = [reported?.realisasi ?? null, null, null, null];
  const progress = progressToDate({ series, quarter: 1, realisasi, polarity });
  const forecast = forecastYearEnd({ series, realisasi, polarity });
  const capaian = cell(progress.capaian, series.mode === "year_end_only");
  return {
    planIndicatorId: `pi-${n}`,
    indicatorId: `ind-${n}`,
    revisions: [null, null, null, null],
    ...at,
    subKegiatan: null,
    indicator: indicator.name,
    unit: indicator.unit,
    polarity,
    formula: FORMULA_TEXT[progress.capaian.formula].id,
    targetYear: indicator.target,
    targets: indicator.quarters,
    realisasi,
    source: reported === undefined ? "none" : "data",
    targetToDate: progress.targetToDate,
    realisasiToDate: progress.realisasiToDate,
    capaianQuarter: capaian,
    capaianToDate: capaian,
    forecast: {
      projected: forecast.projected,
      capaian: forecast.capaian.computable ? forecast.capaian.value : null,
      status: forecast.status,
      explanation: forecast.explanation,
    },
    faktorPendorong: reported?.pendorong ?? null,
    faktorPenghambat: reported?.penghambat ?? null,
    tindakLanjut: reported?.tindakLanjut ?? null,
  };
}

/** Share of the pagu spent in TW I, cycled over the budget rows: slow starts, routine spending, none. */
const SPENT = [0.1832, 0.2214, 0.0975, 0.2541, 0.15, 0];

function budgetRow(nodeId: string, level: Level, name: string, pagu: number | null, spent: number | null) {
  const row: EvaluationBudgetRow = {
    nodeId,
    level,
    name,
    pagu,
    realisasi: [spent, null, null, null],
    revisions: [null, null, null, null],
    realisasiToDate: spent,
    serapan: null,
  };
  if (pagu !== null && spent !== null) {
    const s = serapan(String(spent), String(pagu));
    row.serapan = s.computable ? s.value : null;
  }
  return row;
}

function build(): Evaluation {
  const indicators: EvaluationIndicatorRow[] = [];
  const budgets: EvaluationBudgetRow[] = [];
  const add = (list: RakIndicatorRow[], at: Parents) => {
    for (const indicator of list) indicators.push(indicatorRow(indicator, at, indicators.length + 1));
  };
  rakMetro2024.sasaran.forEach((sasaran, s) => {
    const base = { sasaran: sasaran.name, program: null, kegiatan: null };
    add(sasaran.indicators, { ...base, nodeId: `s${s + 1}`, level: "sasaran" });
    sasaran.programs.forEach((program, p) => {
      const programId = `s${s + 1}.p${p + 1}`;
      add(program.indicators, { ...base, program: program.name, nodeId: programId, level: "program" });
      const kegiatanRows = program.kegiatan.map((kegiatan, k) => {
        const nodeId = `${programId}.k${k + 1}`;
        add(kegiatan.indicators, {
          ...base,
          program: program.name,
          kegiatan: kegiatan.name,
          nodeId,
          level: "kegiatan",
        });
        const share = SPENT[(budgets.length + k) % SPENT.length] ?? 0;
        const spent = kegiatan.budget === null ? null : Math.round(kegiatan.budget * share);
        return budgetRow(nodeId, "kegiatan", kegiatan.name, kegiatan.budget, spent);
      });
      const spent = kegiatanRows.reduce((sum, row) => sum + (row.realisasiToDate ?? 0), 0);
      budgets.push(budgetRow(programId, "program", program.name, program.budget, spent), ...kegiatanRows);
    });
  });
  return {
    plan: {
      id: "plan-metro-2024",
      title: rakMetro2024.title,
      orgUnitName: rakMetro2024.orgUnitName,
      year: 2024,
      version: 2,
      signatory: { ...rakMetro2024.signatory, place: "Metro", date: "2024-04-15" },
    },
    quarter: 1,
    periodLabel: "Triwulan I Tahun 2024",
    indicators,
    budgets,
    generatedAt: "2024-04-15T02:00:00.000Z",
  };
}

export const evaluationMetroTw1: Evaluation = build();
