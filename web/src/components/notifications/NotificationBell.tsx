import {
  ActionIcon,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import type { NotificationItem, NotificationList } from "../../../../src/reminders/schemas";
import { apiGet, apiSend } from "../../api";

const KEY = ["notifications"];
const when = new Intl.DateTimeFormat("id-ID", { dateStyle: "medium", timeStyle: "short" });

/** The bell in the top bar: the unread count, and the newest notices in a dropdown. */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const [opened, setOpened] = useState(false);
  const navigate = useNavigate();
  const client = useQueryClient();
  // Reminders are sent at most hourly: a minute's delay in showing one is plenty.
  const list = useQuery({
    queryKey: KEY,
    queryFn: () => apiGet<NotificationList>("/notifications"),
    refetchInterval: 60_000,
  });
  const markRead = useMutation({
    mutationFn: (id?: string) =>
      apiSend<null>("POST", id ? `/notifications/${id}/read` : "/notifications/read-all"),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];
  const open = (item: NotificationItem) => {
    if (!item.read) markRead.mutate(item.id);
    setOpened(false);
    if (item.link) navigate(item.link);
  };

  return (
    // The popover's target is the button itself: its aria-expanded belongs on a button, not on the badge's box.
    <Indicator label={unread} size={16} disabled={unread === 0} offset={4} style={{ flexShrink: 0 }}>
      <Popover opened={opened} onChange={setOpened} position="bottom-end" withinPortal shadow="md">
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            size="md"
            aria-label={`${t("reminders.bell")}: ${t("reminders.unread", { count: unread })}`}
            onClick={() => setOpened((o) => !o)}
            data-testid="notification-bell"
          >
            <BellIcon />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p="xs" w="min(380px, calc(100vw - 16px))" data-testid="notification-list">
          <Group justify="space-between" mb="xs" wrap="nowrap">
            <Text fw={600}>{t("reminders.bell")}</Text>
            {unread > 0 && (
              <Button size="compact-xs" variant="subtle" onClick={() => markRead.mutate(undefined)}>
                {t("reminders.markAllRead")}
              </Button>
            )}
          </Group>
          {items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("reminders.empty")}
            </Text>
          ) : (
            <ScrollArea.Autosize mah="60vh">
              <Stack gap={4}>
                {items.map((item) => {
                  const text = i18n.language === "en" ? item.texts.en : item.texts.id;
                  return (
                    <UnstyledButton
                      key={item.id}
                      onClick={() => open(item)}
                      p="xs"
                      style={{
                        borderRadius: 4,
                        background: item.read ? undefined : "var(--mantine-color-teal-light)",
                      }}
                      data-testid="notification-item"
                    >
                      <Text size="sm" fw={item.read ? 400 : 600}>
                        {text.title}
                      </Text>
                      <Text size="xs">{text.body}</Text>
                      <Text size="xs" c="dimmed">
                        {when.format(new Date(item.createdAt))}
                      </Text>
                    </UnstyledButton>
                  );
                })}
              </Stack>
            </ScrollArea.Autosize>
          )}
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}

function BellIcon() {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}
