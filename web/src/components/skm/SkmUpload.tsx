import { Alert, Badge, Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { apiDownload } from "../../api";
import { formatNumberId } from "../../format";
import { uploadRak } from "../plan/upload";
import { UploadWithPreview } from "../upload/UploadWithPreview";
import { BandBadge } from "./BandBadge";
import { type ImportResult, type SurveyDetail, surveyKey } from "./skmApi";

/** The rows the server refused, with the respondent number when the row had one. */
function ProblemTable({ preview }: { preview: ImportResult }) {
  const { t, i18n } = useTranslation();
  if (preview.problems.length === 0) return null;
  return (
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
  );
}

/** Questionnaires from the xlsx template (or a csv): a preview of every row first, then one confirmed save. */
export function SkmUpload({ survey }: { survey: SurveyDetail }) {
  const { t } = useTranslation();
  const send = (file: File, dryRun: boolean, revision: number) =>
    uploadRak<ImportResult>(
      `/skm/surveys/${survey.id}/import?${new URLSearchParams({ dryRun: String(dryRun), fileName: file.name, revision: String(revision) })}`,
      file,
    );
  return (
    <UploadWithPreview<ImportResult, ImportResult>
      texts={{
        drop: t("skm.upload.choose"),
        preview: t("skm.upload.preview"),
        refused: t("skm.upload.refused"),
      }}
      testIds={{
        file: "skm-upload-file",
        error: "skm-upload-error",
        saved: "skm-upload-saved",
      }}
      header={({ fail }) => (
        <>
          <Title order={4}>{t("skm.upload.title")}</Title>
          <Text size="sm">{t("skm.upload.explain")}</Text>
          <Group>
            <Button
              variant="subtle"
              onClick={() => apiDownload("/skm/template.xlsx", "templat-kuesioner-skm.xlsx").catch(fail)}
            >
              {t("skm.upload.template")}
            </Button>
          </Group>
        </>
      )}
      requestPreview={(file) => send(file, true, survey.revision)}
      // The preview's revision guards against a change made by someone else in between.
      save={(file, preview) => send(file, false, preview.revision ?? survey.revision)}
      invalidates={[surveyKey(survey.id), ["skm-surveys"]]}
      clearFileOnSave
      renderPreview={(preview, step) => (
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
          <ProblemTable preview={preview} />
          {preview.problems.length > 0 ? (
            <Alert color="red">{t("skm.upload.hasProblems")}</Alert>
          ) : (
            <Group>
              <Button onClick={step.save} loading={step.saving} data-testid="skm-upload-confirm">
                {t("skm.upload.confirm", { count: preview.rowsRead })}
              </Button>
            </Group>
          )}
        </Stack>
      )}
      renderSaved={(saved) => t("skm.upload.saved", { count: saved.rowsRead })}
    />
  );
}
