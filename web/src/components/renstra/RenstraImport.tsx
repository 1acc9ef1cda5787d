import { Alert, Button, FileInput, List, Modal, Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { uploadRak } from "../plan/upload";
import { SPREADSHEET_ACCEPT } from "../upload/uploadFlow";

interface Warning {
  code: string;
  message: string;
  messageEn: string;
  row: number | null;
}
interface Preview {
  startYear: number;
  endYear: number;
  summary: { tujuan: number; sasaran: number; program: number; indicators: number };
  warnings: Warning[];
}

/** Choose a Renstra workbook, see what it holds and every warning, then save it as the next version. */
export function RenstraImport({ orgUnitId, onClose }: { orgUnitId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const query = (f: File) => `orgUnitId=${orgUnitId}&fileName=${encodeURIComponent(f.name)}`;
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const choose = (chosen: File | null) => {
    setFile(chosen);
    setPreview(null);
    if (chosen)
      void run(async () =>
        setPreview(await uploadRak<Preview>(`/renstra/import/preview?${query(chosen)}`, chosen)),
      );
  };
  const save = () =>
    run(async () => {
      if (!file) return;
      const saved = await uploadRak<{ planId: string }>(`/renstra/import?${query(file)}`, file);
      await client.invalidateQueries({ queryKey: ["plans"] });
      onClose();
      navigate(`/renstra/${saved.planId}`);
    });
  return (
    <Modal opened onClose={onClose} title={t("renstra.import.title")} size="lg">
      <Stack>
        <Text size="sm">{t("renstra.import.hint")}</Text>
        <FileInput
          label={t("renstra.import.choose")}
          accept={SPREADSHEET_ACCEPT}
          value={file}
          onChange={choose}
          data-testid="renstra-import-file"
          clearable
        />
        {error && (
          <Alert color="red" data-testid="renstra-import-error">
            {error}
          </Alert>
        )}
        {preview && (
          <>
            <Text fw={600}>
              {t("renstra.import.summary", {
                start: preview.startYear,
                end: preview.endYear,
                ...preview.summary,
              })}
            </Text>
            {preview.warnings.length > 0 && (
              <Alert color="yellow" title={t("renstra.import.warnings", { count: preview.warnings.length })}>
                <List size="sm" data-testid="renstra-import-warnings">
                  {preview.warnings.map((w, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, where one cell's warning may repeat another's
                    <List.Item key={i}>
                      {w.row !== null && `${t("renstra.import.row", { row: w.row })}: `}
                      {i18n.language === "en" ? w.messageEn : w.message}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <Button onClick={save} loading={busy}>
              {t("renstra.import.save")}
            </Button>
          </>
        )}
      </Stack>
    </Modal>
  );
}
