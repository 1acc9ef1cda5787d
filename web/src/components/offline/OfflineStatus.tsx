import { Anchor, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { formatMoment, labelOf } from "../data-entry/periods";
import { sendQueued } from "./OfflineGate";
import { queueEntries, useQueueStatus } from "./queueStore";

function subscribeOnline(listener: () => void) {
  window.addEventListener("online", listener);
  window.addEventListener("offline", listener);
  return () => {
    window.removeEventListener("online", listener);
    window.removeEventListener("offline", listener);
  };
}

export const useOnline = () => useSyncExternalStore(subscribeOnline, () => navigator.onLine);

/**
 * What the device still has to send for this user, across all forms, and when it last reached the
 * server; forms whose values the server refused link to themselves, where the operator chooses.
 */
export function OfflineStatus() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const online = useOnline();
  const status = useQueueStatus();
  const attention =
    status.held + status.failed > 0 ? queueEntries().filter((e) => e.held.length || e.error) : [];

  return (
    <Paper withBorder p="xs" data-testid="offline-status" aria-live="polite">
      <Stack gap={4}>
        <Group gap="sm" justify="space-between">
          <Text size="sm" fw={600} c={status.waiting > 0 ? "orange.9" : "teal.9"} data-testid="queue-count">
            {status.waiting > 0 ? t("offline.waiting", { count: status.waiting }) : t("offline.allSent")}
          </Text>
          {online && status.waiting > status.held && (
            <Button size="compact-xs" variant="light" onClick={() => void sendQueued(queryClient)}>
              {t("offline.sendNow")}
            </Button>
          )}
        </Group>
        {!online && (
          <Text size="sm" c="orange.9" data-testid="offline-note">
            {t("offline.offline")}
          </Text>
        )}
        {status.held > 0 && (
          <Text size="sm" c="red.8">
            {t("offline.held", { count: status.held })}
          </Text>
        )}
        {status.failed > 0 && (
          <Text size="sm" c="red.8">
            {t("offline.failed", { count: status.failed })}
          </Text>
        )}
        {attention.map((entry) => (
          <Anchor
            key={entry.storageKey}
            component={Link}
            size="sm"
            to={`/isian?${new URLSearchParams({ ...entry.key })}`}
            data-testid="queue-attention"
          >
            {t("offline.openForm", { period: labelOf(entry.key.period, i18n.language) })}
          </Anchor>
        ))}
        <Text size="xs" c="dimmed" data-testid="last-sync">
          {status.lastSync
            ? t("offline.lastSync", {
                when: formatMoment(new Date(status.lastSync).toISOString(), i18n.language),
              })
            : t("offline.neverSynced")}
        </Text>
      </Stack>
    </Paper>
  );
}
