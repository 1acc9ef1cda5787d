import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ReportStatus } from "./entryApi";

export const STATUS_COLOR: Record<ReportStatus, string> = {
  draft: "gray",
  submitted: "blue",
  verified: "cyan",
  approved: "green",
  returned: "red",
};

export function StatusBadge({ status }: { status: ReportStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" data-testid="report-status">
      {t(`dataEntry.status.${status}`)}
    </Badge>
  );
}
