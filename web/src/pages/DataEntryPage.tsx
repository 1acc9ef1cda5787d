import { Group, Select, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { EntryForm } from "../components/data-entry/EntryForm";
import { storageKeyOf } from "../components/data-entry/edits";
import { useDataSets } from "../components/data-entry/entryApi";
import { PeriodSelect } from "../components/data-entry/PeriodSelect";
import { openingPeriod } from "../components/data-entry/periods";
import { OfflineStatus } from "../components/offline/OfflineStatus";
import { QueryState } from "../components/QueryState";
import { useOpeningYear, useYearsWithData } from "../queries";
import { useCurrentUser } from "../session";

/** /isian?dataSetId&orgUnitId&period: the choice lives in the URL so the completeness page can link here. */
export function DataEntryPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const dataSets = useDataSets();
  const years = useYearsWithData();
  const openingYear = useOpeningYear("data");

  return (
    <Stack>
      <Title order={2}>{t("dataEntry.title")}</Title>
      <OfflineStatus />
      <QueryState query={dataSets}>
        {(list) => {
          const dataSet = list.find((d) => d.id === params.get("dataSetId")) ?? list[0];
          if (!dataSet) return <Text>{t("dataEntry.noDataSets")}</Text>;
          // An operator's own facility comes first; a single facility needs no choosing.
          const own = dataSet.orgUnits.find((u) => user.roles.some((r) => r.orgUnitId === u.id));
          const orgUnitId =
            dataSet.orgUnits.find((u) => u.id === params.get("orgUnitId"))?.id ??
            own?.id ??
            (dataSet.orgUnits.length === 1 ? dataSet.orgUnits[0]?.id : undefined);
          if (openingYear === undefined) return null;
          const latest = years.data?.latestPeriods.find((l) => l.dataSetId === dataSet.id)?.period;
          const period = openingPeriod(dataSet.periodType, params.get("period"), latest, openingYear);
          const choose = (patch: Record<string, string>) =>
            setParams({ dataSetId: dataSet.id, ...(orgUnitId ? { orgUnitId } : {}), period, ...patch });
          return (
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
                <Select
                  label={t("dataEntry.orgUnit")}
                  placeholder={t("dataEntry.chooseOrgUnit")}
                  w={300}
                  searchable
                  data={dataSet.orgUnits.map((u) => ({ value: u.id, label: u.name }))}
                  value={orgUnitId ?? null}
                  allowDeselect={false}
                  onChange={(id) => id && choose({ orgUnitId: id })}
                />
                <PeriodSelect
                  type={dataSet.periodType}
                  value={period}
                  onChange={(code) => choose({ period: code })}
                />
              </Group>
              {orgUnitId ? (
                <EntryForm
                  key={storageKeyOf(user.id, { dataSetId: dataSet.id, orgUnitId, period })}
                  dataSetId={dataSet.id}
                  orgUnitId={orgUnitId}
                  period={period}
                />
              ) : (
                <Text c="dimmed">{t("dataEntry.chooseOrgUnitHelp")}</Text>
              )}
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}
