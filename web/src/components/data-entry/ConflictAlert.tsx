import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatNumberId } from "../../format";
import { readTyped, valueToSend } from "./edits";
import type { Form } from "./entryApi";
import type { Saver } from "./useValueSaver";

const shown = (value: string | null | undefined, empty: string) => (value ? formatNumberId(value) : empty);

/** Values someone else saved while the operator was typing: each is decided on its own, never silently. */
export function ConflictAlert({ form, saver }: { form: Form; saver: Saver }) {
  const { t } = useTranslation();
  const conflicts = Object.values(saver.conflicts);
  if (conflicts.length === 0) return null;
  const empty = t("dataEntry.empty");
  return (
    <Alert color="orange" title={t("dataEntry.conflict.title")} data-testid="conflicts">
      <Stack gap="sm">
        <Text size="sm">{t("dataEntry.conflict.intro")}</Text>
        {conflicts.map((c) => {
          const edit = saver.edits[c.dataElementId];
          const mine = edit ? readTyped(valueToSend(edit) ?? "") : null;
          return (
            <Group key={c.dataElementId} justify="space-between" wrap="wrap" gap="xs">
              <Stack gap={0}>
                <Text size="sm" fw={600}>
                  {form.elements.find((e) => e.id === c.dataElementId)?.name}
                </Text>
                <Text size="sm">
                  {t("dataEntry.conflict.mine")}: <b>{shown(mine, empty)}</b> ·{" "}
                  {t("dataEntry.conflict.theirs")}: <b>{shown(c.value, empty)}</b>
                  {c.comment ? ` (${c.comment})` : ""}
                </Text>
              </Stack>
              <Group gap="xs">
                <Button size="xs" onClick={() => saver.keepMine(c.dataElementId)}>
                  {t("dataEntry.conflict.keepMine")}
                </Button>
                <Button size="xs" variant="default" onClick={() => saver.takeTheirs(c.dataElementId)}>
                  {t("dataEntry.conflict.takeTheirs")}
                </Button>
              </Group>
            </Group>
          );
        })}
      </Stack>
    </Alert>
  );
}
