import { Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Figures } from "./figures";

/**
 * Why a capaian is not shown: "belum ada data" with what is missing, or a zero denominator. Never a
 * 0 %, which would read as "nobody was served".
 */
export function NoData({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const headline =
    figures.reason === "denominator_zero" ? t("spm.figures.denominatorZero") : t("spm.figures.noData");
  return (
    <Stack gap={0} data-testid="no-data">
      <Text size="sm" fw={600} c="dimmed">
        {headline}
      </Text>
      {figures.missing.length > 0 && (
        <Text size="xs" c="dimmed" data-testid="missing">
          {t("spm.figures.missing", { list: figures.missing.join(", ") })}
        </Text>
      )}
    </Stack>
  );
}
