import { Alert, Button, Modal, Select, Stack, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ManagedUser } from "../../../../src/users/schemas";
import { apiSend } from "../../api";

/** Where a user's reminders go: the e-mail address, and the language they are written in. */
export function UserContactModal({
  user,
  onClose,
  onSaved,
}: {
  user: ManagedUser | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const [language, setLanguage] = useState<"id" | "en">("id");
  useEffect(() => {
    setEmail(user?.email ?? "");
    setLanguage(user?.language ?? "id");
  }, [user]);
  const save = useMutation({
    mutationFn: () =>
      apiSend<ManagedUser>("PATCH", `/users/${user?.id}`, { email: email.trim() || null, language }),
    onSuccess: onSaved,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Modal opened={user !== null} onClose={onClose} title={t("reminders.contactTitle")}>
      <Stack component="form" onSubmit={submit}>
        <TextInput
          label={t("reminders.email")}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
        />
        <Select
          label={t("reminders.language")}
          data={[
            { value: "id", label: "Bahasa Indonesia" },
            { value: "en", label: "English" },
          ]}
          value={language}
          allowDeselect={false}
          onChange={(v) => setLanguage(v === "en" ? "en" : "id")}
        />
        {save.isError && <Alert color="red">{save.error.message}</Alert>}
        <Button type="submit" loading={save.isPending}>
          {t("reminders.saveContact")}
        </Button>
      </Stack>
    </Modal>
  );
}
