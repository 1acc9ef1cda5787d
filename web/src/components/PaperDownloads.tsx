import { Alert, Button, Group, Select } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiDownload } from "../api";

export type Paper = "A4" | "F4";
export type Format = "xlsx" | "docx" | "pdf";

/**
 * A document as the Dinas files it: xlsx (or docx) to keep working on, pdf (A4 or F4 folio) to sign.
 * `labels` names the translation keys holding `paper` and one per format.
 */
export function PaperDownloads({
  url,
  fileName,
  labels,
  formats = ["xlsx", "pdf"],
}: {
  url: (format: Format, paper: Paper) => string;
  fileName: (format: Format) => string;
  labels:
    | "evaluation.download"
    | "spm.download"
    | "scorecard.download"
    | "renstra.download"
    | "lkjip.download";
  formats?: readonly Format[];
}) {
  const { t } = useTranslation();
  const [paper, setPaper] = useState<Paper>("A4");
  const [busy, setBusy] = useState<Format | null>(null);
  const [error, setError] = useState<string | null>(null);

  const download = async (format: Format) => {
    setBusy(format);
    setError(null);
    try {
      await apiDownload(url(format, paper), fileName(format));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Group align="end" gap="xs">
      <Select
        label={t(`${labels}.paper`)}
        size="xs"
        w={80}
        data={["A4", "F4"]}
        value={paper}
        allowDeselect={false}
        onChange={(value) => value && setPaper(value as Paper)}
      />
      {formats.map((format) => (
        <Button
          key={format}
          size="xs"
          variant="default"
          loading={busy === format}
          onClick={() => void download(format)}
        >
          {t(`${labels}.${format}`)}
        </Button>
      ))}
      {error && (
        <Alert
          color="red"
          p={6}
          withCloseButton
          onClose={() => setError(null)}
          role="alert"
          data-testid="download-error"
        >
          {error}
        </Alert>
      )}
    </Group>
  );
}
