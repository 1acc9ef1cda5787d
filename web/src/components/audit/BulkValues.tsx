import { Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { apiGet } from "../../api";
import { QueryState } from "../QueryState";
import type { AuditRow } from "./auditApi";

type Value = { value: string; comment: string | null } | null;
type Bulk = { count: number; values: Record<string, { old: Value; new: Value }> };

const shown = (v: Value) => (v === null ? null : v.comment ? `${v.value} (${v.comment})` : v.value);

/** The values of a bulk record (an import), fetched whole by its number: period, code, old → new. */
export function BulkValues({ row }: { row: AuditRow }) {
  const { t } = useTranslation();
  const record = useQuery({
    queryKey: ["audit", "record", row.id],
    queryFn: () => apiGet<{ rows: AuditRow[] }>(`/audit?id=${row.id}`),
  });
  const empty = (
    <Text span c="dimmed" fz="xs">
      {t("audit.empty")}
    </Text>
  );
  return (
    <QueryState query={record}>
      {({ rows }) => {
        const values = Object.entries((rows[0]?.newValue as Bulk | undefined)?.values ?? {}).sort(
          ([a], [b]) => a.localeCompare(b),
        );
        return (
          <Table withTableBorder fz="sm" data-testid="audit-bulk-values">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("audit.period")}</Table.Th>
                <Table.Th>{t("audit.code")}</Table.Th>
                <Table.Th>{t("audit.old")}</Table.Th>
                <Table.Th>{t("audit.new")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {values.map(([key, change]) => {
                const [period, code] = key.split("/");
                return (
                  <Table.Tr key={key}>
                    <Table.Td ff="monospace">{period}</Table.Td>
                    <Table.Td ff="monospace">{code}</Table.Td>
                    <Table.Td>{shown(change.old) ?? empty}</Table.Td>
                    <Table.Td fw={600}>{shown(change.new) ?? empty}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        );
      }}
    </QueryState>
  );
}
