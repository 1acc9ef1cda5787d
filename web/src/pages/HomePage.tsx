import { Anchor, Card, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { apiGet } from "../api";
import { SetupChecklist } from "../components/home/SetupChecklist";
import { useOrgUnits, usePlans, useSpmVersions } from "../queries";
import { useCan, useCurrentUser } from "../session";

export function HomePage() {
  const { t } = useTranslation();
  const can = useCan();
  const user = useCurrentUser();
  const plans = usePlans(can("plan.read"));
  const orgUnits = useOrgUnits();
  const spm = useSpmVersions();
  const dataSets = useQuery({
    queryKey: ["data-sets"],
    queryFn: () => apiGet<unknown[]>("/data-sets"),
    enabled: can("data.read"),
  });
  const cards = [
    { label: t("home.plans"), value: plans.data?.length, to: "/rencana", shown: can("plan.read") },
    { label: t("home.dataSets"), value: dataSets.data?.length, to: "/isian", shown: can("data.read") },
    { label: t("home.spmVersions"), value: spm.data?.length, to: "/spm", shown: can("spm.read") },
    { label: t("home.orgUnits"), value: orgUnits.data?.length, to: "/unit-organisasi", shown: true },
  ].filter((c) => c.shown);
  return (
    <Stack>
      <Title order={2}>{t("home.welcome")}</Title>
      <Text c="dimmed">
        {user.fullName} · {user.roles.map((r) => `${t(`roles.${r.role}`)} — ${r.orgUnitName}`).join("; ")}
      </Text>
      <Text maw={720}>{t("home.intro")}</Text>
      {can("user.manage") ? <SetupChecklist /> : null}
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        {cards.map((card) => (
          <Card key={card.to} withBorder>
            <Text c="dimmed" size="sm">
              {card.label}
            </Text>
            <Text fz={28} fw={700}>
              {card.value ?? "…"}
            </Text>
            <Anchor component={Link} to={card.to} size="sm">
              {t("home.open")}
            </Anchor>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
