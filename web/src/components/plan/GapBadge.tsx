import { Badge, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PlanIndicator } from "../../../../src/plans/schemas";
import { formatNumberId, formatTarget } from "../../format";

/** "+0,02": the quarters minus the year under the mode. */
export function signedDifference(difference: string) {
  return `${difference.startsWith("-") ? "" : "+"}${formatNumberId(difference)}`;
}

/** Quarters that do not add up to the year under the mode: shown and accepted, never corrected. */
export function GapBadge({ indicator }: { indicator: PlanIndicator }) {
  const { t } = useTranslation();
  const { difference, fromQuarters } = indicator.reconciliation;
  if (!difference || !fromQuarters) return null;
  return (
    <Tooltip
      label={t("plans.gap", {
        quarters: formatNumberId(fromQuarters),
        year: formatTarget(indicator.targetYear),
        mode: t(`plans.modes.${indicator.targetMode}`),
      })}
      multiline
      w={260}
    >
      <Badge color="orange" variant="light" size="xs" ml={4} data-testid="gap-badge">
        {signedDifference(difference)}
      </Badge>
    </Tooltip>
  );
}
