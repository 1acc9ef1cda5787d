import { Progress, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { apiGet } from "../../api";
import { formatNumberId } from "../../format";
import type { ImportSummary, JobView } from "./dhis2Api";

/** How far along the bar stands in each phase: the values are counted, their total is not known ahead. */
const STAGE = { receiving: 10, reading: 35, checking: 65, writing: 85 } as const;

/** A large import the server runs as a job: followed every second until it ends, then handed back. */
export function ImportJobProgress({
  jobId,
  onDone,
  onFailed,
}: {
  jobId: string;
  onDone: (summary: ImportSummary) => void;
  onFailed: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const job = useQuery({
    queryKey: ["jobs", jobId],
    queryFn: () => apiGet<JobView>(`/jobs/${jobId}`),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === "done" || status === "failed" ? false : 1_000;
    },
  });
  const data = job.data;
  useEffect(() => {
    if (data?.status === "done" && data.summary) onDone(data.summary);
    else if (data?.status === "failed" && data.error)
      onFailed(i18n.language === "en" ? data.error.messageEn : data.error.message);
  }, [data, onDone, onFailed, i18n.language]);
  useEffect(() => {
    if (job.error) onFailed(job.error.message);
  }, [job.error, onFailed]);

  const phase = data?.phase ?? "receiving";
  return (
    <Stack gap={4} data-testid="dhis2-job">
      <Text size="sm">{t(`dhis2.job.phases.${phase}`)}</Text>
      <Progress value={STAGE[phase]} animated striped aria-label={t(`dhis2.job.phases.${phase}`)} />
      <Text size="xs" c="dimmed">
        {t("dhis2.job.read", { n: formatNumberId(String(data?.progress.read ?? 0)) })}
      </Text>
    </Stack>
  );
}
