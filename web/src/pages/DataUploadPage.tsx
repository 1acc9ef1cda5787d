import { Anchor, Button, Group, Select, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { apiDownload } from "../api";
import { type DataSet, useDataSets } from "../components/data-entry/entryApi";
import { PeriodSelect } from "../components/data-entry/PeriodSelect";
import { defaultPeriod } from "../components/data-entry/periods";
import type { ImportRow, UploadPreview, UploadResult } from "../components/data-upload/types";
import { UploadSummary, UploadTable } from "../components/data-upload/UploadPreviewTable";
import { uploadRak } from "../components/plan/upload";
import { QueryState } from "../components/QueryState";
import { UploadWithPreview } from "../components/upload/UploadWithPreview";
import { saveBlock } from "../components/upload/uploadFlow";
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
  const dataSets = useDataSets();
  const [dataSetId, setDataSetId] = useState<string | null>(null);
  const [chosenPeriod, setPeriod] = useState<string | null>(null);

  const list = dataSets.data ?? [];
  const dataSet = list.find((d) => d.id === dataSetId) ?? list[0];
  const period = chosenPeriod ?? (dataSet ? defaultPeriod(dataSet.periodType) : "");
  const query = (file: File) => `dataSetId=${dataSet?.id}&fileName=${encodeURIComponent(file.name)}`;

  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Title order={2}>{t("dataUpload.title")}</Title>
        <Anchor component={Link} to="/isian">
          {t("dataUpload.back")}
        </Anchor>
      </Group>
      <UploadWithPreview<UploadPreview, { result: UploadResult; link: string }>
        texts={{
          drop: t("dataUpload.drop"),
          formats: t("dataUpload.formats"),
          preview: t("dataUpload.preview"),
          refused: t("dataUpload.refused"),
          confirm: t("dataUpload.save"),
          hasErrors: t("dataUpload.hasErrors"),
          nothing: t("dataUpload.nothingToSave"),
          shownOf: (page) =>
            t("dataUpload.shownOf", {
              shown: formatNumberId(String(page.shown)),
              total: formatNumberId(String(page.total)),
            }),
        }}
        testIds={{
          file: "upload-file",
          error: "upload-error",
          saved: "upload-saved",
          shownOf: "upload-shown-of",
        }}
        ready={dataSet !== undefined}
        previewApart
        header={({ fail, reset }) => (
          <>
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
                    <Button
                      variant="subtle"
                      onClick={() =>
                        apiDownload(
                          `/data-entry/import/template.xlsx?dataSetId=${dataSet.id}&period=${period}`,
                          "templat-isian-capaian.xlsx",
                        ).catch(fail)
                      }
                    >
                      {t("dataUpload.template")}
                    </Button>
                  </Group>
                ) : (
                  <Text>{t("dataUpload.noDataSets")}</Text>
                )
              }
            </QueryState>
          </>
        )}
        requestPreview={(file) => uploadRak<UploadPreview>(`/data-entry/import/preview?${query(file)}`, file)}
        save={async (file, preview) => {
          const result = await uploadRak<UploadResult>(`/data-entry/import?${query(file)}`, file);
          return { result, link: dataSet ? formLink(dataSet, preview.rows) : "/isian" };
        }}
        invalidates={[["data-entry-form"]]}
        summary={(preview) => <UploadSummary counts={preview.counts} />}
        paged={(preview) => ({ shown: preview.rows.length, total: preview.counts.rows })}
        table={(preview) => <UploadTable rows={preview.rows} />}
        block={(preview) => saveBlock({ errors: preview.counts.withErrors, changes: preview.counts.values })}
        renderSaved={(saved) => (
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
        )}
      />
    </Stack>
  );
}
