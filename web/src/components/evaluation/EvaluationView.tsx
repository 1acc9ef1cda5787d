import { Anchor, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCan } from "../../session";
import { QueryState } from "../QueryState";
import "../plan/rak-table.css";
import "./evaluation.css";
import { BudgetTable } from "./BudgetTable";
import { EvaluationSummary, matches, type RowFilter } from "./EvaluationSummary";
import { IndicatorTable } from "./IndicatorTable";
import { type Quarter, quarterArgs, useEvaluation, useEvaluationEditor } from "./useEvaluation";

/** One plan's evaluation for a quarter: the summary, then the document as the Dinas prints it. */
export function EvaluationView({ planId, quarter }: { planId: string; quarter: Quarter }) {
  const { t } = useTranslation();
  const can = useCan();
  const evaluation = useEvaluation(planId, quarter);
  const editor = useEvaluationEditor(planId);
  const writable = can("evaluation.write");
  const [filter, setFilter] = useState<RowFilter>(null);

  return (
    <QueryState query={evaluation}>
      {(data) => (
        <Stack>
          <EvaluationSummary evaluation={data} filter={filter} onFilter={setFilter} />
          <Text size="sm" c="dimmed">
            {writable ? t("evaluation.hint") : t("evaluation.readOnly")}
          </Text>
          <Paper withBorder p="md" pos="relative">
            {evaluation.isPlaceholderData && (
              <Loader size="sm" pos="absolute" top={12} right={12} aria-label={t("loading")} />
            )}
            <Stack gap={0} align="center" mb="md">
              <Title order={3} ta="center" tt="uppercase">
                {t("evaluation.documentTitle")}
              </Title>
              <Title order={3} ta="center" tt="uppercase">
                {data.plan.orgUnitName}
              </Title>
              <Title order={3} ta="center" tt="uppercase" data-testid="period-label">
                {t("evaluation.quarterLong", quarterArgs(data.quarter))} {data.plan.year}
              </Title>
            </Stack>
            {filter && (
              <Text size="sm" mb="xs" data-testid="filtered">
                {t("evaluation.summary.filtered", {
                  shown: data.indicators.filter((r) => matches(filter, r)).length,
                  count: data.indicators.length,
                })}{" "}
                <Anchor component="button" size="sm" onClick={() => setFilter(null)}>
                  {t("evaluation.summary.showAll")}
                </Anchor>
              </Text>
            )}
            {data.indicators.length === 0 ? (
              <Text c="dimmed">{t("evaluation.noIndicators")}</Text>
            ) : (
              <IndicatorTable
                evaluation={{ ...data, indicators: data.indicators.filter((r) => matches(filter, r)) }}
                editor={writable ? editor : undefined}
              />
            )}
          </Paper>
          <Paper withBorder p="md">
            <Title order={4} mb="sm">
              {t("evaluation.budgetTitle")}
            </Title>
            <BudgetTable evaluation={data} editor={writable ? editor : undefined} />
          </Paper>
        </Stack>
      )}
    </QueryState>
  );
}
