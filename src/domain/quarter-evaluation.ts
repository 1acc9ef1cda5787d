import {
  type Capaian,
  computeCapaian,
  type LowerFormula,
  type Polarity,
  progressToDate,
} from "./achievement.js";
import { type Forecast, forecastYearEnd } from "./forecast.js";
import { targetAmount } from "./target-parse.js";
import { type Quarterly, type QuarterNumber, type TargetSeries, targetToDate } from "./targets.js";

export type IndicatorKind = "ratio" | "count" | "direct";

/**
 * The target a realisasi is compared with at the end of a quarter.
 * Counts follow the series' mode (incremental: the quarters so far added up). Ratios and direct values
 * are levels (a coverage, a prevalence, a life expectancy): in an incremental series their quarterly
 * cells are shares of the year's effort (25 + 25 + 25 + 25 = 100 %), not levels, so a level is compared
 * with the annual target; in cumulative and point-in-time series with that quarter's own target; a
 * year-end-only target only at TW IV.
 */
export function comparisonTarget(
  series: TargetSeries,
  quarter: QuarterNumber,
  kind: IndicatorKind,
): string | null {
  if (kind === "count" || series.mode !== "incremental") return targetToDate(series, quarter);
  return targetAmount(series.annual);
}

export interface QuarterEvaluationInput {
  readonly kind: IndicatorKind;
  readonly series: TargetSeries;
  readonly polarity: Polarity;
  readonly lowerFormula?: LowerFormula;
  readonly quarter: QuarterNumber;
  /** Per quarter: the count in that quarter, or the level (ratio, direct value) of that quarter. */
  readonly realisasi: Quarterly<string | null>;
  /** Ratios only: the level over every month so far (sums of numerators over sums of denominators). */
  readonly levelToDate?: string | null;
}

export interface QuarterEvaluation {
  readonly targetToDate: string | null;
  readonly realisasiToDate: string | null;
  readonly capaianQuarter: Capaian;
  readonly capaianToDate: Capaian;
  readonly forecast: Forecast;
}

/** Capaian of one quarter and to date, and the year-end forecast, by the rules above. */
export function evaluateQuarter(input: QuarterEvaluationInput): QuarterEvaluation {
  const { kind, series, polarity, lowerFormula, quarter, realisasi } = input;
  const q = quarter - 1;
  const known: Quarterly<string | null> = [0, 1, 2, 3].map((i) =>
    i <= q ? realisasi[i] : null,
  ) as unknown as Quarterly<string | null>;
  if (kind === "count") {
    const progress = progressToDate({ series, quarter, realisasi: known, polarity, lowerFormula });
    return {
      targetToDate: progress.targetToDate,
      realisasiToDate: progress.realisasiToDate,
      capaianQuarter: computeCapaian({
        target: targetAmount(series.quarters[q] ?? series.annual),
        realisasi: known[q] ?? null,
        polarity,
        lowerFormula,
      }),
      capaianToDate: progress.capaian,
      forecast: forecastYearEnd({ series, realisasi: known, polarity, lowerFormula }),
    };
  }
  const target = comparisonTarget(series, quarter, kind);
  const levelToDate = kind === "ratio" ? (input.levelToDate ?? null) : (known[q] ?? null);
  const levelSeries: TargetSeries = {
    ...series,
    mode: series.mode === "year_end_only" ? "year_end_only" : "point_in_time",
  };
  return {
    targetToDate: target,
    realisasiToDate: levelToDate,
    capaianQuarter: computeCapaian({ target, realisasi: known[q] ?? null, polarity, lowerFormula }),
    capaianToDate: computeCapaian({ target, realisasi: levelToDate, polarity, lowerFormula }),
    forecast: forecastYearEnd({ series: levelSeries, realisasi: known, polarity, lowerFormula }),
  };
}
