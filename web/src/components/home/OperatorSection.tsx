import { Badge, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { HomeOperator } from "../../../../src/home/schemas";
import { formatMoment, labelOf } from "../data-entry/periods";
import { formLink } from "./links";
import { DaysLeft } from "./OverviewSection";
import { ItemLink, Section } from "./Section";

/** An operator's to-do: forms due with the days left, reports sent back with why, the latest approvals. */
export function OperatorSection({ operator }: { operator: HomeOperator }) {
  const { t, i18n } = useTranslation();
  // An operator of one puskesmas needs no unit name on every line.
  const units = new Set(
    [...operator.due, ...operator.returned, ...operator.approved].map((r) => r.orgUnitName),
  );
  const name = (r: { orgUnitName: string; dataSetName: string; period: string }) =>
    `${units.size > 1 ? `${r.orgUnitName} · ` : ""}${r.dataSetName} · ${labelOf(r.period, i18n.language)}`;
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} data-testid="home-operator">
      <Section title={t("home.operator.due")} testId="home-due">
        {operator.due.length === 0 ? <Text size="sm">{t("home.none")}</Text> : null}
        {operator.due.map((d) => (
          <Group key={`${d.dataSetId}/${d.orgUnitId}/${d.period}`} gap="xs" wrap="nowrap">
            <ItemLink to={formLink(d)}>{name(d)}</ItemLink>
            <Badge
              size="sm"
              variant="light"
              color={d.daysLeft < 0 ? "red" : d.daysLeft <= 3 ? "orange" : "blue"}
              style={{ flexShrink: 0 }}
            >
              <DaysLeft days={d.daysLeft} />
            </Badge>
          </Group>
        ))}
      </Section>
      <Section title={t("home.operator.returned")} testId="home-returned">
        {operator.returned.length === 0 ? <Text size="sm">{t("home.none")}</Text> : null}
        {operator.returned.map((r) => (
          <Stack key={`${r.dataSetId}/${r.orgUnitId}/${r.period}`} gap={0}>
            <ItemLink to={formLink(r)}>{name(r)}</ItemLink>
            {r.reason ? (
              <Text size="xs" c="red.8">
                {t("home.operator.reason", { reason: r.reason })}
              </Text>
            ) : null}
          </Stack>
        ))}
      </Section>
      <Section title={t("home.operator.approved")} testId="home-approved">
        {operator.approved.length === 0 ? <Text size="sm">{t("home.none")}</Text> : null}
        {operator.approved.map((r) => (
          <Stack key={`${r.dataSetId}/${r.orgUnitId}/${r.period}`} gap={0}>
            <ItemLink to={formLink(r)}>{name(r)}</ItemLink>
            <Text size="xs" c="dimmed">
              {formatMoment(r.at, i18n.language)}
            </Text>
          </Stack>
        ))}
      </Section>
    </SimpleGrid>
  );
}
