import { Alert, Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { type DragEvent, useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DataSet } from "../data-entry/entryApi";
import { errorText } from "../upload/uploadFlow";
import {
  type Dhis2Format,
  type Dhis2Scheme,
  type Dhis2Strategy,
  formatOf,
  type ImportSummary,
  importValues,
} from "./dhis2Api";
import { ImportJobProgress } from "./ImportJobProgress";
import { ImportSummaryView } from "./ImportSummaryView";

const ACCEPT = ".json,.csv,.xml,.adx,application/json,text/csv,application/xml";
const STRATEGIES: Dhis2Strategy[] = ["CREATE_AND_UPDATE", "CREATE", "UPDATE", "DELETE"];
const SCHEMES: Dhis2Scheme[] = ["UID", "CODE", "NAME"];

/** Choose a DHIS2/ADX file, try it without saving, then import it. */
export function Dhis2ImportForm({ dataSets }: { dataSets: DataSet[] }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<Dhis2Format>("json");
  const [dataSetId, setDataSetId] = useState<string | null>(null);
  const [strategy, setStrategy] = useState<Dhis2Strategy>("CREATE_AND_UPDATE");
  const [idScheme, setIdScheme] = useState<Dhis2Scheme>("UID");
  const [atomic, setAtomic] = useState(true);
  // A new file is tried first; after a dry run the same file may be imported.
  const [dryRun, setDryRun] = useState(true);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A large file becomes a job on the server: followed here until it answers.
  const [jobId, setJobId] = useState<string | null>(null);

  const changed = () => {
    setSummary(null);
    setError(null);
  };
  const answered = useCallback((result: ImportSummary) => {
    setJobId(null);
    setBusy(false);
    setSummary(result);
    // A clean dry run leads to the import; anything else back to a dry run of the next file.
    setDryRun(!(result.dryRun && result.status !== "ERROR"));
  }, []);
  const failed = useCallback((message: string) => {
    setJobId(null);
    setBusy(false);
    setError(message);
  }, []);
  const choose = (chosen: File | null | undefined) => {
    setFile(chosen ?? null);
    if (chosen) setFormat(formatOf(chosen.name));
    setDryRun(true);
    changed();
  };
  const run = async () => {
    if (!file) return;
    setBusy(true);
    changed();
    try {
      const answer = await importValues(file, { format, dryRun, strategy, idScheme, atomic, dataSetId });
      if ("jobId" in answer) setJobId(answer.jobId);
      else answered(answer.summary);
    } catch (e) {
      failed(errorText(e));
    }
  };
  const option = <K extends string>(key: string, values: K[]) =>
    values.map((value) => ({ value, label: t(`dhis2.${key}.${value}`) }));

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={3}>{t("dhis2.importTitle")}</Title>
        <Paper
          component="label"
          withBorder
          p="md"
          ta="center"
          style={{ borderStyle: "dashed", cursor: "pointer" }}
          onDragOver={(e: DragEvent) => e.preventDefault()}
          onDrop={(e: DragEvent) => {
            e.preventDefault();
            choose(e.dataTransfer.files[0]);
          }}
        >
          <input
            type="file"
            accept={ACCEPT}
            hidden
            data-testid="dhis2-file"
            onChange={(e) => {
              choose(e.currentTarget.files?.[0]);
              e.currentTarget.value = "";
            }}
          />
          <Text fw={600} style={{ overflowWrap: "anywhere" }}>
            {file ? file.name : t("dhis2.drop")}
          </Text>
        </Paper>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t("dhis2.format")}
            data={option("formats", ["json", "csv", "adx"] as Dhis2Format[])}
            value={format}
            allowDeselect={false}
            onChange={(v) => {
              if (v) setFormat(v as Dhis2Format);
              changed();
            }}
          />
          <Select
            label={t("dhis2.dataSet")}
            placeholder={t("dhis2.fromFile")}
            data={dataSets.map((d) => ({ value: d.id, label: d.name }))}
            value={dataSetId}
            clearable
            onChange={(v) => {
              setDataSetId(v);
              changed();
            }}
          />
          <Select
            label={t("dhis2.strategy")}
            data={option("strategies", STRATEGIES)}
            value={strategy}
            allowDeselect={false}
            onChange={(v) => {
              if (v) setStrategy(v as Dhis2Strategy);
              changed();
            }}
          />
          <Select
            label={t("dhis2.idScheme")}
            data={option("schemes", SCHEMES)}
            value={idScheme}
            allowDeselect={false}
            onChange={(v) => {
              if (v) setIdScheme(v as Dhis2Scheme);
              changed();
            }}
          />
        </SimpleGrid>
        <Checkbox
          label={t("dhis2.atomic")}
          checked={atomic}
          onChange={(e) => setAtomic(e.currentTarget.checked)}
        />
        <Checkbox
          label={t("dhis2.dryRun")}
          checked={dryRun}
          onChange={(e) => setDryRun(e.currentTarget.checked)}
        />
        <Group>
          <Button onClick={run} disabled={!file} loading={busy} color={dryRun ? undefined : "green"}>
            {dryRun ? t("dhis2.tryRun") : t("dhis2.run")}
          </Button>
        </Group>
        {jobId && <ImportJobProgress jobId={jobId} onDone={answered} onFailed={failed} />}
        {error && (
          <Alert color="red" data-testid="dhis2-error">
            {error}
          </Alert>
        )}
        {summary && <ImportSummaryView summary={summary} />}
      </Stack>
    </Paper>
  );
}
