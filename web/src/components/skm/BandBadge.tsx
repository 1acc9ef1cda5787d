import { Badge, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { BAND_COLOR, BAND_RANGE, BANDS, type Band } from "./skmApi";

export function BandBadge({ band }: { band: Band }) {
  const { t } = useTranslation();
  return (
    <Badge color={BAND_COLOR[band]} variant="filled" data-testid="skm-band">
      {t(`skm.band.${band}`)}
    </Badge>
  );
}

/** What the letters mean, next to the table, so nobody has to look up Permenpan RB 14/2017. */
export function BandLegend() {
  const { t } = useTranslation();
  return (
    <Group gap="md" data-testid="skm-legend">
      <Text size="sm" fw={600}>
        {t("skm.legend")}:
      </Text>
      {BANDS.map((band) => (
        <Group key={band} gap={4} wrap="nowrap">
          <BandBadge band={band} />
          <Text size="xs" c="dimmed">
            IKM {BAND_RANGE[band]}
          </Text>
        </Group>
      ))}
    </Group>
  );
}
