import { Alert, Badge, Button, Code, Group, Menu, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { apiSend } from "../api";
import { type DataElementRow, useDataElements } from "../components/data-sets/api";
import { ElementFormModal } from "../components/data-sets/ElementFormModal";
import { QueryState } from "../components/QueryState";
import { useCan } from "../session";

/** The data element catalogue: create, edit, archive, or delete what nothing uses yet. */
export function DataElementsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const elements = useDataElements();
  const [editing, setEditing] = useState<DataElementRow | "new" | null>(null);
  const [params] = useSearchParams();
  // ?q= (the search's link) starts the list filtered to that element.
  const [search, setSearch] = useState(params.get("q") ?? "");
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["metadata"] });
  const archive = useMutation({
    mutationFn: (e: DataElementRow) =>
      apiSend("PUT", `/metadata/data-elements/${e.id}`, {
        code: e.code,
        name: e.name,
        valueType: e.valueType,
        description: e.description,
        archived: !e.archived,
        revision: e.revision,
      }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (e: DataElementRow) => apiSend("DELETE", `/metadata/data-elements/${e.id}`),
    onSuccess: refresh,
  });
  const needle = search.trim().toLowerCase();
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t("dataSets.catalog.title")}</Title>
        {can("metadata.manage") && (
          <Button onClick={() => setEditing("new")} data-testid="element-add">
            {t("dataSets.catalog.add")}
          </Button>
        )}
      </Group>
      <TextInput
        aria-label={t("dataSets.catalog.search")}
        placeholder={t("dataSets.catalog.search")}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={360}
      />
      {(archive.error ?? remove.error) && (
        <Alert color="red">{(archive.error ?? remove.error)?.message}</Alert>
      )}
      <QueryState query={elements}>
        {(rows) => (
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("dataSets.catalog.code")}</Table.Th>
                  <Table.Th>{t("dataSets.catalog.name")}</Table.Th>
                  <Table.Th>{t("dataSets.catalog.valueType")}</Table.Th>
                  <Table.Th ta="right">{t("dataSets.catalog.forms")}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows
                  .filter((e) => !needle || `${e.code} ${e.name}`.toLowerCase().includes(needle))
                  .map((e) => (
                    <Table.Tr key={e.id} opacity={e.archived ? 0.55 : 1}>
                      <Table.Td>
                        <Code>{e.code}</Code>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{e.name}</Text>
                        {e.archived && <Badge color="gray">{t("dataSets.catalog.archived")}</Badge>}
                      </Table.Td>
                      <Table.Td>{t(`dataSets.catalog.${e.valueType}`)}</Table.Td>
                      <Table.Td ta="right">{e.dataSets}</Table.Td>
                      <Table.Td>
                        {e.editable ? (
                          <Menu position="bottom-end">
                            <Menu.Target>
                              <Button size="compact-sm" variant="subtle">
                                …
                              </Button>
                            </Menu.Target>
                            <Menu.Dropdown>
                              <Menu.Item onClick={() => setEditing(e)}>
                                {t("dataSets.catalog.edit")}
                              </Menu.Item>
                              <Menu.Item onClick={() => archive.mutate(e)}>
                                {e.archived ? t("dataSets.catalog.unarchive") : t("dataSets.catalog.archive")}
                              </Menu.Item>
                              {e.dataSets === 0 && (
                                <Menu.Item color="red" onClick={() => remove.mutate(e)}>
                                  {t("dataSets.catalog.delete")}
                                </Menu.Item>
                              )}
                            </Menu.Dropdown>
                          </Menu>
                        ) : (
                          <Text size="xs" c="dimmed">
                            {t("dataSets.catalog.shared")}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      {editing && (
        <ElementFormModal element={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}
