import { ActionIcon, Badge, Group, Paper, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { DataElementRow } from "./api";

export interface PickedElement {
  dataElementId: string;
  section: string | null;
}

interface Props {
  value: PickedElement[];
  onChange: (next: PickedElement[]) => void;
  catalog: DataElementRow[];
  readOnly: boolean;
}

/** The form's elements in order, each with its section; up/down to reorder, a picker to add. */
export function ElementPicker({ value, onChange, catalog, readOnly }: Props) {
  const { t } = useTranslation();
  const byId = new Map(catalog.map((e) => [e.id, e]));
  const chosen = new Set(value.map((v) => v.dataElementId));
  const move = (index: number, by: number) => {
    const next = [...value];
    const [item] = next.splice(index, 1);
    if (item) next.splice(index + by, 0, item);
    onChange(next);
  };
  return (
    <Stack gap="xs">
      <Title order={4}>{t("dataSets.elements.title")}</Title>
      {value.length === 0 && <Text c="dimmed">{t("dataSets.elements.none")}</Text>}
      {value.map((v, index) => {
        const element = byId.get(v.dataElementId);
        return (
          <Paper key={v.dataElementId} withBorder p="xs" data-testid="picked-element">
            <Group gap="xs" wrap="wrap" justify="space-between">
              <Group gap="xs" wrap="nowrap" style={{ flex: "1 1 220px", minWidth: 0 }}>
                <Text size="sm" c="dimmed" w={24}>
                  {index + 1}
                </Text>
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600} truncate>
                    {element?.code}
                  </Text>
                  <Text size="xs" c="dimmed" truncate>
                    {element?.name}
                  </Text>
                </div>
                {element?.archived && <Badge color="gray">{t("dataSets.catalog.archived")}</Badge>}
              </Group>
              <TextInput
                size="xs"
                aria-label={t("dataSets.elements.section")}
                placeholder={t("dataSets.elements.section")}
                value={v.section ?? ""}
                readOnly={readOnly}
                onChange={(e) => {
                  const section = e.currentTarget.value;
                  onChange(value.map((x, i) => (i === index ? { ...x, section: section || null } : x)));
                }}
                style={{ flex: "1 1 140px", maxWidth: 220 }}
              />
              {!readOnly && (
                <Group gap={4} wrap="nowrap">
                  <ActionIcon
                    variant="subtle"
                    aria-label={t("dataSets.elements.up")}
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                  >
                    ↑
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    aria-label={t("dataSets.elements.down")}
                    disabled={index === value.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    ↓
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t("dataSets.elements.remove")}
                    onClick={() => onChange(value.filter((_, i) => i !== index))}
                  >
                    ×
                  </ActionIcon>
                </Group>
              )}
            </Group>
          </Paper>
        );
      })}
      {!readOnly && (
        <Select
          label={t("dataSets.elements.add")}
          placeholder={t("dataSets.elements.pick")}
          searchable
          value={null}
          data-testid="element-select"
          data={catalog
            .filter((e) => !e.archived && !chosen.has(e.id))
            .map((e) => ({ value: e.id, label: `${e.code} — ${e.name}` }))}
          onChange={(id) => {
            if (id) onChange([...value, { dataElementId: id, section: value.at(-1)?.section ?? null }]);
          }}
        />
      )}
    </Stack>
  );
}
