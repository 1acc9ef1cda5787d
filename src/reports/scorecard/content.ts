import {
  BAND_COLOUR,
  BAND_SHORT,
  CATEGORY_LABEL,
  canonical,
  formatNumberId,
  type PerformanceCategory,
  round,
} from "../../domain/index.js";

import type { Scorecard, ScorecardCell } from "../../scorecard/schemas.js";

export { BAND_COLOUR, BAND_SHORT };

export type Lang = "id" | "en";

const TEXT = {
  id: {
    title: "Skor Kartu",
    unit: "Unit",
    total: "Seluruh",
    noData: "–",
    legend: "Legenda (Permendagri 86/2017 bila tidak diatur)",
    rank: "Peringkat",
  },
  en: {
    title: "Scorecard",
    unit: "Unit",
    total: "All of",
    noData: "–",
    legend: "Legend (Permendagri 86/2017 unless set)",
    rank: "Rank",
  },
} as const;

export const texts = (lang: Lang) => TEXT[lang];

export function titleLines(card: Scorecard, lang: Lang): string[] {
  const periods = card.periods.map((p) => (lang === "id" ? p.label : p.labelEn)).join(", ");
  return [`${TEXT[lang].title} — ${card.parent.name}`, periods];
}

/** Column headers: one per column and period, "name (period)" when there are several periods. */
export function headers(card: Scorecard, lang: Lang): string[] {
  return card.columns.flatMap((c) =>
    card.periods.map((p) => {
      const period = lang === "id" ? p.label : p.labelEn;
      const name = `${c.name}${c.unit ? ` (${c.unit})` : ""}`;
      return card.periods.length > 1 ? `${name} — ${period}` : name;
    }),
  );
}

/** The value as printed, Indonesian decimals, with the band's short name after it. */
export function cellText(cell: ScorecardCell): string {
  if (cell.value === null) return TEXT.id.noData;
  const number = formatNumberId(canonical(round(cell.value, 2)));
  return cell.band ? `${number} ${BAND_SHORT[cell.band]}` : number;
}

export function legendLines(lang: Lang): string[] {
  return (Object.keys(BAND_SHORT) as PerformanceCategory[]).map(
    (b) => `${BAND_SHORT[b]} = ${CATEGORY_LABEL[b][lang]}`,
  );
}

/** The rows as printed: each unit, then the parent as a whole. */
export function bodyRows(card: Scorecard, lang: Lang) {
  return [
    ...card.rows.map((r) => ({ name: r.name, cells: r.cells, total: false })),
    { name: `${TEXT[lang].total} ${card.parent.name}`, cells: card.total.cells, total: true },
  ];
}
