import {
  CATEGORY_LABEL,
  FORECAST_STATUS_LABEL,
  FORMULA_TEXT,
  type ForecastStatus,
  type PerformanceCategory,
} from "@domain";
import { Badge, Stack, Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CapaianCell, EvaluationIndicatorRow } from "../../../../src/evaluation/types";
import { formatNumberId, formatTarget } from "../../format";

export const categories = Object.keys(CATEGORY_LABEL) as PerformanceCategory[];
export const forecastStatuses = Object.keys(FORECAST_STATUS_LABEL) as ForecastStatus[];

/** Permendagri 86/2017 from best to worst: green to red, so a page of badges reads at a glance. */
export const categoryColor: Record<PerformanceCategory, string> = {
  sangat_tinggi: "green.8",
  tinggi: "lime.4",
  sedang: "yellow.4",
  rendah: "orange.6",
  sangat_rendah: "red.8",
};

export const forecastColor: Record<ForecastStatus, string> = {
  on_track: "green",
  at_risk: "orange",
  off_track: "red",
  unknown: "gray",
};

/** The server sends the Indonesian label ("Sangat Tinggi"); the key gives colour and English label. */
export function categoryOf(cell: CapaianCell): PerformanceCategory | null {
  const label = cell.category?.toLowerCase();
  return categories.find((c) => CATEGORY_LABEL[c].id.toLowerCase() === label) ?? null;
}

/** Labels the domain shares with the printed report, in the reader's language. */
export function useDomainLabel() {
  const { i18n } = useTranslation();
  return (label: { id: string; en: string }) => (i18n.language === "en" ? label.en : label.id);
}

/** Capaian with its category, or why it cannot be computed (small and grey: not an error). */
export function CapaianBadge({ cell, formula }: { cell: CapaianCell; formula: string }) {
  const { t, i18n } = useTranslation();
  const label = useDomainLabel();
  // The server names the formula in Indonesian; the domain's table gives its English words.
  const formulaText = Object.values(FORMULA_TEXT).find((f) => f.id === formula);
  const category = categoryOf(cell);
  if (cell.value === null)
    return (
      <Text size="xs" c="dimmed" maw={140} data-testid="capaian-reason">
        {i18n.language === "en" ? (cell.reasonEn ?? cell.reason) : cell.reason}
      </Text>
    );
  return (
    <Tooltip
      label={t("evaluation.formula", { formula: formulaText ? label(formulaText) : formula })}
      multiline
      w={280}
    >
      <Stack gap={2} align="end" data-testid="capaian">
        <Text size="sm" fw={600}>
          {formatNumberId(cell.value, 2)}
        </Text>
        {category && (
          <Badge size="xs" tt="none" color={categoryColor[category]} autoContrast data-testid="category">
            {label(CATEGORY_LABEL[category])}
          </Badge>
        )}
      </Stack>
    </Tooltip>
  );
}

/** The year-end forecast: status first, the projected capaian under it, the reasoning on hover. */
export function ForecastBadge({ row }: { row: EvaluationIndicatorRow }) {
  const { t } = useTranslation();
  const label = useDomainLabel();
  const { forecast } = row;
  const explanation = [
    label(forecast.explanation),
    forecast.projected && t("evaluation.forecastProjected", { value: formatTarget(forecast.projected) }),
  ]
    .filter(Boolean)
    .join(". ");
  return (
    <Tooltip label={explanation} multiline w={300}>
      <Stack gap={2} align="start" data-testid="forecast">
        <Badge size="xs" tt="none" variant="light" color={forecastColor[forecast.status]}>
          {label(FORECAST_STATUS_LABEL[forecast.status])}
        </Badge>
        {forecast.capaian && (
          <Text size="xs" c="dimmed">
            {formatNumberId(forecast.capaian, 2)}%
          </Text>
        )}
      </Stack>
    </Tooltip>
  );
}
