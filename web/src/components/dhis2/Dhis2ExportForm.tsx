import {
  Alert,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { OrgUnit } from "../../../../src/org-units/schemas";
import { apiDownload } from "../../api";
import type { DataSet } from "../data-entry/entryApi";
import { errorText } from "../upload/uploadFlow";
import { type Dhis2Format, EXPORT_EXTENSIONS, exportPath } from "./dhis2Api";

/** The first and last day of last month, the range a monthly report is usually sent for. */
function lastMonth(): { start: string; end: string } {
  const now = new Date();
  const start = new Date(Date.UTC(now.getFullYear(), now.getMonth() - 1, 1));
  const end = new Date(Date.UTC(now.getFullYear(), now.getMonth(), 0));
  return { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) };
}

/** One data set's values for a unit (and those below it) over a date range, as DHIS2 or ADX. */
export function Dhis2ExportForm({ dataSets, units }: { dataSets: DataSet[]; units: OrgUnit[] }) {
  const { t } = useTranslation();
  const [dataSetId, setDataSetId] = useState<string | null>(dataSets[0]?.id ?? null);
  // The highest unit the user sees: the whole region is the usual export.
  const top = [...units].sort((a, b) => a.level - b.level)[0];
  const [orgUnitId, setOrgUnitId] = useState<string | null>(top?.id ?? null);
  const [children, setChildren] = useState(true);
  const [range, setRange] = useState(lastMonth);
  const [format, setFormat] = useState<Dhis2Format>("json");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const badRange = range.start > range.end;
  const download = async () => {
    if (!dataSetId || !orgUnitId || badRange) return;
    setBusy(true);
    setError(null);
    try {
      const options = { dataSetId, orgUnitId, children, startDate: range.start, endDate: range.end, format };
      const code = units.find((u) => u.id === orgUnitId)?.code ?? "nilai";
      await apiDownload(exportPath(options), `dhis2-${code}-${range.start}.${EXPORT_EXTENSIONS[format]}`);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={3}>{t("dhis2.exportTitle")}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t("dhis2.dataSet")}
            data={dataSets.map((d) => ({ value: d.id, label: d.name }))}
            value={dataSetId}
            allowDeselect={false}
            onChange={setDataSetId}
          />
          <Select
            label={t("dhis2.orgUnit")}
            data={units.map((u) => ({ value: u.id, label: `${u.name} (${u.code})` }))}
            value={orgUnitId}
            searchable
            allowDeselect={false}
            onChange={setOrgUnitId}
          />
          <TextInput
            type="date"
            label={t("dhis2.startDate")}
            value={range.start}
            onChange={(e) => setRange({ ...range, start: e.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t("dhis2.endDate")}
            value={range.end}
            error={badRange ? t("dhis2.badRange") : undefined}
            onChange={(e) => setRange({ ...range, end: e.currentTarget.value })}
          />
          <Select
            label={t("dhis2.format")}
            data={(["json", "csv", "adx"] as const).map((value) => ({
              value,
              label: t(`dhis2.formats.${value}`),
            }))}
            value={format}
            allowDeselect={false}
            onChange={(v) => v && setFormat(v as Dhis2Format)}
          />
        </SimpleGrid>
        <Checkbox
          label={t("dhis2.children")}
          checked={children}
          onChange={(e) => setChildren(e.currentTarget.checked)}
        />
        <Group>
          <Button onClick={download} loading={busy} disabled={!dataSetId || !orgUnitId || badRange}>
            {t("dhis2.download")}
          </Button>
        </Group>
        {error && (
          <Alert color="red" data-testid="dhis2-export-error">
            {error}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
