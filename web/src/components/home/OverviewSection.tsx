import { Badge, Group, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { HomeOverview } from "../../../../src/home/schemas";
import { formatNumberId } from "../../format";
import { labelOf } from "../data-entry/periods";
import { categoryColor, useDomainLabel } from "../evaluation/badges";
import { completenessLink, evaluationLink, formLink } from "./links";
import { QuadrantChart } from "./QuadrantChart";
import { Figure, ItemLink, Section } from "./Section";

const BANDS = ["sangat_tinggi", "tinggi", "sedang", "rendah", "sangat_rendah", "none"] as const;
const percent = (v: string | number | null) => (v === null ? "–" : `${formatNumberId(String(v), 1)}%`);

/** The kepala dinas's (and admin's, auditor's) page: the kota's state and what waits for them. */
export function OverviewSection({ overview, period }: { overview: HomeOverview; period: string }) {
  const { t, i18n } = useTranslation();
  const label = useDomainLabel();
  const evaluation = overview.plan ? evaluationLink(overview.plan.id, overview.quarter) : "/evaluasi";
  const month = labelOf(period, i18n.language);
  return (
    <Stack data-testid="home-overview">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Section
          title={t("home.overview.categories", { quarter: overview.quarter })}
          testId="home-categories"
        >
          {overview.plan ? (
            <SimpleGrid cols={{ base: 2, sm: 3 }}>
              {BANDS.map((band) => (
                <Group key={band} gap={6} wrap="nowrap" align="flex-start">
                  <Badge size="xs" circle color={band === "none" ? "gray" : categoryColor[band]} mt={8} />
                  <Figure
                    label={t(`home.overview.band.${band}`)}
                    value={overview.categories[band]}
                    to={evaluation}
                  />
                </Group>
              ))}
            </SimpleGrid>
          ) : (
            <Text size="sm">{t("home.overview.noPlan")}</Text>
          )}
        </Section>
        <Section title={t("home.overview.alerts")} testId="home-alerts">
          {overview.alerts.length === 0 ? <Text size="sm">{t("home.none")}</Text> : null}
          {overview.alerts.map((a) => (
            <Stack key={a.planIndicatorId} gap={0}>
              <Group gap="xs" wrap="nowrap">
                <Badge
                  color={a.status === "off_track" ? "red" : "orange"}
                  size="sm"
                  variant="light"
                  style={{ flexShrink: 0 }}
                >
                  {t(a.status === "off_track" ? "home.overview.offTrack" : "home.overview.atRisk")}
                </Badge>
                <ItemLink to={evaluation}>
                  {a.indicator} · {percent(a.capaian)}
                </ItemLink>
              </Group>
              <Text size="xs" c="dimmed">
                {label(a.explanation)}
              </Text>
            </Stack>
          ))}
        </Section>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Section title={t("home.overview.quadrant")}>
          <QuadrantChart programs={overview.programs} to={evaluation} />
        </Section>
        <Section title={t("home.overview.spm", { period: month })} testId="home-spm">
          {overview.spm === null ? (
            <Text size="sm">{t("home.overview.spmNone")}</Text>
          ) : (
            <Table fz="sm" verticalSpacing={2}>
              <Table.Tbody>
                {overview.spm.map((s) => (
                  <Table.Tr key={s.number}>
                    <Table.Td>
                      {s.number}. {s.name}
                    </Table.Td>
                    <Table.Td ta="right">
                      <ItemLink to="/spm">{percent(s.capaian)}</ItemLink>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Section>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Section title={t("home.overview.completeness", { period: month })} testId="home-completeness">
          {overview.completeness.map((c) => (
            <Stack key={c.dataSetId} gap={0}>
              <Figure
                label={`${c.dataSetName} · ${t("home.overview.received", c)}, ${t("home.overview.onTime", { percent: percent(c.timelinessPercent) })}`}
                value={percent(c.completenessPercent)}
                to={completenessLink(c.dataSetId, c.period)}
              />
            </Stack>
          ))}
        </Section>
        <Section
          title={t("home.overview.toApprove", { count: overview.toApprove.count })}
          testId="home-to-approve"
        >
          {overview.toApprove.reports.map((r) => (
            <ItemLink key={`${r.dataSetId}/${r.orgUnitId}/${r.period}`} to={formLink(r)}>
              {r.orgUnitName} · {labelOf(r.period, i18n.language)}
            </ItemLink>
          ))}
          {overview.toSign.length ? (
            <Text size="sm" fw={600}>
              {t("home.overview.toSign")}
            </Text>
          ) : null}
          {overview.toSign.map((p) => (
            <ItemLink key={p.id} to={`/rencana/${p.id}`}>
              {p.title}
            </ItemLink>
          ))}
        </Section>
        <Section title={t("home.overview.deadlines")} testId="home-deadlines">
          {overview.deadlines.map((d) => (
            <ItemLink key={d.dataSetId} to={completenessLink(d.dataSetId, d.period)}>
              {d.dataSetName} · {labelOf(d.period, i18n.language)} · <DaysLeft days={d.daysLeft} />
            </ItemLink>
          ))}
        </Section>
      </SimpleGrid>
    </Stack>
  );
}

export function DaysLeft({ days }: { days: number }) {
  const { t } = useTranslation();
  if (days === 0) return <>{t("home.overview.today")}</>;
  return (
    <>
      {days > 0 ? t("home.overview.daysLeft", { count: days }) : t("home.overview.overdue", { count: -days })}
    </>
  );
}
