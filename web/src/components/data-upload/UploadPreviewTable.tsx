import { Badge, Group, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatNumberId } from "../../format";
import { labelOf } from "../data-entry/periods";
import { UnitCell } from "../upload/PreviewCells";
import type { ImportRow, UploadCounts } from "./types";

/** A value as people read it; the server's text unchanged when it is not a number. */
const shown = (value: string) => {
  try {
    return formatNumberId(value);
  } catch {
    return value;
  }
};

function Changes({ row }: { row: ImportRow }) {
  const { t } = useTranslation();
  if (row.changes.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t("dataUpload.noChanges")}
      </Text>
    );
  return (
    <Stack gap={2}>
      {row.changes.map((c) => (
        <Text key={c.code} size="sm" data-testid="upload-change">
          <Text span ff="monospace" size="sm">
            {c.code}
          </Text>
          {": "}
          {c.old === null
            ? `${shown(c.new)} ${t("dataUpload.newValue")}`
            : `${shown(c.old)} → ${shown(c.new)}`}
        </Text>
      ))}
    </Stack>
  );
}

/** The whole file's counts, above the first page of rows. */
export function UploadSummary({ counts }: { counts: UploadCounts }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" data-testid="upload-summary">
      <Badge variant="light" color="gray">
        {t("dataUpload.summary.rows", { count: counts.rows })}
      </Badge>
      <Badge variant="light" color="blue">
        {t("dataUpload.summary.values", { count: counts.values })}
      </Badge>
      <Badge variant="light" color={counts.withErrors ? "red" : "green"}>
        {t("dataUpload.summary.errors", { count: counts.withErrors })}
      </Badge>
    </Group>
  );
}

/** The server's first page of rows: errors first, then changes. */
export function UploadTable({ rows }: { rows: ImportRow[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Table striped withTableBorder data-testid="upload-preview">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={70}>{t("dataUpload.table.row")}</Table.Th>
          <Table.Th>{t("dataUpload.table.unit")}</Table.Th>
          <Table.Th w={140}>{t("dataUpload.table.period")}</Table.Th>
          <Table.Th>{t("dataUpload.table.changes")}</Table.Th>
          <Table.Th>{t("dataUpload.table.problems")}</Table.Th>
          <Table.Th w={80}>{t("dataUpload.table.unchanged")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.row} data-row={r.row}>
            <Table.Td>{r.row}</Table.Td>
            <UnitCell name={r.orgUnitName ?? t("dataUpload.unknownUnit")} code={r.orgUnitCode} />
            <Table.Td>{labelOf(r.period, i18n.language)}</Table.Td>
            <Table.Td>
              <Changes row={r} />
            </Table.Td>
            <Table.Td>
              {r.errors.map((e) => (
                <Text key={e} size="sm" c="red" data-testid="upload-row-error">
                  {e}
                </Text>
              ))}
            </Table.Td>
            <Table.Td>{formatNumberId(String(r.unchanged))}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
