import { Alert, Button, Code, Group, Pagination, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiDownload, apiGet } from "../api";
import { QueryState } from "../components/QueryState";

interface AuditRow {
  id: number;
  at: string;
  username: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  orgUnitName: string | null;
  oldValue: unknown;
  newValue: unknown;
  reason: string | null;
  requestId: string | null;
}

const PAGE = 50;
const fields = ["from", "to", "username", "action", "entityType"] as const;
type Filter = Record<(typeof fields)[number], string>;

const dateTime = new Intl.DateTimeFormat("id-ID", { dateStyle: "medium", timeStyle: "medium" });

export function AuditPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>({
    from: "",
    to: "",
    username: "",
    action: "",
    entityType: "",
  });
  const [applied, setApplied] = useState<Filter>(filter);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<number | null>(null);
  const query = new URLSearchParams(Object.entries(applied).filter(([, v]) => v));
  const audit = useQuery({
    queryKey: ["audit", query.toString(), page],
    queryFn: () =>
      apiGet<{ total: number; rows: AuditRow[] }>(
        `/audit?${query}&limit=${PAGE}&offset=${(page - 1) * PAGE}`,
      ),
    placeholderData: keepPreviousData,
  });
  const exportXlsx = useMutation({
    mutationFn: () => apiDownload(`/audit/export.xlsx?${query}`, "jejak-audit.xlsx"),
  });

  return (
    <Stack>
      <Title order={2}>{t("audit.title")}</Title>
      <Group align="end" gap="xs">
        {fields.map((f) => (
          <TextInput
            key={f}
            label={t(`audit.${f}`)}
            type={f === "from" || f === "to" ? "date" : "text"}
            value={filter[f]}
            onChange={(e) => setFilter({ ...filter, [f]: e.currentTarget.value })}
            w={f === "from" || f === "to" ? 160 : 180}
          />
        ))}
        <Button
          onClick={() => {
            setApplied(filter);
            setPage(1);
          }}
        >
          {t("audit.apply")}
        </Button>
        <Button variant="light" onClick={() => exportXlsx.mutate()} loading={exportXlsx.isPending}>
          {t("audit.export")}
        </Button>
      </Group>
      {exportXlsx.isError && <Alert color="red">{exportXlsx.error.message}</Alert>}
      <QueryState query={audit}>
        {({ total, rows }) => (
          <>
            <Text size="sm" c="dimmed">
              {t("audit.count", { count: total })}
            </Text>
            {/* On a phone the table scrolls inside itself; the page never gets wider than the window. */}
            <Table.ScrollContainer minWidth={720} type="native">
              <Table striped fz="sm" data-testid="audit-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("audit.at")}</Table.Th>
                    <Table.Th>{t("audit.username")}</Table.Th>
                    <Table.Th>{t("audit.action")}</Table.Th>
                    <Table.Th>{t("audit.entityType")}</Table.Th>
                    <Table.Th>{t("audit.orgUnit")}</Table.Th>
                    <Table.Th>{t("audit.reason")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Fragment key={r.id}>
                      <Table.Tr
                        style={{ cursor: "pointer" }}
                        onClick={() => setOpen(open === r.id ? null : r.id)}
                      >
                        <Table.Td>{dateTime.format(new Date(r.at))}</Table.Td>
                        <Table.Td>{r.username}</Table.Td>
                        <Table.Td title={r.action}>
                          {t(`audit.actions.${r.action}`, { defaultValue: r.action })}
                        </Table.Td>
                        <Table.Td>{r.entityType}</Table.Td>
                        <Table.Td>{r.orgUnitName}</Table.Td>
                        <Table.Td>{r.reason}</Table.Td>
                      </Table.Tr>
                      {open === r.id && (
                        <Table.Tr>
                          <Table.Td colSpan={6}>
                            <Group grow align="start">
                              <Stack gap={2}>
                                <Text size="xs" fw={600}>
                                  {t("audit.old")}
                                </Text>
                                <Code block>{JSON.stringify(r.oldValue, null, 2)}</Code>
                              </Stack>
                              <Stack gap={2}>
                                <Text size="xs" fw={600}>
                                  {t("audit.new")}
                                </Text>
                                <Code block>{JSON.stringify(r.newValue, null, 2)}</Code>
                              </Stack>
                            </Group>
                          </Table.Td>
                        </Table.Tr>
                      )}
                    </Fragment>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pagination total={Math.max(1, Math.ceil(total / PAGE))} value={page} onChange={setPage} />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
