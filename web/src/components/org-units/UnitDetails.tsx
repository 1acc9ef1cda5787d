import { childTypesOf } from "@domain/org-unit-tree";
import { Alert, Badge, Button, Group, List, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { OrgUnit } from "./orgUnitsApi";

export type UnitAction = "addChild" | "edit" | "move" | "close";

interface Props {
  unit: OrgUnit;
  units: OrgUnit[];
  canManage: boolean;
  onAction: (action: UnitAction) => void;
}

/** One unit's fields, what the admin may do with it, and a puskesmas' wilayah kerja. */
export function UnitDetails({ unit, units, canManage, onAction }: Props) {
  const { t } = useTranslation();
  const kelurahan = units.filter((u) => u.parentId === unit.id && u.type === "kelurahan");
  const rows: Array<[string, string]> = [
    [t("orgTree.details.code"), unit.code],
    [t("orgTree.details.type"), t(`orgUnits.types.${unit.type}`)],
    [
      t("orgTree.details.owner"),
      unit.ownerType ? t(`orgUnits.owners.${unit.ownerType}`) : t("orgTree.details.none"),
    ],
    [t("orgTree.details.blud"), unit.isBlud ? t("orgTree.details.yes") : t("orgTree.details.no")],
    [t("orgTree.details.kemenkesCode"), unit.kemenkesCode ?? t("orgTree.details.none")],
  ];
  if (unit.officeName) rows.unshift([t("orgTree.details.officeName"), unit.officeName]);
  return (
    <Paper withBorder p="md" data-testid="unit-details">
      <Stack gap="sm">
        <Group gap="xs">
          <Title order={4} style={{ overflowWrap: "anywhere" }}>
            {unit.name}
          </Title>
          {unit.closedOn && <Badge color="gray">{t("orgTree.closedBadge")}</Badge>}
        </Group>
        {unit.closedOn && (
          <Alert color="gray">
            {t("orgTree.details.closed", { date: unit.closedOn, reason: unit.closedReason })}
          </Alert>
        )}
        <Table withRowBorders={false} verticalSpacing={2}>
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Td c="dimmed" w="40%">
                  {label}
                </Table.Td>
                <Table.Td style={{ overflowWrap: "anywhere" }}>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {canManage && (
          <Group gap="xs">
            {!unit.closedOn && childTypesOf(unit.type).length > 0 && (
              <Button size="xs" onClick={() => onAction("addChild")} data-testid="action-add-child">
                {t("orgTree.actions.addChild")}
              </Button>
            )}
            <Button size="xs" variant="light" onClick={() => onAction("edit")} data-testid="action-edit">
              {t("orgTree.actions.edit")}
            </Button>
            {unit.parentId && (
              <Button size="xs" variant="light" onClick={() => onAction("move")} data-testid="action-move">
                {t("orgTree.actions.move")}
              </Button>
            )}
            <Button
              size="xs"
              variant="light"
              color={unit.closedOn ? "green" : "red"}
              onClick={() => onAction("close")}
              data-testid="action-close"
            >
              {unit.closedOn ? t("orgTree.actions.reopen") : t("orgTree.actions.close")}
            </Button>
          </Group>
        )}
        {unit.type === "puskesmas" && (
          <Stack gap={4} data-testid="wilayah-kerja">
            <Text fw={600}>{t("orgTree.wilayah.title")}</Text>
            {kelurahan.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t("orgTree.wilayah.empty")}
              </Text>
            ) : (
              <>
                <Text size="sm" c="dimmed">
                  {t("orgTree.wilayah.count", { count: kelurahan.length })}
                </Text>
                <List size="sm">
                  {kelurahan.map((k) => (
                    <List.Item key={k.id}>
                      {k.name}{" "}
                      <Text span size="xs" c="dimmed" ff="monospace">
                        {k.code}
                      </Text>
                    </List.Item>
                  ))}
                </List>
              </>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
