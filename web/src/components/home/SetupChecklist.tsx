import { Badge, Button, Card, Group, Progress, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { SetupStatus } from "../../../../src/setup/schemas";
import { apiGet } from "../../api";
import { QueryState } from "../QueryState";

/** Where each step is done. */
const STEP_LINKS: Record<SetupStatus["steps"][number]["key"], string> = {
  orgUnits: "/unit-organisasi",
  users: "/pengguna",
  dataSets: "/formulir-data",
  plan: "/rencana",
  spm: "/spm",
};

/** The admin's first-day guide: org units → users → data sets → plan → SPM, each with what exists so far. */
export function SetupChecklist() {
  const status = useQuery({
    queryKey: ["setup-status"],
    queryFn: () => apiGet<SetupStatus[]>("/setup/status"),
  });
  return (
    <QueryState query={status}>
      {(offices) => offices.map((office) => <OfficeChecklist key={office.orgUnit.id} office={office} />)}
    </QueryState>
  );
}

function OfficeChecklist({ office }: { office: SetupStatus }) {
  const { t } = useTranslation();
  const name = office.orgUnit.officeName ?? office.orgUnit.name;
  const done = office.steps.filter((s) => s.done).length;
  if (office.done) {
    return (
      <Text c="teal" size="sm" data-testid="setup-done">
        {t("setup.allDone", { office: name })}
      </Text>
    );
  }
  return (
    <Card withBorder data-testid="setup-checklist">
      <Stack gap="sm">
        <Title order={3}>{t("setup.title", { office: name })}</Title>
        <Text size="sm">{t("setup.intro")}</Text>
        <Group gap="xs">
          <Progress value={(done / office.steps.length) * 100} w={160} aria-hidden />
          <Text size="sm" c="dimmed">
            {t("setup.progress", { done, total: office.steps.length })}
          </Text>
        </Group>
        {office.steps.map((step, index) => (
          <Group
            key={step.key}
            wrap="nowrap"
            align="flex-start"
            justify="space-between"
            data-step={step.key}
            data-done={step.done}
          >
            <Group wrap="nowrap" align="flex-start" gap="sm">
              <ThemeIcon
                radius="xl"
                color={step.done ? "teal" : "gray"}
                variant={step.done ? "filled" : "light"}
              >
                {step.done ? "✓" : index + 1}
              </ThemeIcon>
              <div>
                <Group gap="xs">
                  <Text fw={600}>{t(`setup.steps.${step.key}.title`)}</Text>
                  <Badge color={step.done ? "teal" : "gray"} variant="light">
                    {step.done ? t("setup.doneBadge") : t("setup.todoBadge")}
                  </Badge>
                </Group>
                <Text size="sm">{t(`setup.steps.${step.key}.text`)}</Text>
                <Text size="xs" c="dimmed">
                  {t(`setup.steps.${step.key}.count`, { count: step.count })}
                </Text>
              </div>
            </Group>
            <Button
              component={Link}
              to={STEP_LINKS[step.key]}
              size="xs"
              variant={step.done ? "subtle" : "filled"}
              style={{ flexShrink: 0 }}
            >
              {step.done ? t("setup.review") : t("setup.open")}
            </Button>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
