import { canonical, formatNumberId, round, scaleOf } from "@domain";
import type { RenstraCascade } from "../../../../src/plans/renstra-schemas";

export type CascadeRow = RenstraCascade["rows"][number];
export type Departure = CascadeRow["years"][number]["yearly"][number]["departure"];

/** The colour of a departure mark: red where a yearly target falls short of the Renstra, blue beyond it. */
export const DEPARTURE_COLOR: Record<Departure, string> = {
  same: "teal",
  weaker: "red",
  stronger: "blue",
  not_comparable: "gray",
};

export const DEPARTURE_SYMBOL: Record<Departure, string> = {
  same: "=",
  weaker: "▼",
  stronger: "▲",
  not_comparable: "?",
};

/** A heading line before a row whose tujuan, sasaran or program differs from the row before it. */
export interface Heading {
  level: "tujuan" | "sasaran" | "program";
  name: string;
}

export function headingsBefore(rows: readonly CascadeRow[], index: number): Heading[] {
  const row = rows[index];
  if (!row) return [];
  const previous = rows[index - 1];
  const headings: Heading[] = [];
  let changed = false;
  for (const level of ["tujuan", "sasaran", "program"] as const) {
    const name = row[level];
    changed ||= name !== (previous?.[level] ?? null);
    if (changed && name) headings.push({ level, name });
  }
  return headings;
}

/** A realisasi as read: computed ones carry many digits (9.48823…), shown to two like the evaluation. */
export function formatRealisasi(value: string): string {
  return formatNumberId(scaleOf(value) > 2 ? canonical(round(value, 2)) : value);
}
