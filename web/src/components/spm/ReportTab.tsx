import { Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useCan } from "../../session";
import { QueryState } from "../QueryState";
import { ReportDownloads } from "./ReportDownloads";
import { ReportTable } from "./ReportTable";
import { SignatoryBlock } from "./SignatoryBlock";
import { SurveyTable } from "./SurveyTable";
import { useNotesEditor, useSignatorySaver, useSpmReport } from "./useSpmReport";

/** The yearly report of the Kepala Dinas to the Wali Kota (Pasal 9), as it will be printed. */
export function ReportTab({ orgUnitId, year }: { orgUnitId: string; year: number }) {
  const { t } = useTranslation();
  const can = useCan();
  const writable = can("spm.write");
  const report = useSpmReport(orgUnitId, year);
  const editor = useNotesEditor(orgUnitId, year);
  const saveSignatory = useSignatorySaver(orgUnitId, year);

  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Text size="sm" c="dimmed" maw={640}>
          {writable ? t("spm.report.hint") : t("spm.report.readOnly")}
        </Text>
        <ReportDownloads orgUnitId={orgUnitId} year={year} />
      </Group>
      <QueryState query={report}>
        {(data) => (
          <Paper withBorder p="md">
            <Stack gap={0} align="center" mb="md">
              <Title order={4} ta="center" tt="uppercase">
                {t("spm.report.title")}
              </Title>
              <Title order={4} ta="center" tt="uppercase" data-testid="report-region">
                {t("spm.report.titleRegion", { region: data.regionName, year: data.year })}
              </Title>
              <Text size="sm" ta="center">
                {data.regulation}
              </Text>
            </Stack>
            <ReportTable rows={data.services} editor={writable ? editor : undefined} />
            {data.surveys.length > 0 && <SurveyTable report={data} />}
            <SignatoryBlock signatory={data.signatory} onSave={writable ? saveSignatory : undefined} />
          </Paper>
        )}
      </QueryState>
    </Stack>
  );
}
