import { Alert, Badge, Button, Code, Group, Menu, Modal, Stack, Table, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import type { ManagedUser } from "../../../src/users/schemas";
import { apiGet, apiSend } from "../api";
import { UserContactModal } from "../components/notifications/UserContactModal";
import { QueryState } from "../components/QueryState";
import { RolesModal } from "../components/RolesModal";
import { UserFormModal } from "../components/UserFormModal";
import { WideScroll } from "../components/WideScroll";
import { useCurrentUser } from "../session";

export function UsersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const users = useQuery({ queryKey: ["users"], queryFn: () => apiGet<ManagedUser[]>("/users") });
  const [creating, setCreating] = useState(false);
  const [editingRoles, setEditingRoles] = useState<ManagedUser | null>(null);
  const [editingContact, setEditingContact] = useState<ManagedUser | null>(null);
  const [issued, setIssued] = useState<{ username: string; temporaryPassword: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["users"] });
  // ?id= (the search's link) marks that user and brings the row into view.
  const [params] = useSearchParams();
  const linked = params.get("id");
  const loaded = users.isSuccess;
  useEffect(() => {
    if (linked && loaded) document.getElementById(`user-${linked}`)?.scrollIntoView({ block: "center" });
  }, [linked, loaded]);

  const reset = useMutation({
    mutationFn: (user: ManagedUser) =>
      apiSend<{ user: ManagedUser; temporaryPassword: string }>("POST", `/users/${user.id}/reset-password`),
    onSuccess: ({ user, temporaryPassword }) => {
      setIssued({ username: user.username, temporaryPassword });
      void refresh();
    },
  });
  const setActive = useMutation({
    mutationFn: (v: { user: ManagedUser; isActive: boolean }) =>
      apiSend<ManagedUser>("PATCH", `/users/${v.user.id}`, { isActive: v.isActive }),
    onSuccess: refresh,
  });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t("users.title")}</Title>
        <Button onClick={() => setCreating(true)}>{t("users.add")}</Button>
      </Group>
      {(reset.error ?? setActive.error) && (
        <Alert color="red">{(reset.error ?? setActive.error)?.message}</Alert>
      )}
      <QueryState query={users}>
        {(rows) => (
          <WideScroll label={t("users.title")}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("users.username")}</Table.Th>
                  <Table.Th>{t("users.fullName")}</Table.Th>
                  <Table.Th>{t("users.roles")}</Table.Th>
                  <Table.Th>{t("users.status")}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((u) => (
                  <Table.Tr
                    key={u.id}
                    id={`user-${u.id}`}
                    opacity={u.isActive ? 1 : 0.5}
                    bg={u.id === linked ? "teal.0" : undefined}
                    data-linked={u.id === linked || undefined}
                  >
                    <Table.Td>
                      <Code>{u.username}</Code>
                    </Table.Td>
                    <Table.Td>
                      {u.fullName}
                      {u.email && (
                        <Text size="xs" c="dimmed">
                          {u.email}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {u.roles.map((r) => (
                        <Text size="sm" key={`${r.role}-${r.orgUnitId}`}>
                          {t(`roles.${r.role}`)} — {r.orgUnitName}
                          {r.indicatorIds &&
                            ` (${t("users.indicatorCount", { count: r.indicatorIds.length })})`}
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {!u.isActive && <Badge color="gray">{t("users.inactive")}</Badge>}
                        {u.lockedUntil && <Badge color="red">{t("users.locked")}</Badge>}
                        {u.mustChangePassword && <Badge color="yellow">{t("users.temporary")}</Badge>}
                        {u.isDemo && <Badge variant="light">{t("auth.demoBadge")}</Badge>}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Menu position="bottom-end">
                        <Menu.Target>
                          <Button size="compact-sm" variant="subtle">
                            {t("users.actions")}
                          </Button>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item onClick={() => setEditingRoles(u)}>{t("users.editRoles")}</Menu.Item>
                          <Menu.Item onClick={() => setEditingContact(u)}>{t("reminders.contact")}</Menu.Item>
                          <Menu.Item onClick={() => reset.mutate(u)}>{t("users.resetPassword")}</Menu.Item>
                          {u.id !== me.id && (
                            <Menu.Item
                              color={u.isActive ? "red" : undefined}
                              onClick={() => setActive.mutate({ user: u, isActive: !u.isActive })}
                            >
                              {u.isActive ? t("users.deactivate") : t("users.activate")}
                            </Menu.Item>
                          )}
                        </Menu.Dropdown>
                      </Menu>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </WideScroll>
        )}
      </QueryState>
      <UserContactModal
        user={editingContact}
        onClose={() => setEditingContact(null)}
        onSaved={() => {
          setEditingContact(null);
          void refresh();
        }}
      />
      <UserFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(username, temporaryPassword) => {
          setCreating(false);
          setIssued({ username, temporaryPassword });
          void refresh();
        }}
      />
      {editingRoles && (
        <RolesModal
          user={editingRoles}
          onClose={() => setEditingRoles(null)}
          onSaved={() => {
            setEditingRoles(null);
            void refresh();
          }}
        />
      )}
      <Modal opened={issued !== null} onClose={() => setIssued(null)} title={t("users.temporaryTitle")}>
        <Stack>
          <Text>{t("users.temporaryText", { username: issued?.username })}</Text>
          <Code block fz="lg" data-testid="temporary-password">
            {issued?.temporaryPassword}
          </Code>
          <Button onClick={() => setIssued(null)}>{t("users.done")}</Button>
        </Stack>
      </Modal>
    </Stack>
  );
}
