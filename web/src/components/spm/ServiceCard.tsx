import { Badge, Group, Paper, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { SpmServiceAchievement } from "../../../../src/spm/achievement-schemas";
import { formatTarget } from "../../format";
import { bandColor, bandOf, count, percent } from "./figures";
import { MonthlyChart, shortMonth } from "./MonthlyChart";
import { NoData } from "./NoData";

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap" align="start">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xs" ta="right" data-testid={testId}>
        {children}
      </Text>
    </Group>
  );
}

/** One service at a glance: capaian against the target, the counts behind it, and the year's course. */
export function ServiceCard({ service }: { service: SpmServiceAchievement }) {
  const { t, i18n } = useTranslation();
  const band = bandOf(service.capaian, service.target);
  const unknown = t("spm.figures.noData");
  const headingId = `spm-card-${service.number}`;
  const first = service.months[0];
  const last = service.months[service.months.length - 1];
  const span =
    first && last
      ? `${shortMonth(first, i18n.language)} ${first.slice(0, 4)} – ${shortMonth(last, i18n.language)} ${last.slice(0, 4)}`
      : "";

  return (
    <Paper
      component="article"
      withBorder
      p="sm"
      aria-labelledby={headingId}
      data-testid="spm-card"
      data-service={service.number}
      style={{ borderTop: `4px solid var(--mantine-color-${bandColor[band].replace(".", "-")})` }}
    >
      <Stack gap={6}>
        <Text component="h4" m={0} id={headingId} size="sm" fw={600} title={service.indicator}>
          {service.number}. {service.name}
        </Text>
        {service.periodType === "school_year" && (
          <Text size="xs" c="dimmed">
            {t("spm.card.schoolYear", { span })}
          </Text>
        )}
        {service.capaian === null ? (
          <NoData figures={service} />
        ) : (
          <Group gap="xs" align="baseline">
            <Text fz={26} fw={700} lh={1} data-testid="capaian">
              {percent(service.capaian)}%
            </Text>
            <Badge size="sm" tt="none" color={bandColor[band]} autoContrast>
              {t(`spm.bands.${band}`)}
            </Badge>
          </Group>
        )}
        <Row label={t("spm.card.target")}>
          {service.target === null ? t("spm.card.noTarget") : `${formatTarget(service.target)}%`}
        </Row>
        <Row label={t("spm.card.fraction")} testId="fraction">
          {count(service.numerator, unknown)} / {count(service.denominator, unknown)}
        </Row>
        {service.denominatorNote && (
          <Text size="xs" c="orange.9" data-testid="denominator-note">
            {t("spm.figures.estimated", { note: service.denominatorNote })}
          </Text>
        )}
        <Row label={t("spm.card.gap")}>{service.gap === null ? "–" : percent(service.gap)}</Row>
        {service.byProvider.length > 0 && (
          <Row label={t("spm.card.byProvider")} testId="by-provider">
            {service.byProvider
              .map(
                (p) =>
                  `${t(`spm.providers.${p.provider}`, { defaultValue: p.provider })} ${count(p.numerator, unknown)}`,
              )
              .join(" · ")}
          </Row>
        )}
        <Row label={t("spm.card.reports")}>
          {t("spm.card.reportsOf", { received: service.receivedReports, expected: service.expectedReports })}
        </Row>
        <MonthlyChart service={service} />
      </Stack>
    </Paper>
  );
}
