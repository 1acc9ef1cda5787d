import { Alert, Button, Modal, Stack, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ManagedUser, RoleInput } from "../../../src/users/schemas";
import { apiSend } from "../api";
import { RoleRowsInput } from "./RoleRowsInput";

interface Props {
  opened: boolean;
  onClose: () => void;
  onCreated: (username: string, temporaryPassword: string) => void;
}

export function UserFormModal({ opened, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [username, setUsername] = useState("");
  const [fullName, setFullName] = useState("");
  const [email, setEmail] = useState("");
  const [nip, setNip] = useState("");
  const [roles, setRoles] = useState<RoleInput[]>([{ role: "operator_fasyankes", orgUnitId: "" }]);
  const create = useMutation({
    mutationFn: () =>
      apiSend<{ user: ManagedUser; temporaryPassword: string }>("POST", "/users", {
        username,
        fullName,
        email: email || null,
        nip: nip || null,
        roles: roles.filter((r) => r.orgUnitId),
      }),
    onSuccess: ({ user, temporaryPassword }) => {
      setUsername("");
      setFullName("");
      setEmail("");
      setNip("");
      onCreated(user.username, temporaryPassword);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t("users.add")} size="lg">
      <Stack component="form" onSubmit={submit}>
        <TextInput
          label={t("users.username")}
          value={username}
          onChange={(e) => setUsername(e.currentTarget.value)}
          required
        />
        <TextInput
          label={t("users.fullName")}
          value={fullName}
          onChange={(e) => setFullName(e.currentTarget.value)}
          required
        />
        <TextInput
          label="Email"
          type="email"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
        />
        <TextInput label="NIP" value={nip} onChange={(e) => setNip(e.currentTarget.value)} />
        <RoleRowsInput value={roles} onChange={setRoles} />
        {create.isError && <Alert color="red">{create.error.message}</Alert>}
        <Button type="submit" loading={create.isPending}>
          {t("users.create")}
        </Button>
      </Stack>
    </Modal>
  );
}
