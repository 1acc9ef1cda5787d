import { Alert, Button, Modal, Stack, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ManagedUser, RoleInput } from "../../../src/users/schemas";
import { apiSend } from "../api";
import { RoleRowsInput } from "./RoleRowsInput";

export function RolesModal({
  user,
  onClose,
  onSaved,
}: {
  user: ManagedUser;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [roles, setRoles] = useState<RoleInput[]>(user.roles.map(({ orgUnitName: _, ...r }) => r));
  const [reason, setReason] = useState("");
  const save = useMutation({
    mutationFn: () =>
      apiSend<ManagedUser>("PUT", `/users/${user.id}/roles`, {
        roles: roles.filter((r) => r.orgUnitId),
        reason: reason || undefined,
      }),
    onSuccess: onSaved,
  });
  return (
    <Modal opened onClose={onClose} title={`${t("users.editRoles")}: ${user.username}`} size="lg">
      <Stack>
        <RoleRowsInput value={roles} onChange={setRoles} />
        <TextInput
          label={t("users.reason")}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        {save.isError && <Alert color="red">{save.error.message}</Alert>}
        <Button onClick={() => save.mutate()} loading={save.isPending}>
          {t("auth.save")}
        </Button>
      </Stack>
    </Modal>
  );
}
