import { compare, spmShareOfTarget, spmTargetReached } from "@domain";
import type { SpmAchievement } from "../../../../src/spm/achievement-schemas";
import { formatNumberId } from "../../format";

/** What one service figure says: every unit row and every month uses the same shape. */
export type Figures = Pick<
  SpmAchievement["services"][number],
  "numerator" | "denominator" | "capaian" | "reason" | "missing"
>;

/**
 * How far a capaian is from its target, for colour: SPM targets are 100 %, so anything under it is a
 * shortfall; the bands only tell the reader where to look first (legend in the dashboard).
 */
export type Band = "reached" | "near" | "low" | "veryLow" | "none";
export const bands: Band[] = ["reached", "near", "low", "veryLow", "none"];

export const bandColor: Record<Band, string> = {
  reached: "green.8",
  near: "yellow.4",
  low: "orange.6",
  veryLow: "red.8",
  none: "gray.6",
};

/** Light fills for table cells: the number stays dark and readable on them. */
export const bandFill: Record<Band, string> = {
  reached: "var(--mantine-color-green-1)",
  near: "var(--mantine-color-yellow-1)",
  low: "var(--mantine-color-orange-1)",
  veryLow: "var(--mantine-color-red-1)",
  none: "transparent",
};

/** Plain hex for ECharts, which cannot read Mantine's CSS variables (same hues as bandColor). */
export const bandHex: Record<Band, string> = {
  reached: "#2f9e44",
  near: "#fcc419",
  low: "#fd7e14",
  veryLow: "#e03131",
  none: "#adb5bd",
};

/** "Reached" is the domain's rule (the service met its own target); the lower bands only grade the gap. */
export function bandOf(capaian: string | null, target: string | null): Band {
  const ofTarget = spmShareOfTarget(capaian, target);
  if (ofTarget === null) return "none";
  if (spmTargetReached(capaian, target)) return "reached";
  if (compare(ofTarget, "80") >= 0) return "near";
  if (compare(ofTarget, "50") >= 0) return "low";
  return "veryLow";
}

/** "96,50": capaian and gaps always with the 2 decimals the server computed. */
export const percent = (value: string) => formatNumberId(value, 2);

/** "433.440"; null stays visibly unknown, never 0. */
export const count = (value: string | null, unknown: string) =>
  value === null ? unknown : formatNumberId(value);

/** Capaian as a plain number for a chart; a month without data is a gap in the line, not a zero. */
export const chartValue = (capaian: string | null) => (capaian === null ? null : Number(capaian));
