import { Group, Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { SpmSelection } from "./useSpmSelection";

/** Region (kota, kecamatan or puskesmas, grouped by level) and year, shared by the dashboard and the report. */
export function SpmFilters({ selection }: { selection: SpmSelection }) {
  const { t } = useTranslation();
  const { regions, region, years, year } = selection;
  const groups = (["kabupaten_kota", "kecamatan", "puskesmas"] as const)
    .map((type) => ({
      group: t(`orgUnits.types.${type}`),
      items: regions.filter((u) => u.type === type).map((u) => ({ value: u.id, label: u.name })),
    }))
    .filter((g) => g.items.length > 0);

  return (
    <Group align="end" gap="sm" wrap="wrap">
      <Select
        label={t("spm.filters.region")}
        w={280}
        searchable
        data={groups}
        value={region?.id ?? null}
        allowDeselect={false}
        nothingFoundMessage={t("spm.filters.noRegion")}
        onChange={(id) => id && selection.setRegion(id)}
        data-testid="spm-region"
      />
      <Select
        label={t("spm.filters.year")}
        w={110}
        data={years.map(String)}
        value={year ? String(year) : null}
        allowDeselect={false}
        onChange={(value) => value && selection.setYear(Number(value))}
        data-testid="spm-year"
      />
    </Group>
  );
}
