import { Button, List, Modal, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { uploadRak } from "../plan/upload";
import { UploadWithPreview } from "../upload/UploadWithPreview";
import type { ImportPreview } from "./api";

const url = (file: File, dryRun: boolean) =>
  `/metadata/data-sets/import?${new URLSearchParams({ fileName: file.name, dryRun: String(dryRun) })}`;

/** Upload of a data set workbook on the shared flow: a preview of what changes, then one save. */
export function WorkbookUpload() {
  const { t, i18n } = useTranslation();
  const [opened, setOpened] = useState(false);
  const text = (line: { id: string; en: string }) => (i18n.language === "en" ? line.en : line.id);
  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)} data-testid="workbook-upload">
        {t("dataSets.list.upload")}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t("dataSets.upload.title")} size="lg">
        <UploadWithPreview<ImportPreview, ImportPreview>
          texts={{
            drop: t("dataSets.upload.choose"),
            preview: t("dataSets.upload.preview"),
            refused: t("dataSets.upload.errors"),
            confirm: t("dataSets.upload.commit"),
            hasErrors: t("dataSets.upload.errors"),
          }}
          testIds={{
            file: "workbook-file",
            error: "workbook-error",
            saved: "workbook-saved",
            result: "workbook-preview",
            confirm: "workbook-commit",
          }}
          requestPreview={(file) => uploadRak<ImportPreview>(url(file, true), file)}
          save={(file) => uploadRak<ImportPreview>(url(file, false), file)}
          invalidates={[["metadata"]]}
          clearFileOnSave
          summary={(p) => (
            <Stack gap="xs">
              <Text fw={600}>
                {p.code} — {p.name} ({p.exists ? t("dataSets.upload.existing") : t("dataSets.upload.newSet")})
              </Text>
              <List size="sm">
                {p.changes.map((c) => (
                  <List.Item key={c.id}>{text(c)}</List.Item>
                ))}
              </List>
              {p.errors.length > 0 && (
                <List size="sm" c="red">
                  {p.errors.map((e) => (
                    <List.Item key={e.id}>{text(e)}</List.Item>
                  ))}
                </List>
              )}
            </Stack>
          )}
          block={(p) => (p.errors.length > 0 ? "errors" : null)}
          renderSaved={() => t("dataSets.upload.done")}
        />
      </Modal>
    </>
  );
}
