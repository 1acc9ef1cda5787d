import { Badge, Table, Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Plan, PlanIndicator, PlanNode } from "../../../src/plans/schemas";
import { formatNumberId, formatRupiah, formatTarget } from "../format";

type Level = PlanNode["level"];

interface Row {
  owner: PlanNode;
  indicator: PlanIndicator | null;
  /** The owner and its ancestors by level, for the merged name columns. */
  chain: Partial<Record<Level, PlanNode>>;
}

/** One row per indicator (or per node without one), in document order. */
function buildRows(nodes: PlanNode[]) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const rows: Row[] = [];
  const firstRow = new Map<string, number>();
  const rowCount = new Map<string, number>();
  for (const node of nodes) {
    const chain: Row["chain"] = {};
    for (let n: PlanNode | undefined = node; n; n = n.parentId ? byId.get(n.parentId) : undefined) {
      chain[n.level] = n;
    }
    const indicators = node.indicators.length ? node.indicators : [null];
    for (const indicator of indicators) {
      for (const ancestor of Object.values(chain)) {
        if (!firstRow.has(ancestor.id)) firstRow.set(ancestor.id, rows.length);
        rowCount.set(ancestor.id, (rowCount.get(ancestor.id) ?? 0) + 1);
      }
      rows.push({ owner: node, indicator, chain });
    }
  }
  return { rows, firstRow, rowCount };
}

/** Quarters that do not add up to the year under the mode: shown and accepted, never corrected. */
function GapBadge({ indicator }: { indicator: PlanIndicator }) {
  const { t } = useTranslation();
  const { difference, fromQuarters } = indicator.reconciliation;
  if (!difference || !fromQuarters) return null;
  const signed = `${difference.startsWith("-") ? "" : "+"}${formatNumberId(difference)}`;
  return (
    <Tooltip
      label={t("plans.gap", {
        quarters: formatNumberId(fromQuarters),
        year: formatTarget(indicator.targetYear),
        mode: t(`plans.modes.${indicator.targetMode}`),
      })}
      multiline
      w={260}
    >
      <Badge color="orange" variant="light" size="xs" ml={4} data-testid="gap-badge">
        {signed}
      </Badge>
    </Tooltip>
  );
}

const levelOrder: Level[] = ["tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan"];

export function RakTable({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const { rows, firstRow, rowCount } = buildRows(plan.nodes);
  const levels = levelOrder.filter((l) => plan.nodes.some((n) => n.level === l));
  const ownRows = (node: PlanNode) => Math.max(1, node.indicators.length);

  return (
    <Table withTableBorder withColumnBorders fz="sm" verticalSpacing={4} data-testid="rak-table">
      <Table.Thead>
        <Table.Tr>
          {levels.map((l) => (
            <Table.Th key={l} rowSpan={2} tt="uppercase">
              {t(`plans.columns.${l === "sub_kegiatan" ? "kegiatan" : l}`, { defaultValue: l })}
            </Table.Th>
          ))}
          <Table.Th rowSpan={2} tt="uppercase">
            {t("plans.columns.indicator")}
          </Table.Th>
          <Table.Th rowSpan={2} tt="uppercase">
            {t("plans.columns.unit")}
          </Table.Th>
          <Table.Th rowSpan={2} tt="uppercase" ta="right">
            {t("plans.columns.target")}
          </Table.Th>
          <Table.Th colSpan={4} tt="uppercase" ta="center">
            {t("plans.columns.quarters")}
          </Table.Th>
          <Table.Th rowSpan={2} tt="uppercase" ta="right">
            {t("plans.columns.budget")}
          </Table.Th>
        </Table.Tr>
        <Table.Tr>
          {["I", "II", "III", "IV"].map((q) => (
            <Table.Th key={q} ta="right">
              {q}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row, index) => {
          const ind = row.indicator;
          const bold = row.owner.level === "program";
          const isOwnersFirstRow = index === firstRow.get(row.owner.id);
          return (
            <Table.Tr key={ind?.id ?? row.owner.id} fw={bold ? 700 : undefined}>
              {levels.map((level) => {
                const node = row.chain[level];
                if (!node) return <Table.Td key={level} />;
                if (firstRow.get(node.id) !== index) return null;
                return (
                  <Table.Td
                    key={level}
                    rowSpan={rowCount.get(node.id)}
                    valign="top"
                    fw={level === "program" ? 700 : 400}
                  >
                    {node.name}
                  </Table.Td>
                );
              })}
              <Table.Td>{ind?.name}</Table.Td>
              <Table.Td>{ind?.unit}</Table.Td>
              <Table.Td ta="right">
                {ind && formatTarget(ind.targetYear)}
                {ind?.reconciliation.status === "gap" && <GapBadge indicator={ind} />}
              </Table.Td>
              {ind ? (
                [ind.targetQ1, ind.targetQ2, ind.targetQ3, ind.targetQ4].map((q, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the four quarters are positional
                  <Table.Td key={i} ta="right" title={q === "-" ? t("plans.noTarget") : undefined}>
                    {formatTarget(q)}
                  </Table.Td>
                ))
              ) : (
                <Table.Td colSpan={4} />
              )}
              {isOwnersFirstRow && (
                <Table.Td
                  rowSpan={ownRows(row.owner)}
                  ta="right"
                  valign="top"
                  style={{ whiteSpace: "nowrap" }}
                >
                  {row.owner.budget === null ? "" : formatRupiah(row.owner.budget)}
                </Table.Td>
              )}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
      <Table.Caption>
        <Text size="xs" c="dimmed">
          {t("plans.summary", {
            indicators: plan.nodes.reduce((n, node) => n + node.indicators.length, 0),
            programs: plan.nodes.filter((n) => n.level === "program").length,
            kegiatan: plan.nodes.filter((n) => n.level === "kegiatan").length,
          })}
        </Text>
      </Table.Caption>
    </Table>
  );
}
