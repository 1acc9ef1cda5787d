import { Anchor, Button, Group, Select, Stack, Text, Title } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import type { OrgUnit } from "../../../src/org-units/schemas";
import { apiDownload } from "../api";
import { EstimatesPanel } from "../components/populations/EstimatesPanel";
import { PopulationEditor } from "../components/populations/PopulationEditor";
import { PopulationUpload } from "../components/populations/PopulationUpload";
import { usePopulationGrid } from "../components/populations/populationsApi";
import { QueryState } from "../components/QueryState";
import { useOpeningYear, useOrgUnits } from "../queries";
import { useCan } from "../session";

/** Kota and kecamatan the user sees; an operator who sees only a puskesmas gets that puskesmas. */
function regionsOf(units: OrgUnit[]) {
  const regions = units.filter((u) => u.type === "kabupaten_kota" || u.type === "kecamatan");
  return regions.length ? regions : units.filter((u) => u.type === "puskesmas");
}

/** /sasaran: the SPM target populations of a region and year, edited as a grid or imported from Excel. */
export function PopulationsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const orgUnits = useOrgUnits();
  const [params, setParams] = useSearchParams();
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const regions = regionsOf(orgUnits.data ?? []);
  const orgUnitId = params.get("orgUnitId") ?? regions[0]?.id;
  const thisYear = new Date().getFullYear();
  // Without a year in the address, the latest year with sasaran (or any data) for the user.
  const opening = useOpeningYear("populations");
  const year = Number(params.get("year")) || opening || thisYear;
  const grid = usePopulationGrid(params.get("year") || opening ? orgUnitId : undefined, year);
  // The region and year shown go into the address once known, so a link or a reload shows the same.
  useEffect(() => {
    if (!params.get("year") && opening !== undefined && orgUnitId)
      setParams({ orgUnitId, year: String(opening) }, { replace: true });
  }, [params, opening, orgUnitId, setParams]);
  const canWrite = can("plan.write");

  const choose = (next: { orgUnitId?: string; year?: number }) =>
    setParams({ orgUnitId: next.orgUnitId ?? orgUnitId ?? "", year: String(next.year ?? year) });
  const yearsWithData = grid.data?.yearsWithData ?? [];
  const years = [
    ...new Set([...Array.from({ length: thisYear - 2015 }, (_, i) => 2017 + i), ...yearsWithData, year]),
  ].sort((a, b) => b - a);
  const download = () => {
    setDownloadError(null);
    apiDownload(
      `/spm/populations/template.xlsx?orgUnitId=${orgUnitId}&year=${year}`,
      "sasaran-spm.xlsx",
    ).catch((e: Error) => setDownloadError(e.message));
  };

  return (
    <Stack>
      <Title order={2}>{t("populations.title")}</Title>
      <Text size="sm">{t("populations.intro")}</Text>
      <QueryState query={orgUnits}>
        {() =>
          orgUnitId ? (
            <Group align="end">
              <Select
                label={t("populations.region")}
                w={280}
                searchable
                data={regions.map((u) => ({ value: u.id, label: u.name }))}
                value={orgUnitId}
                allowDeselect={false}
                onChange={(id) => id && choose({ orgUnitId: id })}
              />
              <Select
                label={t("populations.year")}
                w={110}
                data={years.map(String)}
                value={String(year)}
                allowDeselect={false}
                onChange={(y) => y && choose({ year: Number(y) })}
              />
              <Button variant="subtle" onClick={download}>
                {t("populations.template")}
              </Button>
              {yearsWithData.length > 0 && (
                <Text size="sm" c="dimmed">
                  {t("populations.yearsWithData")}{" "}
                  {yearsWithData.map((y) => (
                    <Anchor key={y} component="button" size="sm" mx={4} onClick={() => choose({ year: y })}>
                      {y}
                    </Anchor>
                  ))}
                </Text>
              )}
            </Group>
          ) : (
            <Text>{t("populations.noRegion")}</Text>
          )
        }
      </QueryState>
      {downloadError && <Text c="red">{downloadError}</Text>}
      {orgUnitId && (
        <QueryState query={grid}>
          {(data) => (
            <Stack>
              <PopulationEditor key={`${data.unit.id}-${data.year}`} grid={data} canWrite={canWrite} />
              <EstimatesPanel grid={data} canWrite={canWrite} />
              {canWrite && <PopulationUpload orgUnitId={data.unit.id} year={data.year} />}
            </Stack>
          )}
        </QueryState>
      )}
    </Stack>
  );
}
