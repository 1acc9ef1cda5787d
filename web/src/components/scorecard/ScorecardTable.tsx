import { BAND_COLOUR, BAND_SHORT } from "@domain";
import { Anchor, Box, Table, Text, UnstyledButton } from "@mantine/core";
import type { CSSProperties } from "react";
import { useTranslation } from "react-i18next";
import type { Scorecard } from "../../../../src/scorecard/schemas";
import { formatNumberId } from "../../format";
import type { Row, View } from "./table";

type Cell = Row["cells"][number];

const ARROW = { better: "▲", worse: "▼", same: "▬" } as const;
const NAME_WIDTH = "clamp(120px, 34vw, 200px)";
const sticky = (top: boolean, left: boolean): CSSProperties => ({
  position: "sticky",
  ...(top ? { top: 0 } : {}),
  ...(left ? { left: 0, minWidth: NAME_WIDTH, maxWidth: NAME_WIDTH } : {}),
  zIndex: top && left ? 3 : 2,
  background: "var(--mantine-color-body)",
});

/** "96,5" rounded to 2 decimals the Indonesian way. */
const figure = (v: string) => formatNumberId(String(Math.round(Number(v) * 100) / 100));

/**
 * The scorecard grid: unit names frozen on the left and the header on top while the grid scrolls inside
 * its own box; each cell shows its value, its band in words (not colour alone) and an arrow against the
 * previous period. A unit with units under it opens them; a cell opens its series.
 */
export function ScorecardTable({
  card,
  rows,
  view,
  onSort,
  onDrill,
  onCell,
}: {
  card: Scorecard;
  rows: Row[];
  view: View;
  onSort: (key: View["sort"]) => void;
  onDrill: (row: Row) => void;
  onCell: (row: { id: string; name: string }, column: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const periods = card.periods.length;
  const heads = card.columns.flatMap((c, ci) =>
    card.periods.map((p, pi) => ({
      index: ci * periods + pi,
      name: c.name,
      period: i18n.language === "en" ? p.labelEn : p.label,
      unit: c.unit,
      legend: c.legend,
    })),
  );
  const arrowOf = (cell: Cell) =>
    cell.trend ? (
      <Text
        span
        size="xs"
        ml={4}
        title={`${t(`scorecard.trend.${cell.trend}`)} ${t("scorecard.vsPrevious", { value: cell.previous === null ? "–" : figure(cell.previous) })}`}
        aria-label={t(`scorecard.trend.${cell.trend}`)}
      >
        {ARROW[cell.trend]}
      </Text>
    ) : null;
  const cellTd = (row: { id: string; name: string }, cell: Cell, index: number, bold = false) => {
    const colour = cell.band ? BAND_COLOUR[cell.band] : null;
    return (
      <Table.Td
        key={index}
        p={0}
        style={colour ? { background: `#${colour.fill}`, color: `#${colour.text}` } : undefined}
      >
        <UnstyledButton
          w="100%"
          px={8}
          py={4}
          style={{ color: "inherit", textAlign: "right", whiteSpace: "nowrap", fontWeight: bold ? 700 : 400 }}
          onClick={() => onCell(row, index)}
          data-testid="score-cell"
          title={cell.band ? t(`scorecard.bands.${cell.band}`) : undefined}
        >
          {cell.value === null ? "–" : figure(cell.value)}
          {cell.band && (
            <Text span size="xs" ml={4} fw={700}>
              {BAND_SHORT[cell.band]}
            </Text>
          )}
          {arrowOf(cell)}
          {cell.rank !== null && card.rowsMode === "puskesmas" && (
            <Text span size="xs" ml={4}>
              #{cell.rank}
            </Text>
          )}
        </UnstyledButton>
      </Table.Td>
    );
  };
  const sortMark = (key: View["sort"]) => (view.sort === key ? (view.descending ? " ↓" : " ↑") : "");
  return (
    <Box
      style={{ overflow: "auto", maxHeight: "calc(100dvh - 300px)", minHeight: 240 }}
      data-testid="scorecard-scroll"
    >
      <Table
        withTableBorder
        withColumnBorders
        fz="sm"
        style={{ borderCollapse: "separate", borderSpacing: 0 }}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={sticky(true, true)}>
              <UnstyledButton fw={700} onClick={() => onSort("name")} data-testid="sort-name">
                {t("scorecard.unit")}
                {sortMark("name")}
              </UnstyledButton>
            </Table.Th>
            {heads.map((h) => (
              <Table.Th
                key={h.index}
                style={{ ...sticky(true, false), minWidth: 110, verticalAlign: "bottom" }}
                aria-sort={view.sort === h.index ? (view.descending ? "descending" : "ascending") : "none"}
              >
                <UnstyledButton fz="xs" fw={700} onClick={() => onSort(h.index)} data-testid="sort-column">
                  {h.name}
                  {h.unit ? ` (${h.unit})` : ""}
                  {periods > 1 && <Text size="xs">{h.period}</Text>}
                  {sortMark(h.index)}
                </UnstyledButton>
                {!h.legend && (
                  <Text size="xs" c="dimmed">
                    {t("scorecard.noLegend")}
                  </Text>
                )}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id} data-testid="score-row">
              <Table.Td style={sticky(false, true)}>
                {row.hasChildren ? (
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    onClick={() => onDrill(row)}
                    aria-label={t("scorecard.drillDown", { name: row.name })}
                    data-testid="drill-down"
                  >
                    {row.name}
                  </Anchor>
                ) : (
                  row.name
                )}
              </Table.Td>
              {row.cells.map((cell, i) => cellTd(row, cell, i))}
            </Table.Tr>
          ))}
          <Table.Tr data-testid="score-total">
            <Table.Td style={{ ...sticky(false, true), fontWeight: 700 }}>
              {t("scorecard.total", { name: card.parent.name })}
            </Table.Td>
            {card.total.cells.map((cell, i) => cellTd(card.parent, cell, i, true))}
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Box>
  );
}
