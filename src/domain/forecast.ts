import { type Capaian, computeCapaian, type LowerFormula, type Polarity } from "./achievement.js";
import { compare, div, formatNumberId, mul, sub, sum } from "./decimal.js";
import type { BilingualText } from "./errors.js";
import { INDICATOR_FRACTION_DIGITS } from "./indicators.js";
import { targetAmount } from "./target-parse.js";
import type { Quarterly, TargetSeries } from "./targets.js";

/**
 * Year-end projection from the quarters reported so far, simple enough to explain on a dashboard:
 * - run_rate (incremental series, where quarterly realisasi adds up): mean of the reported quarters × 4,
 *   i.e. cumulative realisasi × 4 / q when every quarter so far is in;
 * - cumulative_rate (cumulative series, realisasi is a running total): latest running total × 4 / q;
 * - trend (point-in-time and year-end values): least-squares line through the reported quarters,
 *   read at TW IV; with a single quarter, that last value.
 * Seasonality is ignored. The projection is compared with the annual target through the indicator's
 * capaian formula. Status: projected capaian ≥ 100 on_track, ≥ 90 at_risk, below off_track; unknown
 * when nothing can be projected or compared.
 */
export type ForecastMethod = "run_rate" | "cumulative_rate" | "trend" | "last_value" | "actual";
export type ForecastStatus = "on_track" | "at_risk" | "off_track" | "unknown";

export const FORECAST_STATUS_LABEL: Record<ForecastStatus, BilingualText> = {
  on_track: { id: "Sesuai jalur", en: "On track" },
  at_risk: { id: "Berisiko", en: "At risk" },
  off_track: { id: "Tidak sesuai jalur", en: "Off track" },
  unknown: { id: "Belum dapat diproyeksikan", en: "Cannot be projected yet" },
};

export interface ForecastInput {
  readonly series: TargetSeries;
  /** Realisasi per quarter in the series' own terms; null = not (yet) reported. */
  readonly realisasi: Quarterly<string | null>;
  readonly polarity: Polarity;
  readonly lowerFormula?: LowerFormula;
}

export interface Forecast {
  readonly method: ForecastMethod | null;
  readonly projected: string | null;
  readonly capaian: Capaian;
  readonly status: ForecastStatus;
  readonly explanation: BilingualText;
}

interface Point {
  readonly quarter: number;
  readonly value: string;
}

export function forecastYearEnd(input: ForecastInput): Forecast {
  const { series, realisasi, polarity, lowerFormula } = input;
  const points: Point[] = realisasi.flatMap((value, i) =>
    value === null ? [] : [{ quarter: i + 1, value }],
  );
  const projection = project(series, points);
  const capaian = computeCapaian({
    target: targetAmount(series.annual),
    realisasi: projection?.projected ?? null,
    polarity,
    lowerFormula,
  });
  const status = statusOf(capaian);
  const label = FORECAST_STATUS_LABEL[status];
  if (projection === null) {
    return {
      method: null,
      projected: null,
      capaian,
      status,
      explanation: {
        id: "Belum ada realisasi untuk diproyeksikan",
        en: "No realisasi reported to project from",
      },
    };
  }
  const { method, projected, how } = projection;
  const result = capaian.computable
    ? {
        id: `capaian proyeksi ${formatNumberId(capaian.value, 2)}%`,
        en: `projected achievement ${capaian.value}%`,
      }
    : capaian.message;
  return {
    method,
    projected,
    capaian,
    status,
    explanation: {
      id: `Proyeksi akhir tahun ${formatNumberId(projected)} (${how.id}); ${result.id} — ${label.id}`,
      en: `Year-end projection ${projected} (${how.en}); ${result.en} — ${label.en}`,
    },
  };
}

function statusOf(capaian: Capaian): ForecastStatus {
  if (!capaian.computable) return "unknown";
  if (compare(capaian.value, "100") >= 0) return "on_track";
  return compare(capaian.value, "90") >= 0 ? "at_risk" : "off_track";
}

interface Projection {
  readonly method: ForecastMethod;
  readonly projected: string;
  readonly how: BilingualText;
}

function project(series: TargetSeries, points: readonly Point[]): Projection | null {
  const last = points.at(-1);
  if (last === undefined) return null;
  const n = points.length;
  if (last.quarter === 4 && (series.mode !== "incremental" || n === 4)) {
    const actual = series.mode === "incremental" ? sum(points.map((p) => p.value)) : last.value;
    return {
      method: "actual",
      projected: actual,
      how: { id: "realisasi setahun penuh", en: "full-year realisasi" },
    };
  }
  if (series.mode === "incremental") {
    const projected = div(mul(sum(points.map((p) => p.value)), "4"), `${n}`, INDICATOR_FRACTION_DIGITS);
    return {
      method: "run_rate",
      projected,
      how: {
        id: `rata-rata ${n} triwulan yang dilaporkan × 4`,
        en: `mean of ${n} reported quarter${n > 1 ? "s" : ""} × 4`,
      },
    };
  }
  if (series.mode === "cumulative") {
    const projected = div(mul(last.value, "4"), `${last.quarter}`, INDICATOR_FRACTION_DIGITS);
    return {
      method: "cumulative_rate",
      projected,
      how: {
        id: `realisasi kumulatif s.d. triwulan ${last.quarter} × 4/${last.quarter}`,
        en: `cumulative realisasi to quarter ${last.quarter} × 4/${last.quarter}`,
      },
    };
  }
  if (n === 1) {
    return {
      method: "last_value",
      projected: last.value,
      how: {
        id: `nilai triwulan ${last.quarter} dipertahankan`,
        en: `quarter ${last.quarter} value carried forward`,
      },
    };
  }
  return {
    method: "trend",
    projected: trendAtQuarterFour(points),
    how: {
      id: `garis tren kuadrat terkecil atas ${n} triwulan, dibaca pada triwulan IV`,
      en: `least-squares trend over ${n} quarters, read at quarter 4`,
    },
  };
}

/**
 * ŷ(4) = ȳ + slope × (4 − x̄), rearranged so the only division is the last step:
 * ŷ(4) = [Σy·D + S·(4n − Σx)] / (n·D), with S = nΣxy − ΣxΣy and D = nΣx² − (Σx)².
 */
function trendAtQuarterFour(points: readonly Point[]): string {
  const n = points.length;
  const sumX = points.reduce((total, p) => total + p.quarter, 0);
  const sumXX = points.reduce((total, p) => total + p.quarter * p.quarter, 0);
  const sumY = sum(points.map((p) => p.value));
  const sumXY = sum(points.map((p) => mul(p.value, `${p.quarter}`)));
  const s = sub(mul(`${n}`, sumXY), mul(`${sumX}`, sumY));
  const d = n * sumXX - sumX * sumX;
  const numerator = sum([mul(sumY, `${d}`), mul(s, `${4 * n - sumX}`)]);
  return div(numerator, `${n * d}`, INDICATOR_FRACTION_DIGITS);
}
