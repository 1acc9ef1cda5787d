import { Alert, Anchor, Button, Group, NumberInput, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { type DragEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { ApiError, apiDownload } from "../api";
import { ImportPreviewView } from "../components/plan/ImportPreviewView";
import { type ImportPreview, type ImportResult, uploadRak } from "../components/plan/upload";
import { QueryState } from "../components/QueryState";
import { useOrgUnits } from "../queries";

/** Units that hold a RAK; a Dinas (kabupaten/kota) first. Sub-areas and posts do not plan on their own. */
const nonPlanning = new Set(["kecamatan", "kelurahan", "pustu", "posyandu"]);

export function PlanImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const units = useOrgUnits();
  const [orgUnitId, setOrgUnitId] = useState<string | null>(null);
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState<"preview" | "save" | null>(null);
  const [error, setError] = useState<string | null>(null);

  const planning = (units.data ?? [])
    .filter((u) => !nonPlanning.has(u.type))
    .sort((a, b) => Number(b.type === "kabupaten_kota") - Number(a.type === "kabupaten_kota"));
  const unitId = orgUnitId ?? planning[0]?.id ?? null;
  const query = () => `orgUnitId=${unitId}&year=${year}&fileName=${encodeURIComponent(file?.name ?? "")}`;

  const choose = (chosen: File | null | undefined) => {
    setFile(chosen ?? null);
    setPreview(null);
    setError(null);
  };
  const run = async (what: "preview" | "save") => {
    if (!file || !unitId) return;
    setBusy(what);
    setError(null);
    try {
      if (what === "preview")
        setPreview(await uploadRak<ImportPreview>(`/plans/import/preview?${query()}`, file));
      else {
        const saved = await uploadRak<ImportResult>(`/plans/import?${query()}`, file);
        await queryClient.invalidateQueries({ queryKey: ["plans"] });
        navigate(`/rencana/${saved.planId}`);
      }
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    choose(event.dataTransfer.files[0]);
  };

  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Title order={2}>{t("plans.import.title")}</Title>
        <Anchor component={Link} to="/rencana">
          {t("plans.import.back")}
        </Anchor>
      </Group>
      <Paper withBorder p="md">
        <Stack>
          <Text size="sm">{t("plans.import.explain")}</Text>
          <Group align="end">
            <QueryState query={units}>
              {() => (
                <Select
                  label={t("plans.import.orgUnit")}
                  w={380}
                  searchable
                  value={unitId}
                  allowDeselect={false}
                  onChange={(id) => {
                    setOrgUnitId(id);
                    setPreview(null);
                  }}
                  data={planning.map((u) => ({ value: u.id, label: u.officeName ?? u.name }))}
                />
              )}
            </QueryState>
            <NumberInput
              label={t("plans.import.year")}
              w={110}
              min={2000}
              max={2100}
              thousandSeparator=""
              value={year}
              onChange={(v) => {
                setYear(Number(v));
                setPreview(null);
              }}
            />
            <Button
              variant="subtle"
              onClick={() =>
                apiDownload("/plans/template.xlsx", "templat-rak.xlsx").catch((e: Error) =>
                  setError(e.message),
                )
              }
            >
              {t("plans.import.template")}
            </Button>
          </Group>
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
              data-testid="import-file"
              onChange={(e) => choose(e.currentTarget.files?.[0])}
            />
            <Text fw={600}>{file ? file.name : t("plans.import.drop")}</Text>
            <Text size="xs" c="dimmed">
              {t("plans.import.formats")}
            </Text>
          </Paper>
          <Group>
            <Button onClick={() => run("preview")} disabled={!file || !unitId} loading={busy === "preview"}>
              {t("plans.import.preview")}
            </Button>
          </Group>
          {error && (
            <Alert color="red" title={t("plans.import.refused")} data-testid="import-error">
              {error}
            </Alert>
          )}
        </Stack>
      </Paper>
      {preview && <ImportPreviewView preview={preview} saving={busy === "save"} onSave={() => run("save")} />}
    </Stack>
  );
}
