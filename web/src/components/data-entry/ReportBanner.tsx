import { Alert, Badge, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Form } from "./entryApi";
import { formatDay, formatMoment } from "./periods";
import { STATUS_COLOR, StatusBadge } from "./StatusBadge";

/** Where the report stands, what happens next, and the deadline the timeliness indicator counts. */
export function ReportBanner({ form }: { form: Form }) {
  const { t, i18n } = useTranslation();
  const { report } = form;
  const lng = i18n.language;
  return (
    <Alert color={STATUS_COLOR[report.status]} variant="light" data-testid="report-banner">
      <Group justify="space-between" align="start" wrap="nowrap">
        <Group gap="xs">
          <StatusBadge status={report.status} />
          {report.nihil && (
            <Badge color="gray" variant="outline" data-testid="nihil-badge">
              {t("dataEntry.nihil.badge")}
            </Badge>
          )}
          <Text size="sm">{t(`dataEntry.statusHelp.${report.status}`)}</Text>
        </Group>
        <div>
          <Text size="sm" ta="right">
            {t("dataEntry.deadline")}: <b>{formatDay(form.period.deadline, lng)}</b>
          </Text>
          {report.submittedAt && (
            <Text size="sm" ta="right" c={report.onTime ? "teal.8" : "orange.8"}>
              {t("dataEntry.firstSubmitted")}: {formatMoment(report.submittedAt, lng)} (
              {t(report.onTime ? "dataEntry.onTime" : "dataEntry.late")})
            </Text>
          )}
        </div>
      </Group>
      {report.status === "returned" && report.returnedReason && (
        <Text size="sm" mt="xs" fw={600} data-testid="returned-reason">
          {t("dataEntry.returnedReason")}: {report.returnedReason}
        </Text>
      )}
    </Alert>
  );
}
