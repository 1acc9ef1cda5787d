import { auditActionLabel, auditEntityLabel } from "@domain";
import { Alert, Button, Group, Pagination, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiDownload, apiGet } from "../api";
import { AuditDetail } from "../components/audit/AuditDetail";
import type { AuditRow } from "../components/audit/auditApi";
import { QueryState } from "../components/QueryState";

const PAGE = 50;
const fields = ["q", "from", "to", "username"] as const;
type Filter = Record<(typeof fields)[number], string>;

const dateTime = new Intl.DateTimeFormat("id-ID", { dateStyle: "medium", timeStyle: "medium" });

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "id";
  const [filter, setFilter] = useState<Filter>({ q: "", from: "", to: "", username: "" });
  const [applied, setApplied] = useState<Filter>(filter);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<AuditRow | null>(null);
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
      <Group
        align="end"
        gap="xs"
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(filter);
          setPage(1);
        }}
      >
        {fields.map((f) => (
          <TextInput
            key={f}
            label={t(`audit.${f === "q" ? "search" : f}`)}
            placeholder={f === "q" ? t("audit.searchHint") : undefined}
            type={f === "from" || f === "to" ? "date" : "text"}
            value={filter[f]}
            onChange={(e) => setFilter({ ...filter, [f]: e.currentTarget.value })}
            w={f === "q" ? 260 : f === "from" || f === "to" ? 160 : 180}
            data-testid={f === "q" ? "audit-search" : undefined}
          />
        ))}
        <Button type="submit">{t("audit.apply")}</Button>
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
                    <Table.Tr
                      key={r.id}
                      style={{ cursor: "pointer" }}
                      tabIndex={0}
                      onClick={() => setOpen(r)}
                      onKeyDown={(e) => e.key === "Enter" && setOpen(r)}
                    >
                      <Table.Td>{dateTime.format(new Date(r.at))}</Table.Td>
                      <Table.Td>{r.username}</Table.Td>
                      <Table.Td title={r.action}>{auditActionLabel(r.action, lang)}</Table.Td>
                      <Table.Td title={r.entityType}>
                        {r.valueCount === null
                          ? auditEntityLabel(r.entityType, lang)
                          : t("audit.values", { count: r.valueCount })}
                      </Table.Td>
                      <Table.Td>{r.orgUnitName}</Table.Td>
                      <Table.Td>{r.reason}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pagination
              total={Math.max(1, Math.ceil(total / PAGE))}
              value={page}
              onChange={setPage}
              getControlProps={(control) => ({ "aria-label": t(`pagination.${control}`) })}
            />
            <AuditDetail row={open} onClose={() => setOpen(null)} />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
