import {
  Alert,
  Button,
  Center,
  Code,
  Paper,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiGet } from "../api";
import { useLogin } from "../session";

interface DemoAccounts {
  password: string | null;
  accounts: Array<{ username: string; fullName: string; role: string }>;
}

export function LoginPage() {
  const { t } = useTranslation();
  const login = useLogin();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const demo = useQuery({
    queryKey: ["demo-accounts"],
    queryFn: () => apiGet<DemoAccounts>("/auth/demo-accounts"),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ username, password });
  };

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Stack w={440}>
        <Paper withBorder p="xl" component="form" onSubmit={submit}>
          <Stack>
            <Title order={2} c="teal.8">
              capaian
            </Title>
            <Text c="dimmed" size="sm">
              {t("app.tagline")}
            </Text>
            <TextInput
              label={t("auth.username")}
              autoComplete="username"
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              required
              autoFocus
            />
            <PasswordInput
              label={t("auth.password")}
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              required
            />
            {login.isError && (
              <Alert color="red" role="alert">
                {login.error.message}
              </Alert>
            )}
            <Button type="submit" loading={login.isPending}>
              {t("auth.login")}
            </Button>
          </Stack>
        </Paper>
        {demo.data?.password && (
          <Paper withBorder p="md" bg="yellow.0">
            <Text fw={600}>{t("auth.demoTitle")}</Text>
            <Text size="sm">
              {t("auth.demoPassword")} <Code>{demo.data.password}</Code>
            </Text>
            <Table fz="xs" mt="xs">
              <Table.Tbody>
                {demo.data.accounts.map((a) => (
                  <Table.Tr
                    key={a.username}
                    style={{ cursor: "pointer" }}
                    onClick={() => setUsername(a.username)}
                  >
                    <Table.Td>
                      <Code>{a.username}</Code>
                    </Table.Td>
                    <Table.Td>{t(`roles.${a.role}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
      </Stack>
    </Center>
  );
}
