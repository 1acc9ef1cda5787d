import { Alert, Button, Group, NumberInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiDownload } from "../../api";

const RENSTRA_YEARS = 5;

/** "Unduh templat kosong": a blank Renstra of five years from the start year chosen, in the import's layout. */
export function RenstraTemplate({ startYear }: { startYear: number }) {
  const { t } = useTranslation();
  const [year, setYear] = useState(startYear);
  const [error, setError] = useState<string | null>(null);
  const end = year + RENSTRA_YEARS - 1;
  const download = () => {
    setError(null);
    apiDownload(`/renstra/template.xlsx?startYear=${year}`, `templat-renstra-${year}-${end}.xlsx`).catch(
      (e: Error) => setError(e.message),
    );
  };
  return (
    <Group align="end" gap="xs" wrap="wrap">
      <NumberInput
        label={t("renstra.template.startYear")}
        description={t("renstra.template.period", { start: year, end })}
        w={140}
        min={2000}
        max={2096}
        thousandSeparator=""
        value={year}
        onChange={(v) => typeof v === "number" && setYear(v)}
        data-testid="renstra-template-year"
      />
      <Button variant="light" onClick={download} data-testid="renstra-template">
        {t("renstra.template.button")}
      </Button>
      {error && <Alert color="red">{error}</Alert>}
    </Group>
  );
}
