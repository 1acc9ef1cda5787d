import { Alert, Button, Group, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { LkjipDrafts, Section } from "./drafts";

/** The reason and the save button of one card: saves only that card's texts, in one request. */
export function SaveBar({
  drafts,
  keys,
  testId,
}: {
  drafts: LkjipDrafts;
  keys: [Section, string | null][];
  testId: string;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const [saved, setSaved] = useState<number | null>(null);
  return (
    <>
      <Group align="end" wrap="wrap">
        <TextInput
          label={t("lkjip.reason")}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          style={{ flex: "1 1 240px" }}
        />
        <Button
          data-testid={testId}
          disabled={!drafts.dirty(keys)}
          loading={drafts.save.isPending}
          onClick={() =>
            drafts.save.mutate(
              { keys, reason },
              {
                onSuccess: (r) => {
                  setSaved(r.saved);
                  setReason("");
                },
              },
            )
          }
        >
          {t("lkjip.save")}
        </Button>
      </Group>
      {saved !== null && !drafts.dirty(keys) && (
        <Alert color="teal" p={6} role="status">
          {t("lkjip.saved", { count: saved })}
        </Alert>
      )}
      {drafts.save.error && (
        <Alert color="red" p={6} role="alert">
          {drafts.save.error.message}
        </Alert>
      )}
    </>
  );
}
