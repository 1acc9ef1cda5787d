import { Group, Select, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Home } from "../../../src/home/schemas";
import { apiGet } from "../api";
import { labelOf } from "../components/data-entry/periods";
import { AuditSection } from "../components/home/AuditSection";
import { OperatorSection } from "../components/home/OperatorSection";
import { OverviewSection } from "../components/home/OverviewSection";
import { SetupChecklist } from "../components/home/SetupChecklist";
import { VerificationSection } from "../components/home/VerificationSection";
import { QueryState } from "../components/QueryState";
import { useOpeningYear, useYearsWithData } from "../queries";
import { useCan, useCurrentUser } from "../session";

/** The home page: the sections the user's roles call for, every figure a link to where it comes from. */
export function HomePage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const user = useCurrentUser();
  const opening = useOpeningYear("data");
  const years = useYearsWithData();
  const [chosen, setChosen] = useState<number | null>(null);
  const year = chosen ?? opening;
  const home = useQuery({
    queryKey: ["home", year],
    queryFn: () => apiGet<Home>(`/home?year=${year}`),
    enabled: year !== undefined,
  });
  const yearOptions = [...new Set([...(years.data?.any ?? []), ...(year ? [year] : [])])]
    .sort((a, b) => b - a)
    .map(String);
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Title order={2}>{t("home.welcome")}</Title>
          <Text c="dimmed" size="sm">
            {user.fullName} · {user.roles.map((r) => `${t(`roles.${r.role}`)} — ${r.orgUnitName}`).join("; ")}
          </Text>
        </Stack>
        <Group gap="xs" align="flex-end">
          {home.data ? (
            <Text size="sm" c="dimmed" data-testid="home-as-of">
              {t("home.asOf", { period: labelOf(home.data.period, i18n.language) })}
            </Text>
          ) : null}
          <Select
            label={t("home.year")}
            data={yearOptions}
            value={year ? String(year) : null}
            onChange={(v) => v && setChosen(Number(v))}
            w={100}
            allowDeselect={false}
            data-testid="home-year"
          />
        </Group>
      </Group>
      {can("user.manage") ? <SetupChecklist /> : null}
      {year === undefined ? null : (
        <QueryState query={home}>
          {(data) => (
            <Stack>
              {data.operator ? <OperatorSection operator={data.operator} /> : null}
              {data.verification ? <VerificationSection verification={data.verification} /> : null}
              {data.overview ? <OverviewSection overview={data.overview} period={data.period} /> : null}
              {data.audit ? <AuditSection audit={data.audit} /> : null}
            </Stack>
          )}
        </QueryState>
      )}
    </Stack>
  );
}
