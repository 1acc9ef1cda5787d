import { Badge, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatNumberId } from "../../format";
import { uploadRak } from "../plan/upload";
import { RowProblems, UnitCell } from "../upload/PreviewCells";
import { UploadWithPreview } from "../upload/UploadWithPreview";
import { saveBlock } from "../upload/uploadFlow";
import type { ImportResult, ImportRow } from "./populationsApi";

/** One row's changes as "Ibu hamil: 41.500 → 41.600", or "1.500 (baru)" for a figure not entered before. */
function Changes({ row }: { row: ImportRow }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      {row.changes.map((c) => (
        <Text key={c.category} size="sm" data-testid="import-change">
          {c.label}:{" "}
          {c.old === null
            ? `${formatNumberId(c.new)} ${t("populations.upload.newValue")}`
            : `${formatNumberId(c.old)} → ${formatNumberId(c.new)}`}
        </Text>
      ))}
      {row.source && row.changes.length > 0 && (
        <Text size="xs" c="dimmed">
          {t("populations.upload.source", { source: row.source })}
        </Text>
      )}
    </Stack>
  );
}

/** Rows that change something or have a problem; the others are only counted. */
function ImportTable({ preview }: { preview: ImportResult }) {
  const { t } = useTranslation();
  const shownRows = preview.rows.filter((r) => r.changes.length || r.errors.length);
  return (
    <>
      {shownRows.length > 0 && (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>{t("populations.upload.table.row")}</Table.Th>
              <Table.Th>{t("populations.upload.table.unit")}</Table.Th>
              <Table.Th>{t("populations.upload.table.changes")}</Table.Th>
              <Table.Th>{t("populations.upload.table.problems")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shownRows.map((r) => (
              <Table.Tr key={r.row} data-row={r.row}>
                <Table.Td>{r.row}</Table.Td>
                <UnitCell name={r.orgUnitName ?? t("populations.upload.unknownUnit")} code={r.orgUnitCode} />
                <Table.Td>
                  <Changes row={r} />
                </Table.Td>
                <Table.Td>
                  <RowProblems problems={r.errors} testId="import-row-error" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {preview.rows.length > shownRows.length && (
        <Text size="sm" c="dimmed">
          {t("populations.upload.unchangedRows", { count: preview.rows.length - shownRows.length })}
        </Text>
      )}
    </>
  );
}

/** Upload of the filled template: a preview of every row's changes and problems, then one confirmed save. */
export function PopulationUpload({ orgUnitId, year }: { orgUnitId: string; year: number }) {
  const { t } = useTranslation();
  const send = (file: File, dryRun: boolean) =>
    uploadRak<ImportResult>(
      `/spm/populations/import?orgUnitId=${orgUnitId}&year=${year}&dryRun=${dryRun}`,
      file,
    );

  return (
    <UploadWithPreview<ImportResult, number>
      texts={{
        drop: t("populations.upload.drop"),
        formats: t("populations.upload.formats"),
        preview: t("populations.upload.preview"),
        refused: t("populations.upload.refused"),
        confirm: t("populations.upload.confirm"),
        hasErrors: t("populations.upload.hasErrors"),
        nothing: t("populations.upload.nothing"),
      }}
      testIds={{
        file: "population-file",
        error: "import-error",
        saved: "import-saved",
        result: "import-preview",
      }}
      header={() => (
        <>
          <Title order={4}>{t("populations.upload.title")}</Title>
          <Text size="sm">{t("populations.upload.explain")}</Text>
        </>
      )}
      requestPreview={(file) => send(file, true)}
      save={(file) => send(file, false).then((result) => result.written)}
      invalidates={[["population-grid"]]}
      summary={(preview) => (
        <Group gap="xs">
          <Badge variant="light" color="gray">
            {t("populations.upload.summary.rows", { count: preview.rows.length })}
          </Badge>
          <Badge variant="light" color="blue">
            {t("populations.upload.summary.changes", { count: preview.changes })}
          </Badge>
          <Badge variant="light" color={preview.errors ? "red" : "green"}>
            {t("populations.upload.summary.errors", { count: preview.errors })}
          </Badge>
        </Group>
      )}
      table={(preview) => <ImportTable preview={preview} />}
      block={(preview) => saveBlock({ errors: preview.errors, changes: preview.changes })}
      renderSaved={(saved) => t("populations.upload.saved", { count: saved })}
    />
  );
}
