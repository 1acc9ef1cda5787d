import { formatNumberId, makePeriod, periodLabel } from "@domain";
import { Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { CheckResult } from "./definitionsApi";

type Value = NonNullable<CheckResult["preview"]>["kota"];

function PreviewValue({ value }: { value: Value }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {value.name}
      </Text>
      {value.value === null ? (
        <Text size="sm">{i18n.language === "en" ? value.reason?.en : value.reason?.id}</Text>
      ) : (
        <Text fw={700} data-testid="preview-value">
          {formatNumberId(value.value, 2)}
        </Text>
      )}
      {value.numerator !== null && value.denominator !== null && (
        <Text size="xs" c="dimmed">
          {t("indicators.preview.fraction", {
            numerator: formatNumberId(value.numerator),
            denominator: formatNumberId(value.denominator),
          })}
        </Text>
      )}
    </Stack>
  );
}

/** What the definition gives for the last approved month, for the kota and one puskesmas. */
export function DefinitionPreview({
  check,
  blocked,
}: {
  check: UseQueryResult<CheckResult>;
  blocked: boolean;
}) {
  const { t, i18n } = useTranslation();
  if (blocked) return null;
  const preview = check.data?.preview;
  const period = (code: string) =>
    periodLabel(
      makePeriod("month", Number(code.slice(0, 4)), Number(code.slice(4))),
      i18n.language === "en" ? "en" : "id",
    );
  return (
    <Paper withBorder p="sm" data-testid="definition-preview">
      <Text size="sm" fw={600}>
        {t("indicators.preview.title")}
      </Text>
      {check.isFetching && !preview ? (
        <Text size="sm">{t("indicators.preview.waiting")}</Text>
      ) : preview ? (
        <Stack gap="xs">
          <Text size="xs">{t("indicators.preview.period", { period: period(preview.period) })}</Text>
          <SimpleGrid cols={2}>
            <PreviewValue value={preview.kota} />
            {preview.puskesmas && <PreviewValue value={preview.puskesmas} />}
          </SimpleGrid>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t("indicators.preview.none")}
        </Text>
      )}
    </Paper>
  );
}
