import { Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { HomeRatio, HomeVerification } from "../../../../src/home/schemas";
import { formatNumberId } from "../../format";
import { formatMoment, labelOf } from "../data-entry/periods";
import { WideScroll } from "../WideScroll";
import { changePercent, formLink } from "./links";
import { ItemLink, Section } from "./Section";

/** A pengelola program's to-do: reports to verify, each with its ratios and how they moved. */
export function VerificationSection({ verification }: { verification: HomeVerification }) {
  const { t, i18n } = useTranslation();
  return (
    <Section title={t("home.verification.title", { count: verification.count })} testId="home-verification">
      {verification.reports.length === 0 ? <Text size="sm">{t("home.none")}</Text> : null}
      {verification.reports.map((r) => (
        <Stack key={`${r.dataSetId}/${r.orgUnitId}/${r.period}`} gap={2} data-testid="home-waiting-report">
          <ItemLink to={formLink(r)}>
            {r.orgUnitName} · {r.dataSetName} · {labelOf(r.period, i18n.language)}
          </ItemLink>
          {r.submittedAt ? (
            <Text size="xs" c="dimmed">
              {t("home.verification.submitted", { date: formatMoment(r.submittedAt, i18n.language) })}
            </Text>
          ) : null}
          {r.ratios.length ? (
            <WideScroll label={`${r.orgUnitName} · ${labelOf(r.period, i18n.language)}`}>
              <Table fz="xs" verticalSpacing={1} miw={420}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th />
                    <Table.Th ta="right">{t("home.verification.value")}</Table.Th>
                    <Table.Th ta="right">{t("home.verification.previous")}</Table.Th>
                    <Table.Th ta="right">{t("home.verification.lastYear")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.ratios.map((ratio) => (
                    <RatioRow key={ratio.indicatorId} ratio={ratio} />
                  ))}
                </Table.Tbody>
              </Table>
            </WideScroll>
          ) : (
            <Text size="xs" c="dimmed">
              {t("home.verification.noRatios")}
            </Text>
          )}
        </Stack>
      ))}
    </Section>
  );
}

function RatioRow({ ratio }: { ratio: HomeRatio }) {
  const shown = (v: string | null) => (v === null ? "–" : formatNumberId(v, 2));
  return (
    <Table.Tr>
      <Table.Td>
        {ratio.name} ({ratio.unit})
      </Table.Td>
      <Table.Td ta="right">{shown(ratio.value)}</Table.Td>
      <Change value={ratio.value} earlier={ratio.previous} />
      <Change value={ratio.value} earlier={ratio.lastYear} />
    </Table.Tr>
  );
}

/** A change of a third or more is worth a second look: shown in orange. */
function Change({ value, earlier }: { value: string | null; earlier: string | null }) {
  const change = changePercent(value, earlier);
  const big = change !== null && Math.abs(Number(change)) >= 33;
  return (
    <Table.Td ta="right" c={big ? "orange.8" : undefined} fw={big ? 700 : undefined}>
      {change === null ? "–" : `${Number(change) > 0 ? "+" : ""}${formatNumberId(change, 1)}%`}
    </Table.Td>
  );
}
