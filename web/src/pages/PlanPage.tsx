import { defaultYear } from "@domain";
import { Button, Group, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router-dom";
import type { PlanSummary } from "../../../src/plans/schemas";
import { PlanDocument } from "../components/plan/PlanDocument";
import { StartPlanModal } from "../components/plan/StartPlanModal";
import { versionLabel } from "../components/plan/versionLabel";
import { QueryState } from "../components/QueryState";
import { usePlan, usePlans } from "../queries";
import { useCan } from "../session";

/** The latest version of the first plan listed (of one year, when given): a revision is worked on there. */
function defaultPlan(list: PlanSummary[], year?: number) {
  const inYear = year === undefined ? list : list.filter((p) => p.year === year);
  const first = inYear[0];
  return inYear.findLast(
    (p) => p.orgUnitId === first?.orgUnitId && p.year === first?.year && p.kind === first?.kind,
  );
}

/** The years with a plan, and the year before, this one and the next, so a new year can be started. */
function yearsOffered(list: PlanSummary[]) {
  const thisYear = new Date().getFullYear();
  return [...new Set([...list.map((p) => p.year), thisYear - 1, thisYear, thisYear + 1])].sort(
    (a, b) => a - b,
  );
}

export function PlanPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { planId } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const plans = usePlans();
  const [starting, setStarting] = useState(false);
  const list = plans.data ?? [];
  // Without a year in the address, the latest year that has a plan (not an empty current year).
  const chosenYear =
    Number(search.get("tahun")) || (plans.isSuccess ? defaultYear(list.map((p) => p.year)) : undefined);
  const selectedId = planId ?? defaultPlan(list, chosenYear)?.id;
  const plan = usePlan(selectedId);
  // ?indikator= (the search's link) brings that indicator's row into view once the plan is shown.
  const linkedIndicator = search.get("indikator");
  const shown = plan.isSuccess;
  useEffect(() => {
    if (linkedIndicator && shown)
      document.getElementById(`row-${linkedIndicator}`)?.scrollIntoView({ block: "center" });
  }, [linkedIndicator, shown]);
  const year = list.find((p) => p.id === selectedId)?.year ?? plan.data?.year ?? chosenYear;
  const withPlan = new Set(list.map((p) => p.year));

  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Title order={2}>{t("plans.title")}</Title>
        <Group align="end" wrap="wrap">
          {can("plan.write") && (
            <>
              <Button onClick={() => setStarting(true)}>{t("planStart.start")}</Button>
              <Button component={Link} to="/rencana/impor" variant="default">
                {t("plans.import.link")}
              </Button>
            </>
          )}
          <QueryState query={plans}>
            {(all) => (
              <>
                <Select
                  label={t("planStart.year")}
                  w={240}
                  value={year ? String(year) : null}
                  allowDeselect={false}
                  onChange={(y) => y && navigate(`/rencana?tahun=${y}`)}
                  data={yearsOffered(all).map((y) => ({
                    value: String(y),
                    label: withPlan.has(y) ? String(y) : t("planStart.yearNoPlan", { year: y }),
                  }))}
                  data-testid="plan-year"
                />
                {all.some((p) => p.year === year) && (
                  <Select
                    label={t("plans.choose")}
                    w={{ base: "100%", sm: 580 }}
                    value={selectedId ?? null}
                    allowDeselect={false}
                    onChange={(id) => id && navigate(`/rencana/${id}`)}
                    data={all
                      .filter((p) => p.year === year)
                      .map((p) => ({
                        value: p.id,
                        label: versionLabel(t, p),
                      }))}
                  />
                )}
              </>
            )}
          </QueryState>
        </Group>
      </Group>
      {selectedId ? (
        <QueryState query={plan}>{(doc) => <PlanDocument key={doc.id} plan={doc} />}</QueryState>
      ) : (
        plans.isSuccess &&
        year && (
          <Paper withBorder p="lg" data-testid="no-plan">
            <Stack align="start">
              <Text fw={600}>{t("planStart.noPlanForYear", { year })}</Text>
              {can("plan.write") ? (
                <>
                  <Text size="sm" c="dimmed">
                    {t("planStart.noPlanHint")}
                  </Text>
                  <Button onClick={() => setStarting(true)}>{t("planStart.startYear", { year })}</Button>
                </>
              ) : (
                <Text size="sm" c="dimmed">
                  {t("plans.none")}
                </Text>
              )}
            </Stack>
          </Paper>
        )
      )}
      {starting && (
        <StartPlanModal
          year={year && !withPlan.has(year) ? year : new Date().getFullYear() + 1}
          plans={list}
          onClose={() => setStarting(false)}
        />
      )}
    </Stack>
  );
}
