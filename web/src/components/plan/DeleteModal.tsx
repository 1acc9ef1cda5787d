import { Alert, Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api";

interface Props {
  what: string;
  /** Deleting a node takes what it holds with it: say so. */
  cascades: boolean;
  onClose: () => void;
  remove: (reason: string) => Promise<void>;
}

/** Asks for confirmation and an optional reason, which goes to the audit trail. */
export function DeleteModal({ what, cascades, onClose, remove }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await remove(reason.trim());
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t("plans.edit.deleteTitle")}>
      <Stack>
        <Text>{t("plans.edit.deleteConfirm", { what })}</Text>
        {cascades && (
          <Text size="sm" c="orange.8">
            {t("plans.edit.deleteCascade")}
          </Text>
        )}
        <TextInput
          label={t("plans.edit.reason")}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("plans.edit.cancel")}
          </Button>
          <Button color="red" onClick={confirm} loading={busy}>
            {t("plans.edit.delete")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
