import { Alert, Button, Group, Select } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiDownload } from "../../api";
import type { Quarter } from "./useEvaluation";

type Paper = "A4" | "F4";
type Format = "xlsx" | "pdf";

/** The evaluation as the document the Dinas files: xlsx to keep editing, pdf to sign; A4 or F4 (folio). */
export function DownloadButtons({ planId, quarter }: { planId: string; quarter: Quarter }) {
  const { t } = useTranslation();
  const [paper, setPaper] = useState<Paper>("A4");
  const [busy, setBusy] = useState<Format | null>(null);
  const [error, setError] = useState<string | null>(null);

  const download = async (format: Format) => {
    setBusy(format);
    setError(null);
    try {
      const query = new URLSearchParams({ quarter: String(quarter), paper });
      await apiDownload(
        `/plans/${planId}/evaluation.${format}?${query}`,
        `evaluasi-rak-tw${quarter}.${format}`,
      );
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Group align="end" gap="xs">
      <Select
        label={t("evaluation.download.paper")}
        size="xs"
        w={80}
        data={["A4", "F4"]}
        value={paper}
        allowDeselect={false}
        onChange={(value) => value && setPaper(value as Paper)}
      />
      {(["xlsx", "pdf"] as const).map((format) => (
        <Button
          key={format}
          size="xs"
          variant="default"
          loading={busy === format}
          onClick={() => void download(format)}
        >
          {t(`evaluation.download.${format}`)}
        </Button>
      ))}
      {error && (
        <Alert color="red" p={6} withCloseButton onClose={() => setError(null)} data-testid="download-error">
          {error}
        </Alert>
      )}
    </Group>
  );
}
