import { formatNumberId, makePeriod, periodLabel } from "@domain";
import { List, Popover, ScrollArea, Stack, Text, UnstyledButton } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { EvaluationIndicatorRow } from "../../../../src/evaluation/types";

/** A realisasi computed from data opens where it came from: the sums and the reports approved or missing. */
export function ProvenancePopover({ row, children }: { row: EvaluationIndicatorRow; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const p = row.provenance;
  if (!p) return <>{children}</>;
  const lang = i18n.language === "en" ? "en" : "id";
  const month = (code: string) =>
    periodLabel(makePeriod("month", Number(code.slice(0, 4)), Number(code.slice(4))), lang);
  const sum = (value: string | null) =>
    value === null ? t("indicators.provenance.noData") : formatNumberId(value);
  const hidden = p.expectedReports - p.approvedReports - p.missing.length;
  return (
    <Popover width={320} position="bottom-end" withArrow shadow="md">
      <Popover.Target>
        <UnstyledButton
          fw={600}
          td="underline dotted"
          aria-label={t("indicators.provenance.open", { name: row.indicator })}
        >
          {children}
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown data-testid="provenance">
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            {p.definitionCode ? `${p.definitionCode} — ` : ""}
            {p.definitionName}
          </Text>
          <Text size="xs" ff="monospace" style={{ wordBreak: "break-word" }}>
            {p.kind === "ratio"
              ? `${p.numerator} / ${p.denominator} × ${formatNumberId(String(p.factor ?? 100))}`
              : p.numerator}
          </Text>
          <Text size="sm">
            {t("indicators.provenance.numerator")}: <b>{sum(p.numeratorSum)}</b>
          </Text>
          {p.kind === "ratio" && (
            <Text size="sm">
              {t("indicators.provenance.denominator")}: <b>{sum(p.denominatorSum)}</b>
            </Text>
          )}
          <Text size="sm" data-testid="provenance-reports">
            {t("indicators.provenance.reports", { approved: p.approvedReports, expected: p.expectedReports })}
          </Text>
          <Text size="xs" c="dimmed">
            {t("indicators.provenance.elements", { elements: p.elements.join(", ") })}
          </Text>
          {p.missing.length > 0 && (
            <>
              <Text size="xs" fw={600}>
                {t("indicators.provenance.missing")}
              </Text>
              <ScrollArea.Autosize mah={140}>
                <List size="xs" spacing={0}>
                  {p.missing.map((m) => (
                    <List.Item key={`${m.orgUnitName}|${m.period}`}>
                      {m.orgUnitName} — {month(m.period)}
                    </List.Item>
                  ))}
                  {hidden > 0 && <List.Item>{t("indicators.provenance.more", { count: hidden })}</List.Item>}
                </List>
              </ScrollArea.Autosize>
            </>
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
