import { Anchor, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import {
  type Completeness,
  type DataSet,
  useCompleteness,
  useDataSets,
} from "../components/data-entry/entryApi";
import { PeriodSelect } from "../components/data-entry/PeriodSelect";
import { formatMoment, labelOf, openingPeriod } from "../components/data-entry/periods";
import { StatusBadge } from "../components/data-entry/StatusBadge";
import { QueryState } from "../components/QueryState";
import { formatNumberId } from "../format";
import { useOpeningYear, useYearsWithData } from "../queries";

/** /kelengkapan?dataSetId&period: which facilities reported, and on time, for one period. */
export function CompletenessPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const dataSets = useDataSets();
  const dataSet = dataSets.data?.find((d) => d.id === params.get("dataSetId")) ?? dataSets.data?.[0];
  const years = useYearsWithData();
  const openingYear = useOpeningYear("data");
  const latest = years.data?.latestPeriods.find((l) => l.dataSetId === dataSet?.id)?.period;
  // Empty until the years with data are known, so the page never flashes this month's empty table.
  const period =
    dataSet && openingYear !== undefined
      ? openingPeriod(dataSet.periodType, params.get("period"), latest, openingYear)
      : "";
  const completeness = useCompleteness(dataSet?.id ?? null, period);

  return (
    <Stack>
      <Title order={2}>{t("dataEntry.completeness.title")}</Title>
      <QueryState query={dataSets}>
        {(list) =>
          !dataSet ? (
            <Text>{t("dataEntry.noDataSets")}</Text>
          ) : (
            <>
              <Group align="end" gap="md">
                <Select
                  label={t("dataEntry.dataSet")}
                  w={300}
                  data={list.map((d) => ({ value: d.id, label: d.name }))}
                  value={dataSet.id}
                  allowDeselect={false}
                  onChange={(id) => id && setParams({ dataSetId: id })}
                />
                <PeriodSelect
                  type={dataSet.periodType}
                  value={period}
                  onChange={(code) => setParams({ dataSetId: dataSet.id, period: code })}
                />
              </Group>
              <QueryState query={completeness}>
                {(result) => <Summary dataSet={dataSet} period={period} result={result} />}
              </QueryState>
            </>
          )
        }
      </QueryState>
    </Stack>
  );
}

const percent = (value: number | null) => (value === null ? "–" : `${formatNumberId(String(value))}%`);

function Summary({ dataSet, period, result }: { dataSet: DataSet; period: string; result: Completeness }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const stats = [
    {
      label: t("dataEntry.completeness.completeness"),
      value: percent(result.completenessPercent),
      detail: t("dataEntry.completeness.received", { received: result.received, expected: result.expected }),
      testId: "completeness",
    },
    {
      label: t("dataEntry.completeness.timeliness"),
      value: percent(result.timelinessPercent),
      detail: t("dataEntry.completeness.onTime", { onTime: result.onTime, expected: result.expected }),
      testId: "timeliness",
    },
  ];
  return (
    <Stack>
      <Text c="dimmed">
        {dataSet.name} — {labelOf(period, lng)}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} maw={640}>
        {stats.map((s) => (
          <Paper key={s.testId} withBorder p="md" data-testid={s.testId}>
            <Text size="sm" c="dimmed">
              {s.label}
            </Text>
            <Text fz={32} fw={700}>
              {s.value}
            </Text>
            <Text size="sm">{s.detail}</Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Table withTableBorder striped highlightOnHover data-testid="completeness-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("dataEntry.orgUnit")}</Table.Th>
            <Table.Th>{t("dataEntry.completeness.status")}</Table.Th>
            <Table.Th>{t("dataEntry.completeness.submittedAt")}</Table.Th>
            <Table.Th>{t("dataEntry.completeness.timely")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.units.map((u) => (
            <Table.Tr key={u.orgUnitId}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/isian?${new URLSearchParams({ dataSetId: dataSet.id, orgUnitId: u.orgUnitId, period })}`}
                >
                  {u.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={u.status} />
              </Table.Td>
              <Table.Td>{u.submittedAt ? formatMoment(u.submittedAt, lng) : "–"}</Table.Td>
              <Table.Td>
                {u.onTime === null ? (
                  "–"
                ) : (
                  <Text size="sm" c={u.onTime ? "teal.8" : "orange.8"}>
                    {t(u.onTime ? "dataEntry.onTime" : "dataEntry.late")}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
