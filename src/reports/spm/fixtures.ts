import { spmDepok2017 } from "../../demo/spm-depok-2017.js";
import { div, mul, sub } from "../../domain/index.js";
import type { SpmReport, SpmReportService } from "../../spm/report-types.js";

/** Kota Depok 2019 under Perwal 57/2017: plausible figures, one service without data, one surveyed. */

type Figures = Partial<SpmReportService> & { numerator: string | null; denominator: string | null };

const PUSKESMAS = 38;

const figures: Figures[] = [
  {
    numerator: "36500",
    denominator: "38000",
    masalah: "Sebagian ibu hamil memeriksakan diri di bidan praktik mandiri yang belum melapor.",
    pemecahanMasalah: "Kewajiban lapor bulanan bagi bidan praktik mandiri melalui IBI Cabang Depok.",
    ikm: { value: "86.11", band: "B", respondents: 240 },
  },
  { numerator: "35600", denominator: "36300" },
  { numerator: "35200", denominator: "34600" },
  { numerator: "148000", denominator: "165000", receivedReports: 36 },
  {
    numerator: null,
    denominator: null,
    reason: "belum ada laporan",
    receivedReports: 0,
    masalah: "Penjaringan tahun ajaran 2019/2020 belum direkap oleh sekolah.",
    pemecahanMasalah: "Koordinasi dengan Dinas Pendidikan untuk rekap penjaringan per sekolah.",
  },
  { numerator: "1020000", denominator: "1580000" },
  { numerator: "120000", denominator: "150000" },
  {
    numerator: "98000",
    denominator: "387000",
    denominatorNote: "1.500.000 × 25,8% (Riskesdas 2013, 2013) = 387.000",
    masalah:
      "Skrining tekanan darah baru berjalan di Posbindu PTM dan puskesmas; klinik swasta belum melapor.",
    pemecahanMasalah: "Perluasan Posbindu PTM di tempat kerja dan pelaporan klinik swasta lewat aplikasi.",
  },
  {
    numerator: "18900",
    denominator: "22500",
    denominatorNote: "1.500.000 × 1,5% (Riskesdas 2013, 2013) = 22.500",
  },
  { numerator: "2450", denominator: "2450" },
  { numerator: "5800", denominator: "6100" },
  { numerator: "41000", denominator: "45000" },
];

function service(index: number): SpmReportService {
  const row = spmDepok2017.services[index];
  const f = figures[index];
  if (row === undefined || f === undefined) throw new Error(`no service ${index + 1}`);
  const capaian =
    f.numerator === null || f.denominator === null ? null : div(mul(f.numerator, "100"), f.denominator, 2);
  return {
    number: row.number,
    name: row.name,
    indicator: row.indicator,
    target: row.targets[2019] ?? "100",
    denominatorNote: null,
    reason: null,
    expectedReports: PUSKESMAS,
    receivedReports: PUSKESMAS,
    masalah: null,
    pemecahanMasalah: null,
    revision: null,
    ikm: null,
    ...f,
    capaian,
    gap: capaian === null ? null : sub("100", capaian),
  };
}

export const spmDepok2019: SpmReport = {
  regulation: spmDepok2017.regulation,
  orgUnitName: spmDepok2017.orgUnitName,
  regionName: "Kota Depok",
  year: 2019,
  services: spmDepok2017.services.map((_, i) => service(i)),
  surveys: [
    {
      orgUnitName: "Puskesmas Beji",
      serviceNumber: 1,
      period: "2019",
      respondents: 120,
      ikm: "88.54",
      band: "A",
    },
    {
      orgUnitName: "Puskesmas Sukmajaya",
      serviceNumber: 1,
      period: "2019",
      respondents: 120,
      ikm: "83.68",
      band: "B",
    },
  ],
  signatory: {
    position: "Kepala Dinas Kesehatan Kota Depok",
    name: "dr. Novarita, MM",
    nip: "196611201996032002",
    place: "Depok",
    date: "2020-01-31",
  },
  revision: 1,
  generatedAt: "2020-01-31T08:00:00Z",
};
