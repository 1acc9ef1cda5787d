import { auditActionLabel, auditEntityLabel } from "@domain";
import { Code, Drawer, Group, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { AuditRow } from "./auditApi";
import { BulkValues } from "./BulkValues";

const dateTime = new Intl.DateTimeFormat("id-ID", { dateStyle: "medium", timeStyle: "medium" });

/** A value as a person reads it: text as it is, anything else as compact JSON. */
const shown = (value: unknown) =>
  value === undefined ? undefined : typeof value === "string" ? value : JSON.stringify(value);

const fieldsOf = (value: unknown): Record<string, unknown> | null =>
  value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;

/**
 * One audit record in a drawer: who, what, where, and its old and new values field by field; a bulk
 * record (an import) lists each of its values.
 */
export function AuditDetail({ row, onClose }: { row: AuditRow | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "id";
  return (
    <Drawer
      opened={row !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={row ? auditActionLabel(row.action, lang) : t("audit.detail")}
    >
      {row && (
        <Stack data-testid="audit-detail">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <Fact label={t("audit.at")} value={dateTime.format(new Date(row.at))} />
            <Fact label={t("audit.username")} value={row.username} />
            <Fact label={t("audit.entityType")} value={auditEntityLabel(row.entityType, lang)} />
            <Fact label={t("audit.entityId")} value={row.entityId} mono />
            <Fact label={t("audit.orgUnit")} value={row.orgUnitName} />
            <Fact label={t("audit.reason")} value={row.reason} />
            <Fact label={t("audit.clientAddress")} value={row.clientAddress} mono />
            <Fact label={t("audit.requestId")} value={row.requestId} mono />
          </SimpleGrid>
          {row.valueCount !== null ? (
            <Stack gap="xs">
              <Text size="sm" fw={600}>
                {t("audit.values", { count: row.valueCount })}
              </Text>
              <BulkValues row={row} />
            </Stack>
          ) : (
            <Changes oldValue={row.oldValue} newValue={row.newValue} />
          )}
        </Stack>
      )}
    </Drawer>
  );
}

function Fact({ label, value, mono }: { label: string; value: string | null; mono?: boolean }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" ff={mono ? "monospace" : undefined} style={{ wordBreak: "break-word" }}>
        {value || "—"}
      </Text>
    </div>
  );
}

/** Old and new side by side: per field when both are objects, whole values otherwise. */
function Changes({ oldValue, newValue }: { oldValue: unknown; newValue: unknown }) {
  const { t } = useTranslation();
  const before = fieldsOf(oldValue ?? {});
  const after = fieldsOf(newValue ?? {});
  if (!before || !after)
    return (
      <Group grow align="start">
        <Stack gap={2} data-testid="audit-old">
          <Text size="xs" fw={600}>
            {t("audit.old")}
          </Text>
          <Code block>{JSON.stringify(oldValue, null, 2)}</Code>
        </Stack>
        <Stack gap={2} data-testid="audit-new">
          <Text size="xs" fw={600}>
            {t("audit.new")}
          </Text>
          <Code block>{JSON.stringify(newValue, null, 2)}</Code>
        </Stack>
      </Group>
    );
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  if (keys.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t("audit.noValues")}
      </Text>
    );
  const empty = (
    <Text span c="dimmed" fz="xs">
      {t("audit.empty")}
    </Text>
  );
  return (
    <Table withTableBorder withColumnBorders fz="sm" layout="fixed" data-testid="audit-changes">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="24%">{t("audit.field")}</Table.Th>
          <Table.Th data-testid="audit-old">{t("audit.old")}</Table.Th>
          <Table.Th data-testid="audit-new">{t("audit.new")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {keys.map((key) => {
          const a = shown(before[key]);
          const b = shown(after[key]);
          const changed = a !== b;
          return (
            <Table.Tr
              key={key}
              bg={changed ? "yellow.0" : undefined}
              title={changed ? t("audit.changed") : undefined}
            >
              <Table.Td ff="monospace" fz="xs">
                {key}
              </Table.Td>
              <Table.Td style={{ wordBreak: "break-word" }}>{a ?? empty}</Table.Td>
              <Table.Td style={{ wordBreak: "break-word" }} fw={changed ? 600 : undefined}>
                {b ?? empty}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
