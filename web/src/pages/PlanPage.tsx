import { Group, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router-dom";
import { QueryState } from "../components/QueryState";
import { RakTable } from "../components/RakTable";
import { usePlan, usePlans } from "../queries";

export function PlanPage() {
  const { t } = useTranslation();
  const { planId } = useParams();
  const navigate = useNavigate();
  const plans = usePlans();
  const selectedId = planId ?? plans.data?.[0]?.id;
  const plan = usePlan(selectedId);

  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Title order={2}>{t("plans.title")}</Title>
        <QueryState query={plans}>
          {(list) =>
            list.length === 0 ? (
              <Text>{t("plans.none")}</Text>
            ) : (
              <Select
                label={t("plans.choose")}
                w={420}
                value={selectedId ?? null}
                allowDeselect={false}
                onChange={(id) => id && navigate(`/rencana/${id}`)}
                data={list.map((p) => ({
                  value: p.id,
                  label: `${t(`plans.kinds.${p.kind}`)} ${p.year} — ${p.officeName ?? p.orgUnitName}`,
                }))}
              />
            )
          }
        </QueryState>
      </Group>
      {selectedId && (
        <QueryState query={plan}>
          {(doc) => (
            <Paper withBorder p="md">
              <Stack gap={0} align="center" mb="md">
                <Title order={3} ta="center" tt="uppercase">
                  {t(`plans.kinds.${doc.kind}`)}
                </Title>
                <Title order={3} ta="center" tt="uppercase">
                  {doc.officeName ?? doc.orgUnitName}
                </Title>
                <Title order={3} ta="center" tt="uppercase">
                  {doc.year}
                </Title>
              </Stack>
              <RakTable plan={doc} />
              {doc.signatoryName && (
                <Stack gap={2} align="end" mt="xl" data-testid="signatory">
                  <Text tt="uppercase" fw={600}>
                    {doc.signatoryPosition}
                  </Text>
                  <Text fw={700} mt={48} td="underline">
                    {doc.signatoryName}
                  </Text>
                  <Text>
                    {t("plans.nip")}. {doc.signatoryNip}
                  </Text>
                </Stack>
              )}
            </Paper>
          )}
        </QueryState>
      )}
    </Stack>
  );
}
