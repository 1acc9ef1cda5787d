import { Alert, Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { type DragEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, apiDownload } from "../../api";
import { uploadRak } from "../plan/upload";
import type { OrgUnitImport as ImportResult, OrgUnit } from "./orgUnitsApi";

const STATUS_COLOR = { new: "green", changed: "blue", unchanged: "gray", error: "red" } as const;

/** The Dinas's list from xlsx/csv: template, a preview of every row, then one confirmed save. */
export function OrgUnitImport({ regions }: { regions: OrgUnit[] }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [regionId, setRegionId] = useState(regions[0]?.id ?? "");
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [saved, setSaved] = useState<ImportResult["counts"] | null>(null);
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
    try {
      const name = encodeURIComponent(file.name);
      const result = await uploadRak<ImportResult>(
        `/org-units/import?orgUnitId=${regionId}&fileName=${name}&dryRun=${dryRun}`,
        file,
      );
      if (dryRun) setPreview(result);
      else {
        setPreview(null);
        setFile(null);
        setSaved(result.counts);
        await queryClient.invalidateQueries({ queryKey: ["org-units"] });
      }
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };
  const download = () =>
    apiDownload(`/org-units/template.xlsx?orgUnitId=${regionId}`, "unit-organisasi.xlsx").catch((e: Error) =>
      setError(e.message),
    );
  const shown = preview?.rows.filter((r) => r.status !== "unchanged") ?? [];

  return (
    <Paper withBorder p="md" data-testid="org-import">
      <Stack>
        <Title order={4}>{t("orgTree.import.title")}</Title>
        <Text size="sm">{t("orgTree.import.explain")}</Text>
        <Group align="end" wrap="wrap">
          {regions.length > 1 && (
            <Select
              label={t("orgTree.import.region")}
              data={regions.map((r) => ({ value: r.id, label: r.name }))}
              value={regionId}
              allowDeselect={false}
              onChange={(v) => v && setRegionId(v)}
              w={240}
            />
          )}
          <Button variant="light" onClick={download}>
            {t("orgTree.import.template")}
          </Button>
        </Group>
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
            data-testid="org-import-file"
            onChange={(e) => {
              choose(e.currentTarget.files?.[0]);
              e.currentTarget.value = "";
            }}
          />
          <Text fw={600} style={{ overflowWrap: "anywhere" }}>
            {file ? file.name : t("orgTree.import.drop")}
          </Text>
        </Paper>
        <Group>
          <Button
            onClick={() => run(true)}
            disabled={!file}
            loading={busy === "preview"}
            data-testid="org-import-preview"
          >
            {t("orgTree.import.preview")}
          </Button>
        </Group>
        {error && (
          <Alert color="red" title={t("orgTree.import.refused")} data-testid="org-import-error">
            {error}
          </Alert>
        )}
        {saved && (
          <Alert color="green" data-testid="org-import-saved">
            {t("orgTree.import.saved", saved)}
          </Alert>
        )}
        {preview && (
          <Stack data-testid="org-import-result">
            <Group gap="xs">
              {(["new", "changed", "unchanged", "error"] as const).map((s) => (
                <Badge key={s} variant="light" color={STATUS_COLOR[s]}>
                  {t(`orgTree.import.status.${s}`)}: {preview.counts[s]}
                </Badge>
              ))}
            </Group>
            {shown.length > 0 && (
              <div className="org-import-table">
                <Table striped withTableBorder miw={520}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={60}>{t("orgTree.import.table.row")}</Table.Th>
                      <Table.Th>{t("orgTree.import.table.unit")}</Table.Th>
                      <Table.Th w={90}>{t("orgTree.import.table.status")}</Table.Th>
                      <Table.Th>{t("orgTree.import.table.details")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {shown.map((r) => (
                      <Table.Tr key={r.row} data-row={r.row} data-status={r.status}>
                        <Table.Td>{r.row}</Table.Td>
                        <Table.Td>
                          <Text size="sm">{r.name}</Text>
                          <Text size="xs" c="dimmed" ff="monospace">
                            {r.code}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Badge size="sm" variant="light" color={STATUS_COLOR[r.status]}>
                            {t(`orgTree.import.status.${r.status}`)}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          {r.changes.map((c) => (
                            <Text key={c.field} size="sm">
                              {c.field}: {c.old ?? "—"} → {c.new ?? "—"}
                            </Text>
                          ))}
                          {r.errors.map((e) => (
                            <Text
                              key={`${e.column}-${e.message}`}
                              size="sm"
                              c="red"
                              data-testid="org-import-row-error"
                            >
                              {e.column ? `${t("orgTree.import.column", { column: e.column })}: ` : ""}
                              {i18n.language === "en" ? e.messageEn : e.message}
                            </Text>
                          ))}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </div>
            )}
            {preview.counts.error > 0 && <Alert color="red">{t("orgTree.import.hasErrors")}</Alert>}
            {preview.counts.error === 0 && shown.length === 0 && (
              <Text c="dimmed">{t("orgTree.import.nothing")}</Text>
            )}
            <Group>
              <Button
                onClick={() => run(false)}
                loading={busy === "save"}
                disabled={preview.counts.error > 0 || shown.length === 0}
                data-testid="org-import-confirm"
              >
                {t("orgTree.import.confirm")}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
