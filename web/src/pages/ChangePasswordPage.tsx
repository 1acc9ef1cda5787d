import { Alert, Button, Paper, PasswordInput, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiSend } from "../api";
import { useCurrentUser } from "../session";

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const [currentPassword, setCurrent] = useState("");
  const [newPassword, setNew] = useState("");
  const [repeat, setRepeat] = useState("");
  const change = useMutation({
    mutationFn: () => apiSend<void>("POST", "/auth/password", { currentPassword, newPassword }),
    onSuccess: () => {
      setCurrent("");
      setNew("");
      setRepeat("");
      void queryClient.invalidateQueries({ queryKey: ["session"] });
    },
  });
  const mismatch = repeat.length > 0 && repeat !== newPassword;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!mismatch) change.mutate();
  };

  return (
    <Paper withBorder p="xl" maw={480} component="form" onSubmit={submit}>
      <Stack>
        <Title order={3}>{t("auth.changePassword")}</Title>
        {user.mustChangePassword && <Alert color="yellow">{t("auth.mustChange")}</Alert>}
        <Text size="sm" c="dimmed">
          {t("auth.passwordRule")}
        </Text>
        <PasswordInput
          label={t("auth.currentPassword")}
          autoComplete="current-password"
          value={currentPassword}
          onChange={(e) => setCurrent(e.currentTarget.value)}
          required
        />
        <PasswordInput
          label={t("auth.newPassword")}
          autoComplete="new-password"
          value={newPassword}
          onChange={(e) => setNew(e.currentTarget.value)}
          required
        />
        <PasswordInput
          label={t("auth.repeatPassword")}
          autoComplete="new-password"
          value={repeat}
          onChange={(e) => setRepeat(e.currentTarget.value)}
          error={mismatch ? t("auth.mismatch") : undefined}
          required
        />
        {change.isError && <Alert color="red">{change.error.message}</Alert>}
        {change.isSuccess && <Alert color="teal">{t("auth.changed")}</Alert>}
        <Button type="submit" loading={change.isPending}>
          {t("auth.save")}
        </Button>
      </Stack>
    </Paper>
  );
}
