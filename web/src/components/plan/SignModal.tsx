import { Alert, Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api";

interface Props {
  onClose: () => void;
  sign: (at: { place: string; date: string }) => Promise<void>;
}

const today = () => new Date().toLocaleDateString("sv-SE");

/** Signing freezes the plan: the modal says so before the pimpinan confirms. */
export function SignModal({ onClose, sign }: Props) {
  const { t } = useTranslation();
  const [place, setPlace] = useState("");
  const [date, setDate] = useState(today());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await sign({ place: place.trim(), date });
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t("plans.version.signTitle")}>
      <Stack>
        <Text size="sm">{t("plans.version.signExplain")}</Text>
        <TextInput
          label={t("plans.version.place")}
          required
          value={place}
          onChange={(e) => setPlace(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t("plans.version.date")}
          required
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
        />
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("plans.edit.cancel")}
          </Button>
          <Button onClick={confirm} loading={busy} disabled={!place.trim() || !date}>
            {t("plans.version.sign")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
