import { Button, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { isReadable } from "./edits";
import type { Saver } from "./useValueSaver";

/** One line saying whether what is on screen is safe on the server: the operator's main worry. */
export function SaveStatus({ saver }: { saver: Saver }) {
  const { t } = useTranslation();
  const ids = Object.keys(saver.edits);
  const conflicts = Object.keys(saver.conflicts).length;
  const unreadable = ids.filter(
    (id) => saver.rejected[id] || !isReadable(saver.edits[id] ?? { baseValue: null, revision: null }),
  ).length;
  const waiting = ids.length - conflicts - unreadable;

  let color = "teal.8";
  let text = t("dataEntry.save.saved");
  if (saver.error) {
    color = "red.8";
    text = t("dataEntry.save.error", { message: saver.error });
  } else if (saver.offline && waiting > 0) {
    color = "orange.8";
    text = t("dataEntry.save.offline", { count: waiting });
  } else if (saver.sending.size > 0 || waiting > 0) {
    color = "dimmed";
    text = t("dataEntry.save.saving");
  } else if (unreadable > 0) {
    color = "red.8";
    text = t("dataEntry.save.unreadable", { count: unreadable });
  } else if (conflicts > 0) {
    color = "orange.8";
    text = t("dataEntry.save.conflict", { count: conflicts });
  } else if (saver.offline) {
    text = t("dataEntry.save.savedOffline");
  }

  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" fw={600} c={color} data-testid="save-status" aria-live="polite">
        {text}
      </Text>
      {saver.error && (
        <>
          <Button size="compact-xs" variant="light" onClick={() => void saver.flush()}>
            {t("dataEntry.retry")}
          </Button>
          <Button size="compact-xs" variant="subtle" color="red" onClick={saver.discardAll}>
            {t("dataEntry.discard")}
          </Button>
        </>
      )}
    </Group>
  );
}
