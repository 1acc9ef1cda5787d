import { Alert, Button, FileButton, Group, List, Modal, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { uploadRak } from "../plan/upload";
import type { ImportPreview } from "./api";

/** Upload of a data set workbook: a preview of what changes, then one save. */
export function WorkbookUpload() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [done, setDone] = useState(false);
  const text = (line: { id: string; en: string }) => (i18n.language === "en" ? line.en : line.id);
  const url = (f: File, dryRun: boolean) =>
    `/metadata/data-sets/import?${new URLSearchParams({ fileName: f.name, dryRun: String(dryRun) })}`;
  const preview = useMutation({ mutationFn: (f: File) => uploadRak<ImportPreview>(url(f, true), f) });
  const commit = useMutation({
    mutationFn: (f: File) => uploadRak<ImportPreview>(url(f, false), f),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["metadata"] });
      setFile(null);
      setDone(true);
    },
  });
  const choose = (f: File | null) => {
    setDone(false);
    setFile(f);
    commit.reset();
    if (f) preview.mutate(f);
  };
  const p = preview.data;
  return (
    <>
      <Group gap="xs">
        <FileButton onChange={choose} accept=".xlsx">
          {(props) => (
            <Button variant="default" {...props} data-testid="workbook-upload">
              {t("dataSets.list.upload")}
            </Button>
          )}
        </FileButton>
        {done && <Text c="green">{t("dataSets.upload.done")}</Text>}
      </Group>
      <Modal
        opened={file !== null}
        onClose={() => setFile(null)}
        title={t("dataSets.upload.title")}
        size="lg"
      >
        <Stack>
          {preview.error && <Alert color="red">{preview.error.message}</Alert>}
          {p && (
            <>
              <Text fw={600}>
                {p.code} — {p.name} ({p.exists ? t("dataSets.upload.existing") : t("dataSets.upload.newSet")})
              </Text>
              <Text size="sm" fw={600}>
                {t("dataSets.upload.preview")}
              </Text>
              <List size="sm">
                {p.changes.map((c) => (
                  <List.Item key={c.id}>{text(c)}</List.Item>
                ))}
              </List>
              {p.errors.length > 0 && (
                <Alert color="red" title={t("dataSets.upload.errors")}>
                  <List size="sm">
                    {p.errors.map((e) => (
                      <List.Item key={e.id}>{text(e)}</List.Item>
                    ))}
                  </List>
                </Alert>
              )}
            </>
          )}
          {commit.error && <Alert color="red">{commit.error.message}</Alert>}
          <Group justify="end">
            <Button variant="subtle" onClick={() => setFile(null)}>
              {t("dataSets.upload.cancel")}
            </Button>
            <Button
              disabled={!p || p.errors.length > 0}
              loading={commit.isPending}
              onClick={() => file && commit.mutate(file)}
            >
              {t("dataSets.upload.commit")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
