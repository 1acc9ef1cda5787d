import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** One problem of a previewed row as the server reports it, in both languages. */
export interface RowProblem {
  column?: string | null;
  message: string;
  messageEn: string;
}

/** The unit a previewed row names: its name (or a stand-in when unknown) over its code. */
export function UnitCell({ name, code }: { name: string; code: string }) {
  return (
    <Table.Td>
      <Text size="sm">{name}</Text>
      <Text size="xs" c="dimmed" ff="monospace">
        {code}
      </Text>
    </Table.Td>
  );
}

/** A row's problems in red, each in the user's language, optionally led by its column. */
export function RowProblems({
  problems,
  testId,
  columnLabel,
}: {
  problems: RowProblem[];
  testId: string;
  columnLabel?: (column: string) => string;
}) {
  const { i18n } = useTranslation();
  return problems.map((e) => (
    <Text key={`${e.column}-${e.message}`} size="sm" c="red" data-testid={testId}>
      {e.column && columnLabel ? `${columnLabel(e.column)}: ` : ""}
      {i18n.language === "en" ? e.messageEn : e.message}
    </Text>
  ));
}
