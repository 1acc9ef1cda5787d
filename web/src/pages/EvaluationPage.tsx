import { Button, Group, Paper, SegmentedControl, Select, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router-dom";
import { DownloadButtons } from "../components/evaluation/DownloadButtons";
import { EvaluationView } from "../components/evaluation/EvaluationView";
import {
  defaultPlan,
  defaultQuarter,
  type Quarter,
  quarterArgs,
  quarters,
} from "../components/evaluation/useEvaluation";
import { versionLabel } from "../components/plan/versionLabel";
import { QueryState } from "../components/QueryState";
import { usePlans, useYearsWithData } from "../queries";
import { useCan } from "../session";

/** The quarterly evaluation of a RAK: /evaluasi/:planId?triwulan=1, so a reload keeps the quarter. */
export function EvaluationPage() {
  const { t } = useTranslation();
  const { planId } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const can = useCan();
  const plans = usePlans();
  const years = useYearsWithData();
  const selected = plans.data?.find((p) => p.id === planId) ?? (planId ? undefined : defaultPlan(plans.data));
  const chosen = Number(search.get("triwulan"));
  const quarter: Quarter | undefined =
    quarters.find((q) => q === chosen) ??
    (selected && !years.isPending
      ? defaultQuarter(
          selected.year,
          new Date(),
          (years.data?.latestPeriods ?? []).map((l) => l.period),
        )
      : undefined);
  const go = (id: string, q: Quarter | undefined) => navigate(`/evaluasi/${id}${q ? `?triwulan=${q}` : ""}`);

  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Title order={2}>{t("evaluation.title")}</Title>
        <QueryState query={plans}>
          {(list) =>
            list.length === 0 ? null : (
              <Select
                label={t("evaluation.choosePlan")}
                w={580}
                value={selected?.id ?? planId ?? null}
                allowDeselect={false}
                // A chosen quarter stays chosen; otherwise the new plan's year decides.
                onChange={(id) => id && go(id, search.get("triwulan") ? quarter : undefined)}
                data={list.map((p) => ({
                  value: p.id,
                  label: versionLabel(t, p),
                }))}
              />
            )
          }
        </QueryState>
      </Group>
      {plans.data?.length === 0 && (
        <Paper withBorder p="lg" data-testid="no-plan">
          <Stack align="start">
            <Text fw={600}>{t("evaluation.noPlan")}</Text>
            <Text size="sm" c="dimmed">
              {can("plan.write") ? t("evaluation.noPlanHint") : t("evaluation.noPlanReader")}
            </Text>
            {can("plan.write") && (
              <Button component={Link} to="/rencana">
                {t("evaluation.toPlans")}
              </Button>
            )}
          </Stack>
        </Paper>
      )}
      {selected && quarter && (
        <>
          <Group justify="space-between" align="end">
            {/* The four quarters scroll sideways on a phone rather than widen the page. */}
            <Stack gap={4} maw="100%" style={{ overflowX: "auto" }}>
              <Text size="sm" fw={500}>
                {t("evaluation.quarter")}
              </Text>
              <SegmentedControl
                aria-label={t("evaluation.quarter")}
                value={String(quarter)}
                onChange={(q) => go(selected.id, Number(q) as Quarter)}
                data={quarters.map((q) => ({
                  value: String(q),
                  label: t("evaluation.quarterLong", quarterArgs(q)),
                }))}
              />
            </Stack>
            <DownloadButtons planId={selected.id} quarter={quarter} />
          </Group>
          <EvaluationView key={selected.id} planId={selected.id} quarter={quarter} />
        </>
      )}
    </Stack>
  );
}
