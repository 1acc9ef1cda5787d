import { BAND_COLOUR, BAND_SHORT } from "@domain";
import {
  Anchor,
  Breadcrumbs,
  Group,
  MultiSelect,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { PaperDownloads } from "../components/PaperDownloads";
import { QueryState } from "../components/QueryState";
import { useScorecard, useScorecardOptions } from "../components/scorecard/api";
import { CellTrendModal, type OpenCell } from "../components/scorecard/CellTrendModal";
import { ScorecardTable } from "../components/scorecard/ScorecardTable";
import { type Average, periodsOf, type Show, type View, visibleRows } from "../components/scorecard/table";
import { useOpeningYear, useOrgUnits } from "../queries";

type PeriodType = "month" | "quarter" | "year";
const PARENT_TYPES = new Set(["kementerian", "provinsi", "kabupaten_kota", "kecamatan"]);

/**
 * /skor-kartu?parentId&columns&year&periodType&rows: org units × indicators × periods, coloured by
 * band, sortable and filterable, a unit opening the units under it and a cell opening its series.
 */
export function ScorecardPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const options = useScorecardOptions();
  const units = useOrgUnits();
  const openingYear = useOpeningYear("data");
  const [view, setView] = useState<View>({ sort: "name", descending: false, show: "all", average: "all" });
  const [openCell, setOpenCell] = useState<OpenCell | null>(null);

  const parents = (units.data ?? []).filter((u) => PARENT_TYPES.has(u.type) && u.closedOn === null);
  const parentId =
    params.get("parentId") ?? parents.find((u) => u.type === "kabupaten_kota")?.id ?? parents[0]?.id;
  const year = Number(params.get("year") ?? openingYear ?? new Date().getFullYear());
  const periodType = (params.get("periodType") ?? "quarter") as PeriodType;
  const rowsMode = params.get("rows") === "puskesmas" ? "puskesmas" : "children";
  const choices = [
    ...(options.data?.indicators ?? []).map((i) => ({
      value: i.key,
      label: i.code ? `${i.code} ${i.name}` : i.name,
    })),
    ...(options.data?.dataSets ?? []).flatMap((d) => [
      { value: `c:${d.id}`, label: t("scorecard.completeness", { name: d.name }) },
      { value: `t:${d.id}`, label: t("scorecard.timeliness", { name: d.name }) },
    ]),
  ];
  const defaults = [
    ...(options.data?.indicators ?? []).slice(0, 6).map((i) => i.key),
    ...(options.data?.dataSets ?? []).slice(0, 1).map((d) => `c:${d.id}`),
  ];
  const columns = params.get("columns")?.split(",").filter(Boolean) ?? defaults;
  const periods = periodsOf(year, periodType);
  const ready = parentId && columns.length > 0 && options.data && openingYear !== undefined;
  const query = ready
    ? new URLSearchParams({
        parentId,
        columns: columns.join(","),
        periods: periods.join(","),
        rows: rowsMode,
      }).toString()
    : null;
  const card = useScorecard(query);

  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams({
      ...(parentId ? { parentId } : {}),
      columns: columns.join(","),
      year: String(year),
      periodType,
      rows: rowsMode,
      ...changes,
    });
    setParams(next);
  };

  return (
    <Stack>
      <Title order={2}>{t("scorecard.title")}</Title>
      <Text size="sm" c="dimmed">
        {t("scorecard.intro")}
      </Text>
      <Group align="end" gap="sm" wrap="wrap">
        <Select
          label={t("scorecard.parent")}
          w={220}
          searchable
          data={parents.map((u) => ({ value: u.id, label: u.name }))}
          value={parentId ?? null}
          allowDeselect={false}
          onChange={(id) => id && set({ parentId: id })}
          data-testid="scorecard-parent"
        />
        <Select
          label={t("scorecard.year")}
          w={100}
          data={Array.from({ length: 8 }, (_, i) => String(new Date().getFullYear() + 1 - i))}
          value={String(year)}
          allowDeselect={false}
          onChange={(y) => y && set({ year: y })}
          data-testid="scorecard-year"
        />
        <SegmentedControl
          aria-label={t("scorecard.periodType")}
          value={periodType}
          onChange={(v) => set({ periodType: v })}
          data={(["month", "quarter", "year"] as const).map((v) => ({
            value: v,
            label: t(`scorecard.periodTypes.${v}`),
          }))}
        />
        <SegmentedControl
          aria-label={t("scorecard.rows")}
          value={rowsMode}
          onChange={(v) => set({ rows: v })}
          data={(["children", "puskesmas"] as const).map((v) => ({
            value: v,
            label: t(`scorecard.rowsModes.${v}`),
          }))}
          data-testid="scorecard-rows"
        />
      </Group>
      <MultiSelect
        label={t("scorecard.indicators")}
        placeholder={t("scorecard.indicatorsPlaceholder")}
        data={choices}
        value={columns}
        searchable
        clearable
        maxDropdownHeight={320}
        onChange={(keys) => set({ columns: keys.join(",") })}
        data-testid="scorecard-indicators"
      />
      {columns.length === 0 ? (
        <Text>{t("scorecard.noColumns")}</Text>
      ) : (
        <QueryState query={card}>
          {(data) => (
            <Stack gap="xs">
              <Group justify="space-between" align="end" wrap="wrap">
                <Breadcrumbs separator="›">
                  {data.trail.map((u) =>
                    u.id === data.parent.id ? (
                      <Text key={u.id} fw={700} size="sm">
                        {u.name}
                      </Text>
                    ) : (
                      <Anchor
                        key={u.id}
                        component="button"
                        type="button"
                        size="sm"
                        onClick={() => set({ parentId: u.id })}
                        data-testid="scorecard-trail"
                      >
                        {u.name}
                      </Anchor>
                    ),
                  )}
                </Breadcrumbs>
                <Group gap="xs" align="end" wrap="wrap">
                  <Select
                    label={t("scorecard.show")}
                    size="xs"
                    w={130}
                    data={(["all", "top5", "top10", "bottom5", "bottom10"] as const).map((v) => ({
                      value: v,
                      label: t(`scorecard.shows.${v}`),
                    }))}
                    value={view.show}
                    allowDeselect={false}
                    onChange={(v) => v && setView({ ...view, show: v as Show })}
                    data-testid="scorecard-show"
                  />
                  <Select
                    label={t("scorecard.average")}
                    size="xs"
                    w={160}
                    data={(["all", "above", "below"] as const).map((v) => ({
                      value: v,
                      label: t(`scorecard.averages.${v}`),
                    }))}
                    value={view.average}
                    allowDeselect={false}
                    onChange={(v) => v && setView({ ...view, average: v as Average })}
                    data-testid="scorecard-average"
                  />
                  <PaperDownloads
                    labels="scorecard.download"
                    url={(format, paper) =>
                      `/scorecard.${format}?${query}&paper=${paper}&lang=${i18n.language === "en" ? "en" : "id"}`
                    }
                    fileName={(format) => `skor-kartu-${year}.${format}`}
                  />
                </Group>
              </Group>
              <ScorecardTable
                card={data}
                rows={visibleRows(data, view)}
                view={view}
                onSort={(key) =>
                  setView({
                    ...view,
                    sort: key,
                    descending: view.sort === key ? !view.descending : key !== "name",
                  })
                }
                onDrill={(row) => set({ parentId: row.id, rows: "children" })}
                onCell={(row, index) => {
                  const column = data.columns[Math.floor(index / data.periods.length)];
                  if (column)
                    setOpenCell({
                      orgUnitId: row.id,
                      unitName: row.name,
                      column: column.key,
                      columnName: column.name,
                      year,
                    });
                }}
              />
              <Legend />
            </Stack>
          )}
        </QueryState>
      )}
      <CellTrendModal cell={openCell} onClose={() => setOpenCell(null)} />
    </Stack>
  );
}

function Legend() {
  const { t } = useTranslation();
  const bands = ["sangat_tinggi", "tinggi", "sedang", "rendah", "sangat_rendah"] as const;
  return (
    <Group gap="xs" wrap="wrap" data-testid="scorecard-legend">
      <Text size="xs" fw={700}>
        {t("scorecard.legend")}:
      </Text>
      {bands.map((b) => (
        <Text
          key={b}
          size="xs"
          px={6}
          style={{ background: `#${BAND_COLOUR[b].fill}`, color: `#${BAND_COLOUR[b].text}` }}
        >
          {BAND_SHORT[b]} = {t(`scorecard.bands.${b}`)}
        </Text>
      ))}
      <Text size="xs" c="dimmed">
        {t("scorecard.legendNote")}
      </Text>
    </Group>
  );
}
