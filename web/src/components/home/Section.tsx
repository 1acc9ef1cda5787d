import { Anchor, Card, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";

/** One titled card of the home page. */
export function Section({
  title,
  children,
  testId,
}: {
  title: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Card withBorder data-testid={testId}>
      <Stack gap="xs">
        <Title order={4}>{title}</Title>
        {children}
      </Stack>
    </Card>
  );
}

/** A figure that opens the page it comes from. */
export function Figure({
  label,
  value,
  to,
  testId,
}: {
  label: string;
  value: ReactNode;
  to: string;
  testId?: string;
}) {
  return (
    <Anchor component={Link} to={to} underline="never" data-testid={testId}>
      <Text fz={26} fw={700} lh={1.1}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Anchor>
  );
}

export function ItemLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Anchor component={Link} to={to} size="sm">
      {children}
    </Anchor>
  );
}
