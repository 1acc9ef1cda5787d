import { Badge, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { SpmAchievement } from "../../../../src/spm/achievement-schemas";
import { apiGet } from "../../api";
import { QueryState } from "../QueryState";
import { type Band, bandColor, bandOf, bands } from "./figures";
import { RankingChart } from "./RankingChart";
import { ServiceCard } from "./ServiceCard";
import { UnitTable } from "./UnitTable";

function useSpmAchievement(orgUnitId: string, year: number) {
  return useQuery({
    queryKey: ["spm-achievement", orgUnitId, year],
    queryFn: () => apiGet<SpmAchievement>(`/spm/achievement?orgUnitId=${orgUnitId}&year=${year}`),
    // Switching region or year keeps the cards on screen instead of flashing a loader.
    placeholderData: (previous) => previous,
  });
}

/** How many services fall in each band, with the legend the cards and tables are coloured by. */
function BandSummary({ data }: { data: SpmAchievement }) {
  const { t } = useTranslation();
  const counts = new Map<Band, number>();
  for (const s of data.services) {
    const band = bandOf(s.capaian, s.target);
    counts.set(band, (counts.get(band) ?? 0) + 1);
  }
  return (
    <Group gap={6} data-testid="band-summary">
      {bands.map((band) => (
        <Badge
          key={band}
          tt="none"
          color={bandColor[band]}
          variant={band === "none" ? "outline" : "filled"}
          autoContrast
        >
          {t(`spm.bands.${band}`)} ({t(`spm.bandRange.${band}`)}): {counts.get(band) ?? 0}
        </Badge>
      ))}
    </Group>
  );
}

/** The region's 12 services for the year, then where they fall short: puskesmas and units below. */
export function Dashboard({ orgUnitId, year }: { orgUnitId: string; year: number }) {
  const { t } = useTranslation();
  const achievement = useSpmAchievement(orgUnitId, year);
  return (
    <QueryState query={achievement}>
      {(data) => (
        <Stack pos="relative">
          {achievement.isPlaceholderData && (
            <Loader size="sm" pos="absolute" top={0} right={0} aria-label={t("loading")} />
          )}
          <Stack gap={4}>
            <Title order={3} data-testid="dashboard-title">
              {t("spm.dashboard.title", { region: data.orgUnit.name, year: data.year })}
            </Title>
            <Text size="sm" c="dimmed">
              {t("spm.dashboard.basis", { regulation: data.version.regulation })}
            </Text>
            <BandSummary data={data} />
          </Stack>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 4 }} spacing="sm">
            {data.services.map((s) => (
              <ServiceCard key={s.serviceId} service={s} />
            ))}
          </SimpleGrid>
          {data.puskesmas.length > 0 && (
            <Paper withBorder p="md" data-testid="ranking">
              <Title order={4}>{t("spm.ranking.title")}</Title>
              <Text size="sm" c="dimmed" mb="xs">
                {t("spm.ranking.help")}
              </Text>
              <RankingChart units={data.puskesmas} />
              <UnitTable
                units={data.puskesmas}
                services={data.services}
                caption={t("spm.ranking.caption", { region: data.orgUnit.name, year: data.year })}
                ranked
                testId="ranking-table"
              />
            </Paper>
          )}
          {data.children.length > 0 && (
            <Paper withBorder p="md">
              <UnitTable
                units={data.children}
                services={data.services}
                caption={t("spm.children.caption", { region: data.orgUnit.name, year: data.year })}
                testId="children-table"
              />
            </Paper>
          )}
        </Stack>
      )}
    </QueryState>
  );
}
