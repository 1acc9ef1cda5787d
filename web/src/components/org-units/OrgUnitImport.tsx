import { Badge, Button, Group, Select, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiDownload } from "../../api";
import { uploadRak } from "../plan/upload";
import { RowProblems, UnitCell } from "../upload/PreviewCells";
import { UploadWithPreview } from "../upload/UploadWithPreview";
import { saveBlock } from "../upload/uploadFlow";
import type { OrgUnitImport as ImportResult, OrgUnit } from "./orgUnitsApi";

const STATUS_COLOR = { new: "green", changed: "blue", unchanged: "gray", error: "red" } as const;
const changedRows = (preview: ImportResult) => preview.rows.filter((r) => r.status !== "unchanged");

function ImportTable({ preview }: { preview: ImportResult }) {
  const { t } = useTranslation();
  const shown = changedRows(preview);
  if (shown.length === 0) return null;
  return (
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
              <UnitCell name={r.name} code={r.code} />
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
                <RowProblems
                  problems={r.errors}
                  testId="org-import-row-error"
                  columnLabel={(column) => t("orgTree.import.column", { column })}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/** The Dinas's list from xlsx/csv: template, a preview of every row, then one confirmed save. */
export function OrgUnitImport({ regions }: { regions: OrgUnit[] }) {
  const { t } = useTranslation();
  const [regionId, setRegionId] = useState(regions[0]?.id ?? "");
  const send = (file: File, dryRun: boolean) =>
    uploadRak<ImportResult>(
      `/org-units/import?orgUnitId=${regionId}&fileName=${encodeURIComponent(file.name)}&dryRun=${dryRun}`,
      file,
    );

  return (
    <UploadWithPreview<ImportResult, ImportResult["counts"]>
      texts={{
        drop: t("orgTree.import.drop"),
        preview: t("orgTree.import.preview"),
        refused: t("orgTree.import.refused"),
        confirm: t("orgTree.import.confirm"),
        hasErrors: t("orgTree.import.hasErrors"),
        nothing: t("orgTree.import.nothing"),
      }}
      testIds={{
        root: "org-import",
        file: "org-import-file",
        previewButton: "org-import-preview",
        error: "org-import-error",
        saved: "org-import-saved",
        result: "org-import-result",
        confirm: "org-import-confirm",
      }}
      header={({ fail }) => (
        <>
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
            <Button
              variant="light"
              onClick={() =>
                apiDownload(`/org-units/template.xlsx?orgUnitId=${regionId}`, "unit-organisasi.xlsx").catch(
                  fail,
                )
              }
            >
              {t("orgTree.import.template")}
            </Button>
          </Group>
        </>
      )}
      requestPreview={(file) => send(file, true)}
      save={(file) => send(file, false).then((result) => result.counts)}
      invalidates={[["org-units"]]}
      clearFileOnSave
      summary={(preview) => (
        <Group gap="xs">
          {(["new", "changed", "unchanged", "error"] as const).map((s) => (
            <Badge key={s} variant="light" color={STATUS_COLOR[s]}>
              {t(`orgTree.import.status.${s}`)}: {preview.counts[s]}
            </Badge>
          ))}
        </Group>
      )}
      table={(preview) => <ImportTable preview={preview} />}
      block={(preview) => saveBlock({ errors: preview.counts.error, changes: changedRows(preview).length })}
      renderSaved={(saved) => t("orgTree.import.saved", saved)}
    />
  );
}
