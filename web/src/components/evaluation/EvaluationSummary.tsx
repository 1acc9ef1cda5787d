import { CATEGORY_LABEL, FORECAST_STATUS_LABEL, serapan, sum } from "@domain";
import { Badge, type BadgeProps, Group, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Evaluation, EvaluationIndicatorRow } from "../../../../src/evaluation/types";
import { formatNumberId, formatRupiah } from "../../format";
import {
  categories,
  categoryColor,
  categoryOf,
  forecastColor,
  forecastStatuses,
  useDomainLabel,
} from "./badges";
import { quarterArgs } from "./useEvaluation";

/** Which indicators the table shows: "category:tinggi", "category:none", "forecast:at_risk", or all. */
export type RowFilter = string | null;

export function matches(filter: RowFilter, row: EvaluationIndicatorRow) {
  if (!filter) return true;
  const [kind, value] = filter.split(":");
  if (kind === "forecast") return row.forecast.status === value;
  return (categoryOf(row.capaianToDate) ?? "none") === value;
}

/** A count that, clicked, narrows the table to those indicators: "which ones are at risk?" */
function FilterBadge(
  props: BadgeProps & {
    value: string;
    filter: RowFilter;
    onFilter: (f: RowFilter) => void;
    children: ReactNode;
  },
) {
  const { t } = useTranslation();
  const { value, filter, onFilter, ...badge } = props;
  const active = filter === value;
  return (
    <Badge
      {...badge}
      component="button"
      tt="none"
      aria-pressed={active}
      title={t("evaluation.summary.filterHelp")}
      data-testid={`count-${value.split(":")[1]}`}
      onClick={() => onFilter(active ? null : value)}
      style={{
        cursor: "pointer",
        outline: active ? "2px solid var(--mantine-color-dark-4)" : undefined,
        outlineOffset: 1,
      }}
    />
  );
}

/**
 * The plan at a glance for the Kepala Dinas: how many indicators fall in each category, how many are
 * on course for the year, and how much of the budget has been spent.
 */
interface Props {
  evaluation: Evaluation;
  filter: RowFilter;
  onFilter: (filter: RowFilter) => void;
}

export function EvaluationSummary({ evaluation, filter, onFilter }: Props) {
  const { t } = useTranslation();
  const label = useDomainLabel();
  const quarter = t("evaluation.quarterShort", quarterArgs(evaluation.quarter));
  const rows = evaluation.indicators;
  const count = (value: string) => rows.filter((r) => matches(value, r)).length;
  const by = { filter, onFilter };

  // The whole plan's budget is the sum of its programs (kegiatan pagu are parts of them).
  const programs = evaluation.budgets.filter((b) => b.level === "program" && b.pagu !== null);
  const filled = programs.filter((b) => b.realisasiToDate !== null);
  const pagu = sum(programs.map((b) => String(b.pagu)));
  const spent = sum(filled.map((b) => String(b.realisasiToDate)));
  const absorbed = filled.length ? serapan(spent, pagu) : null;

  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} data-testid="evaluation-summary">
      <Paper withBorder p="sm">
        <Text size="sm" fw={600}>
          {t("evaluation.summary.capaian", { quarter })}{" "}
          <Text span size="xs" c="dimmed">
            ({t("evaluation.summary.indicators", { count: rows.length })})
          </Text>
        </Text>
        <Group gap={6} mt={6}>
          {categories.map((c) => (
            <FilterBadge key={c} value={`category:${c}`} {...by} color={categoryColor[c]} autoContrast>
              {label(CATEGORY_LABEL[c])}: {count(`category:${c}`)}
            </FilterBadge>
          ))}
          <FilterBadge value="category:none" {...by} color="gray" variant="outline">
            {t("evaluation.summary.notComputable")}: {count("category:none")}
          </FilterBadge>
        </Group>
      </Paper>
      <Paper withBorder p="sm">
        <Text size="sm" fw={600}>
          {t("evaluation.summary.forecast")}
        </Text>
        <Group gap={6} mt={6}>
          {forecastStatuses.map((s) => (
            <FilterBadge key={s} value={`forecast:${s}`} {...by} color={forecastColor[s]} variant="light">
              {label(FORECAST_STATUS_LABEL[s])}: {count(`forecast:${s}`)}
            </FilterBadge>
          ))}
        </Group>
      </Paper>
      <Paper withBorder p="sm" data-testid="budget-summary">
        <Text size="sm" fw={600}>
          {t("evaluation.summary.budget", { quarter })}
        </Text>
        {absorbed?.computable ? (
          <Stack gap={0} mt={4}>
            <Text size="xl" fw={700}>
              {formatNumberId(absorbed.value, 2)}%
            </Text>
            <Text size="xs">
              {t("evaluation.summary.budgetOf", { spent: formatRupiah(spent), pagu: formatRupiah(pagu) })}
            </Text>
            <Text size="xs" c="dimmed">
              {t("evaluation.summary.budgetPrograms", { filled: filled.length, total: programs.length })}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed" mt={4}>
            {t("evaluation.summary.budgetNone")}
          </Text>
        )}
      </Paper>
    </SimpleGrid>
  );
}
