import { ActionIcon, Button, Group, Select, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { RoleInput } from "../../../src/users/schemas";
import { useOrgUnits } from "../queries";

const roles = ["admin_dinas", "pengelola_program", "operator_fasyankes", "pimpinan", "auditor"] as const;

/** Rows of (role, org unit); org units are those the manager can see, indented as a tree. */
export function RoleRowsInput({
  value,
  onChange,
}: {
  value: RoleInput[];
  onChange: (rows: RoleInput[]) => void;
}) {
  const { t } = useTranslation();
  const units = useOrgUnits();
  const minLevel = Math.min(...(units.data ?? []).map((u) => u.level));
  const unitOptions = (units.data ?? []).map((u) => ({
    value: u.id,
    label: `${"\u00a0\u00a0".repeat(u.level - minLevel)}${u.officeName ?? u.name}`,
  }));
  const update = (i: number, row: Partial<RoleInput>) =>
    onChange(value.map((r, j) => (i === j ? ({ ...r, ...row } as RoleInput) : r)));

  return (
    <Stack gap="xs">
      {value.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place by position
        <Group key={i} gap="xs" wrap="nowrap" align="end">
          <Select
            label={i === 0 ? t("users.role") : undefined}
            data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            value={row.role}
            onChange={(role) => role && update(i, { role: role as RoleInput["role"] })}
            w={200}
            allowDeselect={false}
          />
          <Select
            label={i === 0 ? t("users.orgUnit") : undefined}
            data={unitOptions}
            value={row.orgUnitId || null}
            onChange={(orgUnitId) => orgUnitId && update(i, { orgUnitId })}
            searchable
            flex={1}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            onClick={() => onChange(value.filter((_, j) => j !== i))}
            mb={4}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="light"
        size="xs"
        w="fit-content"
        onClick={() => onChange([...value, { role: "operator_fasyankes", orgUnitId: "" }])}
      >
        {t("users.addRole")}
      </Button>
    </Stack>
  );
}
