import { Loader, Stack, Tabs, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { OrgUnit } from "../../../src/org-units/schemas";
import { QueryState } from "../components/QueryState";
import { AdoptionStatus } from "../components/spm/AdoptionStatus";
import { Catalogue } from "../components/spm/Catalogue";
import { Dashboard } from "../components/spm/Dashboard";
import { QuarterTab } from "../components/spm/QuarterTab";
import { ReportTab } from "../components/spm/ReportTab";
import { SpmFilters } from "../components/spm/SpmFilters";
import { type SpmSelection, type SpmTab, tabs, useSpmSelection } from "../components/spm/useSpmSelection";

/** The filters, then `children` once a region and a year are known. */
function ForSelection({
  selection,
  children,
}: {
  selection: SpmSelection;
  children: (region: OrgUnit, year: number) => ReactNode;
}) {
  const { t } = useTranslation();
  const { region, year } = selection;
  return (
    <Stack>
      <SpmFilters selection={selection} />
      <QueryState query={selection.units}>
        {() =>
          selection.pending ? (
            <Loader size="sm" aria-label={t("loading")} />
          ) : region && year ? (
            <QueryState query={selection.adoptions}>
              {(adoptions) => (
                <Stack>
                  <AdoptionStatus adoptions={adoptions} year={year} />
                  {(!adoptions.region || adoptions.adoptions.some((a) => a.year === year)) &&
                    children(region, year)}
                </Stack>
              )}
            </QueryState>
          ) : (
            <Text>{t("spm.filters.none")}</Text>
          )
        }
      </QueryState>
    </Stack>
  );
}

/** SPM: the year's capaian (dashboard), the Pasal 9 report, the quarterly e-SPM report and the catalogue, as tabs. */
export function SpmPage() {
  const { t } = useTranslation();
  const selection = useSpmSelection();
  const { version, tab } = selection;

  return (
    <Stack>
      <Title order={2}>{t("spm.title")}</Title>
      <Tabs value={tab} onChange={(value) => value && selection.setTab(value as SpmTab)} keepMounted={false}>
        <Tabs.List>
          {tabs.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {t(`spm.tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="capaian" pt="md">
          <ForSelection selection={selection}>
            {(region, year) => <Dashboard orgUnitId={region.id} year={year} />}
          </ForSelection>
        </Tabs.Panel>
        <Tabs.Panel value="laporan" pt="md">
          <ForSelection selection={selection}>
            {/* A new region or year is a new document: no edit state carries over. */}
            {(region, year) => <ReportTab key={`${region.id}:${year}`} orgUnitId={region.id} year={year} />}
          </ForSelection>
        </Tabs.Panel>
        <Tabs.Panel value="triwulan" pt="md">
          <ForSelection selection={selection}>
            {(region, year) => <QuarterTab key={`${region.id}:${year}`} orgUnitId={region.id} year={year} />}
          </ForSelection>
        </Tabs.Panel>
        <Tabs.Panel value="katalog" pt="md">
          <QueryState query={selection.versions}>
            {() =>
              version ? (
                <QueryState query={selection.services}>
                  {(services) => <Catalogue version={version} services={services} />}
                </QueryState>
              ) : (
                <Text>{t("spm.catalogue.none")}</Text>
              )
            }
          </QueryState>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
