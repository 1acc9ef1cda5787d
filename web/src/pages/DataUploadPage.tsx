import { Alert, Anchor, Button, Group, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { type DragEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { ApiError, apiDownload } from "../api";
import { type DataSet, useDataSets } from "../components/data-entry/entryApi";
import { PeriodSelect } from "../components/data-entry/PeriodSelect";
import { defaultPeriod } from "../components/data-entry/periods";
import type { ImportRow, UploadPreview, UploadResult } from "../components/data-upload/types";
import { UploadPreviewView } from "../components/data-upload/UploadPreviewView";
import { uploadRak } from "../components/plan/upload";
import { QueryState } from "../components/QueryState";
import { formatNumberId } from "../format";

/** The form to open after saving: the first row written, its unit found by name in the data set. */
function formLink(dataSet: DataSet, rows: ImportRow[]) {
  const first = rows.find((r) => r.changes.length > 0);
  const unit = first && dataSet.orgUnits.find((u) => u.name === first.orgUnitName);
  if (!first || !unit) return "/isian";
  return `/isian?${new URLSearchParams({ dataSetId: dataSet.id, orgUnitId: unit.id, period: first.period })}`;
}

/** /unggah-isian: monthly values for many facilities at once from an xlsx or csv, previewed before saving. */
export function DataUploadPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const dataSets = useDataSets();
  const [dataSetId, setDataSetId] = useState<string | null>(null);
  const [chosenPeriod, setPeriod] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<UploadPreview | null>(null);
  const [saved, setSaved] = useState<{ result: UploadResult; link: string } | null>(null);
  const [busy, setBusy] = useState<"preview" | "save" | null>(null);
  const [error, setError] = useState<string | null>(null);

  const list = dataSets.data ?? [];
  const dataSet = list.find((d) => d.id === dataSetId) ?? list[0];
  const period = chosenPeriod ?? (dataSet ? defaultPeriod(dataSet.periodType) : "");

  const reset = () => {
    setPreview(null);
    setSaved(null);
    setError(null);
  };
  const choose = (chosen: File | null | undefined) => {
    setFile(chosen ?? null);
    reset();
  };
  const run = async (what: "preview" | "save") => {
    if (!file || !dataSet) return;
    const query = `dataSetId=${dataSet.id}&fileName=${encodeURIComponent(file.name)}`;
    setBusy(what);
    setError(null);
    try {
      if (what === "preview") {
        setSaved(null);
        setPreview(await uploadRak<UploadPreview>(`/data-entry/import/preview?${query}`, file));
      } else {
        const result = await uploadRak<UploadResult>(`/data-entry/import?${query}`, file);
        setSaved({ result, link: formLink(dataSet, preview?.rows ?? []) });
        setPreview(null);
        await queryClient.invalidateQueries({ queryKey: ["data-entry-form"] });
      }
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };
  const download = () => {
    if (!dataSet) return;
    apiDownload(
      `/data-entry/import/template.xlsx?dataSetId=${dataSet.id}&period=${period}`,
      "templat-isian-capaian.xlsx",
    ).catch((e: Error) => setError(e.message));
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    choose(event.dataTransfer.files[0]);
  };

  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Title order={2}>{t("dataUpload.title")}</Title>
        <Anchor component={Link} to="/isian">
          {t("dataUpload.back")}
        </Anchor>
      </Group>
      <Paper withBorder p="md">
        <Stack>
          <Text size="sm">{t("dataUpload.explain")}</Text>
          <QueryState query={dataSets}>
            {() =>
              dataSet ? (
                <Group align="end">
                  <Select
                    label={t("dataUpload.dataSet")}
                    w={300}
                    data={list.map((d) => ({ value: d.id, label: d.name }))}
                    value={dataSet.id}
                    allowDeselect={false}
                    onChange={(id) => {
                      setDataSetId(id);
                      setPeriod(null);
                      reset();
                    }}
                  />
                  <PeriodSelect type={dataSet.periodType} value={period} onChange={setPeriod} />
                  <Button variant="subtle" onClick={download}>
                    {t("dataUpload.template")}
                  </Button>
                </Group>
              ) : (
                <Text>{t("dataUpload.noDataSets")}</Text>
              )
            }
          </QueryState>
          <Paper
            component="label"
            withBorder
            p="lg"
            ta="center"
            style={{ borderStyle: "dashed", cursor: "pointer" }}
            onDragOver={(e: DragEvent) => e.preventDefault()}
            onDrop={onDrop}
          >
            <input
              type="file"
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              hidden
              data-testid="upload-file"
              onChange={(e) => {
                choose(e.currentTarget.files?.[0]);
                e.currentTarget.value = "";
              }}
            />
            <Text fw={600}>{file ? file.name : t("dataUpload.drop")}</Text>
            <Text size="xs" c="dimmed">
              {t("dataUpload.formats")}
            </Text>
          </Paper>
          <Group>
            <Button onClick={() => run("preview")} disabled={!file || !dataSet} loading={busy === "preview"}>
              {t("dataUpload.preview")}
            </Button>
          </Group>
          {error && (
            <Alert color="red" title={t("dataUpload.refused")} data-testid="upload-error">
              {error}
            </Alert>
          )}
          {saved && (
            <Alert color="green" data-testid="upload-saved">
              <Group justify="space-between">
                <Text size="sm">
                  {t("dataUpload.saved", {
                    forms: formatNumberId(String(saved.result.forms)),
                    values: formatNumberId(String(saved.result.values)),
                  })}
                </Text>
                <Anchor component={Link} to={saved.link} size="sm">
                  {t("dataUpload.openForm")}
                </Anchor>
              </Group>
            </Alert>
          )}
        </Stack>
      </Paper>
      {preview && (
        <UploadPreviewView
          rows={preview.rows}
          counts={preview.counts}
          saving={busy === "save"}
          onSave={() => run("save")}
        />
      )}
    </Stack>
  );
}
