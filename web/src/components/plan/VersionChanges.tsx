import { Badge, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PlanChange, PlanChangeKind } from "../../../../src/plans/plan-diff";
import { formatRupiah, formatTarget } from "../../format";

/** The order the kinds are shown in: what the reader checks first. */
const KINDS: PlanChangeKind[] = [
  "targetChanged",
  "indicatorRenamed",
  "indicatorAdded",
  "indicatorRemoved",
  "budgetChanged",
  "nodeRenamed",
  "nodeAdded",
  "nodeRemoved",
  "documentChanged",
];

const money = (amount: number | null) => (amount === null ? "—" : formatRupiah(amount));
const figure = (field: string, value: string) =>
  ["target", "q1", "q2", "q3", "q4"].includes(field) ? formatTarget(value) : value;

/** The changes between the version in force and an imported file, one table per kind of change. */
export function VersionChanges({ changes, version }: { changes: PlanChange[]; version: number }) {
  const { t } = useTranslation();
  const row = (c: PlanChange): [string, string, string, string] => {
    const where = "path" in c ? c.path.slice(0, c.kind.startsWith("node") ? -1 : undefined).join(" › ") : "";
    switch (c.kind) {
      case "documentChanged":
        return ["", t(`planVersions.fields.${c.field}`), c.from, c.to];
      case "nodeAdded":
        return [where, `${t(`planVersions.levels.${c.level}`)}: ${c.path.at(-1)}`, "—", money(c.budget)];
      case "nodeRemoved":
        return [where, `${t(`planVersions.levels.${c.level}`)}: ${c.path.at(-1)}`, money(c.budget), "—"];
      case "nodeRenamed":
        return [where, t(`planVersions.levels.${c.level}`), c.from, c.to];
      case "budgetChanged":
        return [where, t("planVersions.kinds.budgetChanged"), money(c.from), money(c.to)];
      case "indicatorAdded":
        return [where, `${c.name} (${c.unit})`, "—", formatTarget(c.target)];
      case "indicatorRemoved":
        return [where, `${c.name} (${c.unit})`, formatTarget(c.target), "—"];
      case "indicatorRenamed":
        return [where, t("planVersions.renamedWhat"), c.from, c.to];
      case "targetChanged":
        return [
          where,
          `${c.name} — ${t(`planVersions.fields.${c.field}`)}`,
          figure(c.field, c.from),
          figure(c.field, c.to),
        ];
    }
  };
  return (
    <Stack gap="sm" data-testid="version-changes">
      <Title order={5}>{t("planVersions.changesTitle", { version, count: changes.length })}</Title>
      {KINDS.map((kind) => {
        const ofKind = changes.filter((c) => c.kind === kind);
        if (ofKind.length === 0) return null;
        return (
          <Stack gap={4} key={kind} data-testid={`changes-${kind}`}>
            <Text fw={600} size="sm">
              {t(`planVersions.kinds.${kind}`)} <Badge variant="light">{ofKind.length}</Badge>
            </Text>
            <Table.ScrollContainer minWidth={640}>
              <Table fz="sm" verticalSpacing={2} withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w="30%">{t("planVersions.where")}</Table.Th>
                    <Table.Th w="30%">{t("planVersions.what")}</Table.Th>
                    <Table.Th>{t("planVersions.from")}</Table.Th>
                    <Table.Th>{t("planVersions.to")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {ofKind.map((c, i) => {
                    const [where, what, from, to] = row(c);
                    return (
                      // biome-ignore lint/suspicious/noArrayIndexKey: changes are listed once, in document order
                      <Table.Tr key={i}>
                        <Table.Td c="dimmed">{where}</Table.Td>
                        <Table.Td>{what}</Table.Td>
                        <Table.Td>{from}</Table.Td>
                        <Table.Td fw={600}>{to}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        );
      })}
    </Stack>
  );
}
