import { Anchor, Button, Group, NumberInput, Select, Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { apiDownload } from "../api";
import { ImportPreviewView } from "../components/plan/ImportPreviewView";
import { type ImportPreview, type ImportResult, uploadRak } from "../components/plan/upload";
import { QueryState } from "../components/QueryState";
import { UploadWithPreview } from "../components/upload/UploadWithPreview";
import { useOrgUnits } from "../queries";

/** Units that hold a RAK; a Dinas (kabupaten/kota) first. Sub-areas and posts do not plan on their own. */
const nonPlanning = new Set(["kecamatan", "kelurahan", "pustu", "posyandu"]);

/** /rencana/impor: a RAK from the template, previewed (counts, warnings, the tree), then saved as a version. */
export function PlanImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const units = useOrgUnits();
  const [orgUnitId, setOrgUnitId] = useState<string | null>(null);
  const [year, setYear] = useState<number>(new Date().getFullYear());

  const planning = (units.data ?? [])
    .filter((u) => !nonPlanning.has(u.type))
    .sort((a, b) => Number(b.type === "kabupaten_kota") - Number(a.type === "kabupaten_kota"));
  const unitId = orgUnitId ?? planning[0]?.id ?? null;
  const query = (file: File) => `orgUnitId=${unitId}&year=${year}&fileName=${encodeURIComponent(file.name)}`;

  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Title order={2}>{t("plans.import.title")}</Title>
        <Anchor component={Link} to="/rencana">
          {t("plans.import.back")}
        </Anchor>
      </Group>
      <UploadWithPreview<ImportPreview, void>
        texts={{
          drop: t("plans.import.drop"),
          formats: t("plans.import.formats"),
          preview: t("plans.import.preview"),
          refused: t("plans.import.refused"),
        }}
        testIds={{ file: "import-file", error: "import-error" }}
        ready={unitId !== null}
        previewApart
        header={({ fail, reset }) => (
          <>
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
                      reset();
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
                  reset();
                }}
              />
              <Button
                variant="subtle"
                onClick={() => apiDownload("/plans/template.xlsx", "templat-rak.xlsx").catch(fail)}
              >
                {t("plans.import.template")}
              </Button>
            </Group>
          </>
        )}
        requestPreview={(file) => uploadRak<ImportPreview>(`/plans/import/preview?${query(file)}`, file)}
        save={async (file) => {
          const saved = await uploadRak<ImportResult>(`/plans/import?${query(file)}`, file);
          await queryClient.invalidateQueries({ queryKey: ["plans"] });
          navigate(`/rencana/${saved.planId}`);
        }}
        renderPreview={(preview, { save, saving }) => (
          <ImportPreviewView preview={preview} saving={saving} onSave={save} />
        )}
      />
    </Stack>
  );
}
