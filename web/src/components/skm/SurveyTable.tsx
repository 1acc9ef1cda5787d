import { Button, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatNumberId } from "../../format";
import { labelOf } from "../data-entry/periods";
import { WideScroll } from "../WideScroll";
import { BandBadge } from "./BandBadge";
import type { SurveySummary } from "./skmApi";

/** The surveys of the chosen region and year, one row per facility, service and period. */
export function SurveyTable({
  surveys,
  openId,
  onOpen,
}: {
  surveys: SurveySummary[];
  openId: string | null;
  onOpen: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  if (surveys.length === 0) return <Text c="dimmed">{t("skm.empty")}</Text>;
  return (
    <WideScroll label={t("skm.title")}>
      <Table withTableBorder striped highlightOnHover data-testid="skm-surveys">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("skm.columns.facility")}</Table.Th>
            <Table.Th>{t("skm.columns.service")}</Table.Th>
            <Table.Th>{t("skm.columns.period")}</Table.Th>
            <Table.Th ta="right">{t("skm.columns.respondents")}</Table.Th>
            <Table.Th ta="right">{t("skm.columns.ikm")}</Table.Th>
            <Table.Th>{t("skm.columns.band")}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {surveys.map((s) => (
            <Table.Tr key={s.id} bg={s.id === openId ? "teal.0" : undefined}>
              <Table.Td>{s.orgUnitName}</Table.Td>
              <Table.Td>
                {s.serviceNumber}. {s.serviceName}
              </Table.Td>
              <Table.Td>{labelOf(s.period, i18n.language)}</Table.Td>
              <Table.Td ta="right">{formatNumberId(String(s.respondents))}</Table.Td>
              <Table.Td ta="right" fw={600}>
                {s.result ? formatNumberId(s.result.ikm, 2) : "–"}
              </Table.Td>
              <Table.Td>
                {s.result ? (
                  <BandBadge band={s.result.band} />
                ) : (
                  <Text size="xs" c="dimmed">
                    {t("skm.noResult")}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Button size="compact-sm" variant="light" onClick={() => onOpen(s.id)}>
                  {t("skm.open")}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </WideScroll>
  );
}
