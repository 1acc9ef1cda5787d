import { Badge, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import type { SpmQuarterService } from "../../../../src/spm/quarter-types";
import { formatNumberId, formatRupiah } from "../../format";
import { useCan } from "../../session";
import { PaperDownloads } from "../PaperDownloads";
import { longDate } from "../plan/dates";
import { QueryState } from "../QueryState";
import { WideScroll } from "../WideScroll";
import { BudgetLinkModal } from "./BudgetLinkModal";
import { QuarterEntryModal } from "./QuarterEntryModal";
import { useQuarterReport } from "./useQuarterReport";

const ROMAN = ["I", "II", "III", "IV"];
const STATUS_COLOR = { belum: "gray", proses: "yellow", selesai: "green" } as const;

function monthName(period: string, language: string) {
  return new Date(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(4)) - 1, 1)).toLocaleDateString(
    language === "en" ? "en-GB" : "id-ID",
    { month: "long", year: "numeric", timeZone: "UTC" },
  );
}

function Row({
  s,
  onEdit,
  onLink,
}: {
  s: SpmQuarterService;
  onEdit?: (() => void) | undefined;
  onLink?: (() => void) | undefined;
}) {
  const { t, i18n } = useTranslation();
  const pct = (v: string | null) => (v === null ? "–" : formatNumberId(v, 2));
  return (
    <Table.Tr data-testid={`quarter-row-${s.number}`}>
      <Table.Td className="sticky-col sticky-col-first-narrow">{s.number}</Table.Td>
      <Table.Td className="sticky-col sticky-col-second">
        <Text size="sm" fw={600}>
          {s.name}
        </Text>
        {onEdit && (
          <Button size="compact-xs" variant="light" mt={4} onClick={onEdit}>
            {t("spmQuarter.edit")}
          </Button>
        )}
      </Table.Td>
      <Table.Td ta="right">
        {s.mustServe === null ? "–" : formatNumberId(s.mustServe)}
        {s.denominatorNote && (
          <Text size="xs" c="dimmed">
            {s.denominatorNote}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right">
        {s.served === null ? "–" : formatNumberId(s.served)}
        <Text size="xs" c="dimmed">
          {s.reason ??
            (s.throughPeriod &&
              t("spmQuarter.through", { period: monthName(s.throughPeriod, i18n.language) }))}
        </Text>
      </Table.Td>
      <Table.Td ta="right">{pct(s.penerimaCapaian)}</Table.Td>
      <Table.Td ta="right">{pct(s.mutuPercent)}</Table.Td>
      <Table.Td ta="right" fw={600}>
        {pct(s.index)}
      </Table.Td>
      <Table.Td ta="right">
        {formatRupiah(s.budget.pagu)}
        <Text size="xs">{formatRupiah(s.budget.realisasi)}</Text>
        <Text size="xs" c="dimmed">
          {s.budget.kegiatan.length === 0
            ? t("spmQuarter.noKegiatan")
            : s.budget.kegiatan.map((k) => k.name).join("; ")}
        </Text>
        {onLink && (
          <Button
            size="compact-xs"
            variant="light"
            mt={4}
            onClick={onLink}
            aria-label={t("spmQuarter.budgetLink.aria", { service: s.name })}
            data-testid={`budget-link-${s.number}`}
          >
            {t("spmQuarter.budgetLink.button")}
          </Button>
        )}
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          {s.steps.map((step, i) => (
            <Group key={step.key} gap={4} wrap="nowrap">
              <Badge size="xs" color={STATUS_COLOR[step.status]} variant="light" style={{ flexShrink: 0 }}>
                {t(`spmQuarter.status.${step.status}`)}
              </Badge>
              <Text size="xs">
                {i + 1}. {step.label}
                {step.note ? ` — ${step.note}` : ""}
              </Text>
            </Group>
          ))}
        </Stack>
      </Table.Td>
      <Table.Td>
        {(["masalah", "solusi", "rencanaAksi"] as const).map((field) => (
          <Text key={field} size="xs">
            <b>{t(`spmQuarter.${field}`)}:</b> {s[field] ?? "–"}
          </Text>
        ))}
      </Table.Td>
    </Table.Tr>
  );
}

/** The quarterly e-SPM report (Permendagri 59/2021 Pasal 24): computed figures, the Dinas's entries, the index. */
export function QuarterTab({ orgUnitId, year }: { orgUnitId: string; year: number }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const writable = can("spm.write");
  const [search, setSearch] = useSearchParams();
  const quarter = Math.min(4, Math.max(1, Number(search.get("tw")) || 1));
  const report = useQuarterReport(orgUnitId, year, quarter);
  const [editing, setEditing] = useState<SpmQuarterService | null>(null);
  const [linking, setLinking] = useState<SpmQuarterService | null>(null);
  const planner = can("plan.write");
  // Widths in px: the steps and notes need room, or every row grows tall around a narrow column.
  const columns: Array<[string, number]> = [
    ["number", 40],
    ["service", 210],
    ["mustServe", 110],
    ["served", 110],
    ["penerima", 90],
    ["mutu", 100],
    ["index", 70],
    ["budget", 210],
    ["steps", 340],
    ["notes", 320],
  ];

  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t("spmQuarter.quarter")}
          </Text>
          <SegmentedControl
            aria-label={t("spmQuarter.quarter")}
            value={String(quarter)}
            onChange={(value) =>
              setSearch((current) => {
                const next = new URLSearchParams(current);
                next.set("tw", value);
                return next;
              })
            }
            data={ROMAN.map((r, i) => ({ value: String(i + 1), label: `TW ${r}` }))}
          />
        </Stack>
        <PaperDownloads
          labels="spm.download"
          url={(format, paper) =>
            `/spm/quarter-report.${format}?${new URLSearchParams({ orgUnitId, year: String(year), quarter: String(quarter), paper })}`
          }
          fileName={(format) => `laporan-spm-${year}-tw${quarter}.${format}`}
        />
      </Group>
      <Text size="sm" c="dimmed" maw={720}>
        {writable ? t("spmQuarter.hint") : t("spmQuarter.readOnly")}
      </Text>
      <QueryState query={report}>
        {(data) => (
          <Paper withBorder p="md">
            <Stack gap={2} align="center" mb="md">
              <Title order={4} ta="center" tt="uppercase">
                {t("spmQuarter.title")}
              </Title>
              <Title order={4} ta="center" tt="uppercase" data-testid="quarter-region">
                {t("spmQuarter.titleRegion", {
                  region: data.regionName,
                  year: data.year,
                  quarter: ROMAN[quarter - 1],
                })}
              </Title>
              <Text size="sm" ta="center" data-testid="quarter-version">
                {t("spmQuarter.version", { regulation: data.version.regulation })}
              </Text>
              <Text size="sm" c="dimmed">
                {data.deadline
                  ? t("spmQuarter.deadline", { date: longDate(data.deadline, i18n.language) })
                  : t("spmQuarter.noDeadline")}
              </Text>
            </Stack>
            <Group gap="xs" mb="sm" data-testid="quarter-index">
              <Text fw={600}>{t("spmQuarter.index")}:</Text>
              <Text fw={700} size="lg">
                {data.index.value === null
                  ? t("spmQuarter.notComputable")
                  : formatNumberId(data.index.value, 2)}
              </Text>
              {data.index.missing > 0 && (
                <Text size="sm" c="dimmed">
                  ({t("spmQuarter.indexMissing", { count: data.index.missing })})
                </Text>
              )}
            </Group>
            <WideScroll label={t("spmQuarter.title")}>
              <Table withTableBorder withColumnBorders verticalSpacing={4} fz="sm" miw={1600}>
                <Table.Thead>
                  <Table.Tr>
                    {columns.map(([c, width], i) => (
                      <Table.Th
                        key={c}
                        miw={width}
                        className={
                          i === 0
                            ? "sticky-col sticky-col-first-narrow"
                            : i === 1
                              ? "sticky-col sticky-col-second"
                              : undefined
                        }
                      >
                        {t(`spmQuarter.columns.${c}`)}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.services.map((s) => (
                    <Row
                      key={s.serviceId}
                      s={s}
                      onEdit={writable ? () => setEditing(s) : undefined}
                      onLink={planner ? () => setLinking(s) : undefined}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </WideScroll>
            <Text size="xs" c="dimmed" mt="sm">
              {data.indexRule.note}
            </Text>
            {data.version.sourceNote && (
              <Text size="xs" c="dimmed">
                {t("spmQuarter.source")}: {data.version.sourceNote}
              </Text>
            )}
          </Paper>
        )}
      </QueryState>
      {linking && (
        <BudgetLinkModal
          service={linking}
          orgUnitId={orgUnitId}
          year={year}
          onClose={() => setLinking(null)}
        />
      )}
      {editing && (
        <QuarterEntryModal
          key={`${editing.serviceId}:${quarter}`}
          service={editing}
          orgUnitId={orgUnitId}
          year={year}
          quarter={quarter}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
