import { type Language, parsePeriod, periodLabel, SKM_BAND_LABEL } from "@domain";
import { Table, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { SpmReport } from "../../../../src/spm/report-types";
import { formatNumberId } from "../../format";
import { useDomainLabel } from "../evaluation/badges";
import { percent } from "./figures";
import "./spm.css";
import "../wide-table.css";
import { WideScroll } from "../WideScroll";

/** "2019", "Semester I 2019": a survey period as the reader says it; an unknown code as written. */
function periodText(code: string, language: Language) {
  try {
    return periodLabel(parsePeriod(code), language);
  } catch {
    return code;
  }
}

/**
 * Survei Kepuasan Masyarakat per facility (Pasal 6e), listed after the services: the IKM column of
 * the report is the whole region's; this shows where it comes from.
 */
export function SurveyTable({ report }: { report: SpmReport }) {
  const { t, i18n } = useTranslation();
  const label = useDomainLabel();
  const language: Language = i18n.language === "en" ? "en" : "id";
  const nameOf = new Map(report.services.map((s) => [s.number, s.name]));
  return (
    <>
      <Title order={5} mt="lg" mb="xs">
        {t("spm.surveys.title")}
      </Title>
      <WideScroll label={t("spm.surveys.title")}>
        <Table withTableBorder withColumnBorders className="spm-table" data-testid="survey-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("spm.surveys.facility")}</Table.Th>
              <Table.Th scope="col">{t("spm.surveys.service")}</Table.Th>
              <Table.Th scope="col">{t("spm.surveys.period")}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t("spm.surveys.respondents")}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t("spm.surveys.ikm")}
              </Table.Th>
              <Table.Th scope="col">{t("spm.surveys.band")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.surveys.map((s) => (
              <Table.Tr key={`${s.orgUnitName}:${s.serviceNumber}:${s.period}`}>
                <Table.Th scope="row" fw={500}>
                  {s.orgUnitName}
                </Table.Th>
                <Table.Td>
                  {s.serviceNumber}. {nameOf.get(s.serviceNumber) ?? ""}
                </Table.Td>
                <Table.Td>{periodText(s.period, language)}</Table.Td>
                <Table.Td ta="right">{formatNumberId(String(s.respondents))}</Table.Td>
                <Table.Td ta="right">{percent(s.ikm)}</Table.Td>
                <Table.Td>
                  {s.band} ({label(SKM_BAND_LABEL[s.band])})
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </WideScroll>
    </>
  );
}
