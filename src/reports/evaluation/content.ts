import { FORECAST_STATUS_LABEL, formatNumberId, formatRupiah, formatTarget } from "../../domain/index.js";
import type { Evaluation, EvaluationIndicatorRow, Level } from "../../evaluation/types.js";
import type { Paper } from "../rak/options.js";

/**
 * The evaluation report as both renderers draw it: title, the two tables as cells with their printed
 * text and the number behind it, the legend and the formula notes. Layout rules live here once.
 */

export type { Paper };

export interface EvaluationExportOptions {
  paper?: Paper;
}

export const ROMAN = ["I", "II", "III", "IV"] as const;

export function titleLines(e: Evaluation): { title: string[]; version: string } {
  return {
    title: ["EVALUASI RENCANA AKSI KINERJA", e.plan.orgUnitName.toUpperCase(), e.periodLabel.toUpperCase()],
    version: `versi ${e.plan.version}`,
  };
}

export const SECTION = { kinerja: "A. CAPAIAN KINERJA", anggaran: "B. REALISASI ANGGARAN" } as const;

/** A header cell over both header rows, or with `subs` over one sub-header per column in the second row. */
export interface HeaderGroup {
  text: string;
  subs?: readonly string[];
}

export function kinerjaHeader(e: Evaluation): HeaderGroup[] {
  const tw = `TW ${ROMAN[e.quarter - 1]}`;
  return [
    { text: "NO" },
    { text: "SASARAN / PROGRAM / KEGIATAN" },
    { text: "INDIKATOR" },
    { text: "SATUAN" },
    { text: "TARGET TAHUN" },
    { text: "TARGET TRIWULAN", subs: ROMAN },
    { text: "REALISASI TRIWULAN", subs: ROMAN },
    { text: `TARGET S.D. ${tw}` },
    { text: `REALISASI S.D. ${tw}` },
    { text: `CAPAIAN S.D. ${tw} (%)` },
    { text: "KATEGORI" },
    { text: "PROYEKSI AKHIR TAHUN", subs: ["CAPAIAN (%)", "STATUS"] },
    { text: "FAKTOR PENDORONG" },
    { text: "FAKTOR PENGHAMBAT" },
    { text: "TINDAK LANJUT" },
  ];
}

export function anggaranHeader(e: Evaluation): HeaderGroup[] {
  return [
    { text: "NO" },
    { text: "PROGRAM / KEGIATAN" },
    { text: "PAGU" },
    { text: "REALISASI TRIWULAN", subs: ROMAN },
    { text: `REALISASI S.D. TW ${ROMAN[e.quarter - 1]}` },
    { text: "SERAPAN (%)" },
  ];
}

export function columnCount(groups: readonly HeaderGroup[]): number {
  return groups.reduce((n, g) => n + (g.subs?.length ?? 1), 0);
}

/** Spreadsheet number formats; "general" shows a target or realisasi with exactly its own decimals. */
export type NumberFormat = "general" | "percent" | "rupiah";

export interface Cell {
  /** As printed in the pdf, Indonesian. */
  text: string;
  /** The number behind the text, so the spreadsheet cell can be computed with; absent for texts. */
  value?: number;
  format?: NumberFormat;
  align: "left" | "center" | "right";
  /** Small italics: the reason a capaian is not computable. */
  note?: boolean;
}

/** A node's number and name, merged over its consecutive indicator rows. */
export interface NodeSpan {
  first: number;
  count: number;
  number: string;
  name: string;
  level: Level;
}

export interface KinerjaTable {
  /** Cells from INDIKATOR to TINDAK LANJUT; NO and the name are in `spans`. */
  rows: { cells: Cell[]; bold: boolean }[];
  spans: NodeSpan[];
}

/** Columns before the row cells: NO and SASARAN / PROGRAM / KEGIATAN. */
export const SPAN_COLUMNS = 2;

const text = (value: string, align: Cell["align"] = "center"): Cell => ({ text: value, align });

/** A canonical decimal as an Indonesian number, keeping its own decimals ("0.013" → "0,013"). */
function decimal(value: string): Cell {
  return { text: formatNumberId(value), value: Number(value), format: "general", align: "center" };
}

function percent(value: string): Cell {
  return { text: formatNumberId(value, 2), value: Number(value), format: "percent", align: "center" };
}

function rupiah(amount: number): Cell {
  return { text: formatRupiah(amount), value: amount, format: "rupiah", align: "right" };
}

/** Stored targets: a plain decimal is a number; "-" and compound targets ("11 dan 2") stay text. */
function target(stored: string): Cell {
  return /^-?\d+(\.\d+)?$/.test(stored) ? decimal(stored) : text(formatTarget(stored));
}

/** Realisasi of one quarter: later quarters are not due yet ("-"), a due one not reported is "belum ada". */
function quarterCell<T>(value: T | null, quarter: number, e: Evaluation, cell: (v: T) => Cell): Cell {
  if (quarter > e.quarter) return text("-");
  return value === null ? text("belum ada") : cell(value);
}

function capaianCell(value: string | null, reason: string | null): Cell {
  if (value !== null) return percent(value);
  const why = reason ?? "";
  // Upstream may already phrase the reason as "Tidak dapat dihitung: …"; print the phrase once.
  const full = /^tidak dapat dihitung/i.test(why) ? why : `tidak dapat dihitung: ${why}`;
  return { text: full, align: "center", note: true };
}

const STATUS: Record<EvaluationIndicatorRow["forecast"]["status"], string> = {
  on_track: FORECAST_STATUS_LABEL.on_track.id.toLowerCase(),
  at_risk: FORECAST_STATUS_LABEL.at_risk.id.toLowerCase(),
  off_track: FORECAST_STATUS_LABEL.off_track.id.toLowerCase(),
  unknown: "-",
};

/** Marks a lower-is-better indicator after its unit; the footnote explains the mark. */
export const LOWER_MARK = "↓";

function indicatorCells(row: EvaluationIndicatorRow, e: Evaluation): Cell[] {
  const unit = row.polarity === "lower" ? `${row.unit} ${LOWER_MARK}` : row.unit;
  const orDash = (value: string | null) => (value === null ? text("-") : decimal(value));
  return [
    text(row.indicator, "left"),
    text(unit),
    target(row.targetYear),
    ...row.targets.map(target),
    ...row.realisasi.map((value, i) => quarterCell(value, i + 1, e, decimal)),
    row.targetToDate === null ? text("-") : target(row.targetToDate),
    orDash(row.realisasiToDate),
    capaianCell(row.capaianToDate.value, row.capaianToDate.reason),
    text(row.capaianToDate.category ?? "-"),
    row.forecast.capaian === null ? text("-") : percent(row.forecast.capaian),
    text(STATUS[row.forecast.status]),
    text(row.faktorPendorong ?? "", "left"),
    text(row.faktorPenghambat ?? "", "left"),
    text(row.tindakLanjut ?? "", "left"),
  ];
}

const NAME_LEVELS = ["sasaran", "program", "kegiatan", "sub_kegiatan"] as const;

/** The names from the sasaran down to the row's own node; empty for a tujuan, which has no name field. */
function pathOf(row: EvaluationIndicatorRow): string[] {
  const names = [row.sasaran, row.program, row.kegiatan, row.subKegiatan];
  const depth = NAME_LEVELS.indexOf(row.level as (typeof NAME_LEVELS)[number]);
  return names.slice(0, depth + 1).map((name) => name ?? "");
}

/**
 * Table 1. Consecutive rows of one node share a merged NO and name cell. Numbers are hierarchical
 * (1, 1.1, 1.1.1) and count ancestors without indicators too, so a kegiatan reads under its program.
 */
export function kinerjaTable(e: Evaluation): KinerjaTable {
  const table: KinerjaTable = { rows: [], spans: [] };
  const counters: number[] = [];
  let previous: string[] = [];
  e.indicators.forEach((row, i) => {
    table.rows.push({ cells: indicatorCells(row, e), bold: row.level === "program" });
    const last = table.spans.at(-1);
    if (last !== undefined && e.indicators[i - 1]?.nodeId === row.nodeId) {
      last.count += 1;
      return;
    }
    const path = pathOf(row);
    let differs = 0;
    while (differs < path.length - 1 && path[differs] === previous[differs]) differs++;
    counters[differs] = (counters[differs] ?? 0) + 1;
    for (let d = differs + 1; d < path.length; d++) counters[d] = 1;
    counters.length = path.length;
    previous = path;
    table.spans.push({
      first: i,
      count: 1,
      number: counters.join("."),
      name: path.at(-1) ?? "",
      level: row.level,
    });
  });
  return table;
}

export interface AnggaranRow {
  number: string;
  name: string;
  level: Level;
  /** From PAGU to SERAPAN. */
  cells: Cell[];
}

/** Indent of a budget row's name: programs flush, kegiatan one step, sub kegiatan two. */
export function budgetIndent(level: Level): number {
  return Math.max(0, NAME_LEVELS.indexOf(level as (typeof NAME_LEVELS)[number]) - 1);
}

/** Table 2: programs numbered 1, 2 …, their kegiatan 1.1, 1.2 …; amounts in Rupiah. */
export function anggaranTable(e: Evaluation): AnggaranRow[] {
  const counters: number[] = [];
  const money = (amount: number | null) => (amount === null ? text("-") : rupiah(amount));
  return e.budgets.map((row) => {
    const depth = budgetIndent(row.level);
    for (let d = 0; d < depth; d++) counters[d] ??= 1;
    counters[depth] = (counters[depth] ?? 0) + 1;
    counters.length = depth + 1;
    return {
      number: counters.join("."),
      name: row.name,
      level: row.level,
      cells: [
        money(row.pagu),
        ...row.realisasi.map((amount, i) => quarterCell(amount, i + 1, e, rupiah)),
        money(row.realisasiToDate),
        row.serapan === null ? text("-") : percent(row.serapan),
      ],
    };
  });
}

export const LEGEND_TITLE = "Kategori capaian kinerja (Permendagri 86/2017):";
export const LEGEND: readonly [string, string][] = [
  ["x > 90%", "sangat tinggi"],
  ["75% < x ≤ 90%", "tinggi"],
  ["65% < x ≤ 75%", "sedang"],
  ["50% < x ≤ 65%", "rendah"],
  ["x ≤ 50%", "sangat rendah"],
];

/** One line per formula in use, taken from the rows so the note says what was actually computed. */
export function formulaNotes(e: Evaluation): string[] {
  const bare = (formula: string) => formula.replace(/^\s*capaian\s*=\s*/i, "");
  const of = (polarity: "higher" | "lower") => [
    ...new Set(e.indicators.filter((r) => r.polarity === polarity).map((r) => bare(r.formula))),
  ];
  return [
    ...of("higher").map((f) => `Capaian = ${f}`),
    ...of("lower").map((f) => `Untuk indikator ${LOWER_MARK} (makin rendah makin baik): capaian = ${f}`),
    "belum ada = realisasi triwulan itu belum dilaporkan; - = tidak ada target atau triwulan belum berjalan",
  ];
}
