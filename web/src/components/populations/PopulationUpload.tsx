import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { type DragEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api";
import { formatNumberId } from "../../format";
import { uploadRak } from "../plan/upload";
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

/** Upload of the filled template: a preview of every row's changes and problems, then one confirmed save. */
export function PopulationUpload({ orgUnitId, year }: { orgUnitId: string; year: number }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const [busy, setBusy] = useState<"preview" | "save" | null>(null);
  const [error, setError] = useState<string | null>(null);

  const choose = (chosen: File | null | undefined) => {
    setFile(chosen ?? null);
    setPreview(null);
    setSaved(null);
    setError(null);
  };
  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? "preview" : "save");
    setError(null);
    setSaved(null);
    try {
      const result = await uploadRak<ImportResult>(
        `/spm/populations/import?orgUnitId=${orgUnitId}&year=${year}&dryRun=${dryRun}`,
        file,
      );
      if (dryRun) setPreview(result);
      else {
        setPreview(null);
        setSaved(result.written);
        await queryClient.invalidateQueries({ queryKey: ["population-grid"] });
      }
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };
  const shownRows = preview?.rows.filter((r) => r.changes.length || r.errors.length) ?? [];

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={4}>{t("populations.upload.title")}</Title>
        <Text size="sm">{t("populations.upload.explain")}</Text>
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
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            hidden
            data-testid="population-file"
            onChange={(e) => {
              choose(e.currentTarget.files?.[0]);
              e.currentTarget.value = "";
            }}
          />
          <Text fw={600}>{file ? file.name : t("populations.upload.drop")}</Text>
          <Text size="xs" c="dimmed">
            {t("populations.upload.formats")}
          </Text>
        </Paper>
        <Group>
          <Button onClick={() => run(true)} disabled={!file} loading={busy === "preview"}>
            {t("populations.upload.preview")}
          </Button>
        </Group>
        {error && (
          <Alert color="red" title={t("populations.upload.refused")} data-testid="import-error">
            {error}
          </Alert>
        )}
        {saved !== null && (
          <Alert color="green" data-testid="import-saved">
            {t("populations.upload.saved", { count: saved })}
          </Alert>
        )}
        {preview && (
          <Stack data-testid="import-preview">
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
                      <Table.Td>
                        <Text size="sm">{r.orgUnitName ?? t("populations.upload.unknownUnit")}</Text>
                        <Text size="xs" c="dimmed" ff="monospace">
                          {r.orgUnitCode}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Changes row={r} />
                      </Table.Td>
                      <Table.Td>
                        {r.errors.map((e) => (
                          <Text
                            key={`${e.column}-${e.message}`}
                            size="sm"
                            c="red"
                            data-testid="import-row-error"
                          >
                            {i18n.language === "en" ? e.messageEn : e.message}
                          </Text>
                        ))}
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
            {preview.errors > 0 && <Alert color="red">{t("populations.upload.hasErrors")}</Alert>}
            {preview.errors === 0 && preview.changes === 0 && (
              <Text c="dimmed">{t("populations.upload.nothing")}</Text>
            )}
            <Group>
              <Button
                onClick={() => run(false)}
                loading={busy === "save"}
                disabled={preview.errors > 0 || preview.changes === 0}
              >
                {t("populations.upload.confirm")}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
