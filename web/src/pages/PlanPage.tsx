import { Button, Group, Select, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router-dom";
import type { PlanSummary } from "../../../src/plans/schemas";
import { PlanDocument } from "../components/plan/PlanDocument";
import { QueryState } from "../components/QueryState";
import { usePlan, usePlans } from "../queries";
import { useCan } from "../session";

/** Without a plan in the URL, the latest version of the first plan listed. */
function defaultPlan(list: PlanSummary[] | undefined) {
  const first = list?.[0];
  return list?.findLast(
    (p) => p.orgUnitId === first?.orgUnitId && p.year === first?.year && p.kind === first?.kind,
  );
}

export function PlanPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { planId } = useParams();
  const navigate = useNavigate();
  const plans = usePlans();
  const selectedId = planId ?? defaultPlan(plans.data)?.id;
  const plan = usePlan(selectedId);

  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Title order={2}>{t("plans.title")}</Title>
        <Group align="end">
          {can("plan.write") && (
            <Button component={Link} to="/rencana/impor" variant="default">
              {t("plans.import.link")}
            </Button>
          )}
          <QueryState query={plans}>
            {(list) =>
              list.length === 0 ? (
                <Text>{t("plans.none")}</Text>
              ) : (
                <Select
                  label={t("plans.choose")}
                  w={580}
                  value={selectedId ?? null}
                  allowDeselect={false}
                  onChange={(id) => id && navigate(`/rencana/${id}`)}
                  data={list.map((p) => ({
                    value: p.id,
                    label: t("plans.versionLabel", {
                      kind: t(`plans.kindsShort.${p.kind}`),
                      year: p.year,
                      office: p.officeName ?? p.orgUnitName,
                      version: p.version,
                      status: t(`plans.status.${p.status}`).toLowerCase(),
                    }),
                  }))}
                />
              )
            }
          </QueryState>
        </Group>
      </Group>
      {selectedId && (
        <QueryState query={plan}>{(doc) => <PlanDocument key={doc.id} plan={doc} />}</QueryState>
      )}
    </Stack>
  );
}
