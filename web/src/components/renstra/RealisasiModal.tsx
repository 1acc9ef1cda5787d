import { Alert, Button, Group, Modal, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiSend } from "../../api";
import type { CascadeRow } from "./cascade";

export interface RealisasiTarget {
  row: CascadeRow;
  year: number;
  current: CascadeRow["baseline"];
}

/** Enters an indicator's year-end realisasi (audited on the server); the revision guards a stale edit. */
export function RealisasiModal({
  renstraId,
  target,
  onClose,
}: {
  renstraId: string;
  target: RealisasiTarget;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [value, setValue] = useState(target.current.entered?.replace(".", ",") ?? "");
  const [note, setNote] = useState(target.current.note ?? "");
  const save = useMutation({
    mutationFn: () =>
      apiSend("PUT", `/renstra/${renstraId}/realisasi`, {
        indicatorId: target.row.indicatorId,
        year: target.year,
        value,
        note: note.trim() || null,
        revision: target.current.revision,
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["renstra", renstraId] });
      onClose();
    },
  });
  const error = save.error;
  return (
    <Modal
      opened
      onClose={onClose}
      title={t("renstra.editTitle", { year: target.year, name: target.row.name })}
    >
      <Stack>
        {target.current.source === "data" && (
          <Text size="sm" c="dimmed">
            {t("renstra.dataHint")}
          </Text>
        )}
        <TextInput
          label={`${t("renstra.value")} (${target.row.unit})`}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          data-autofocus
        />
        <Textarea label={t("renstra.note")} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        {error && <Alert color="red">{error.message}</Alert>}
        <Group justify="end">
          <Button variant="default" onClick={onClose}>
            {t("renstra.cancel")}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!value.trim()}>
            {t("renstra.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
