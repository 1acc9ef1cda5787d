import { Alert, Badge, Button, FileButton, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, apiDownload } from "../../api";
import { formatNumberId } from "../../format";
import { uploadRak } from "../plan/upload";
import { BandBadge } from "./BandBadge";
import { type ImportResult, type SurveyDetail, surveyKey } from "./skmApi";

/** Questionnaires from the xlsx template (or a csv): a preview of every row first, then one confirmed save. */
export function SkmUpload({ survey }: { survey: SurveyDetail }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState<"preview" | "save" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<number | null>(null);

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? "preview" : "save");
    setError(null);
    const revision = preview?.revision ?? survey.revision;
    const query = `dryRun=${dryRun}&fileName=${encodeURIComponent(file.name)}&revision=${revision}`;
    try {
      const result = await uploadRak<ImportResult>(`/skm/surveys/${survey.id}/import?${query}`, file);
      if (dryRun) setPreview(result);
      else {
        setPreview(null);
        setFile(null);
        setSaved(result.rowsRead);
        await queryClient.invalidateQueries({ queryKey: surveyKey(survey.id) });
        await queryClient.invalidateQueries({ queryKey: ["skm-surveys"] });
      }
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={4}>{t("skm.upload.title")}</Title>
        <Text size="sm">{t("skm.upload.explain")}</Text>
        <Group>
          <Button
            variant="subtle"
            onClick={() =>
              apiDownload("/skm/template.xlsx", "templat-kuesioner-skm.xlsx").catch((e: Error) =>
                setError(e.message),
              )
            }
          >
            {t("skm.upload.template")}
          </Button>
          <FileButton
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            onChange={(chosen) => {
              setFile(chosen);
              setPreview(null);
              setSaved(null);
              setError(null);
            }}
          >
            {(props) => (
              <Button variant="default" {...props} data-testid="skm-upload-choose">
                {file ? file.name : t("skm.upload.choose")}
              </Button>
            )}
          </FileButton>
          <Button onClick={() => send(true)} disabled={!file} loading={busy === "preview"}>
            {t("skm.upload.preview")}
          </Button>
        </Group>
        {error && (
          <Alert color="red" title={t("skm.upload.refused")} data-testid="skm-upload-error">
            {error}
          </Alert>
        )}
        {saved !== null && (
          <Alert color="green" data-testid="skm-upload-saved">
            {t("skm.upload.saved", { count: saved })}
          </Alert>
        )}
        {preview && (
          <Stack gap="xs" data-testid="skm-upload-preview">
            <Group gap="xs">
              <Badge variant="light" color="gray">
                {t("skm.upload.rowsRead", { count: preview.rowsRead })}
              </Badge>
              {preview.replaces > 0 && (
                <Badge variant="light" color="orange">
                  {t("skm.upload.replaces", { count: preview.replaces })}
                </Badge>
              )}
              <Badge variant="light" color={preview.problems.length ? "red" : "green"}>
                {t("skm.upload.problems", { count: preview.problems.length })}
              </Badge>
              {preview.result && (
                <Group gap={6}>
                  <Text fw={700}>IKM {formatNumberId(preview.result.ikm, 2)}</Text>
                  <BandBadge band={preview.result.band} />
                </Group>
              )}
            </Group>
            {preview.problems.length > 0 && (
              <>
                <Table withTableBorder striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={70}>{t("skm.upload.row")}</Table.Th>
                      <Table.Th w={130}>{t("skm.upload.respondent")}</Table.Th>
                      <Table.Th>{t("skm.upload.problem")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {preview.problems.map((p) => (
                      <Table.Tr key={`${p.row}-${p.message}`}>
                        <Table.Td>{p.row}</Table.Td>
                        <Table.Td>{p.respondentNo ?? "–"}</Table.Td>
                        <Table.Td c="red">{i18n.language === "en" ? p.messageEn : p.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                <Alert color="red">{t("skm.upload.hasProblems")}</Alert>
              </>
            )}
            {preview.problems.length === 0 && survey.canEdit && (
              <Group>
                <Button
                  onClick={() => send(false)}
                  loading={busy === "save"}
                  data-testid="skm-upload-confirm"
                >
                  {t("skm.upload.confirm", { count: preview.rowsRead })}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
