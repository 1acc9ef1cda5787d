import { Alert, Badge, Button, Group, Pagination, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatNumberId } from "../../format";
import { conflictsCsv, type ImportSummary, saveText } from "./dhis2Api";

const PAGE = 20;
/** Row numbers shown per conflict; a file with thousands of the same conflict lists them in the CSV. */
const ROWS_SHOWN = 10;
const COLORS = { SUCCESS: "green", WARNING: "yellow", ERROR: "red" } as const;

/** The counts of an import or dry run and its conflicts, a page at a time. */
export function ImportSummaryView({ summary }: { summary: ImportSummary }) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const english = i18n.language === "en";
  const number = (n: number) => formatNumberId(String(n));
  const shown = summary.conflicts.slice((page - 1) * PAGE, page * PAGE);
  const header = [
    t("dhis2.conflictColumns.object"),
    t("dhis2.conflictColumns.message"),
    t("dhis2.conflictColumns.rows"),
  ];
  return (
    <Stack data-testid="dhis2-summary">
      <Group>
        <Badge color={COLORS[summary.status]} data-testid="dhis2-status">
          {t(`dhis2.status.${summary.status}`)}
        </Badge>
        <Text size="sm">{english ? summary.descriptionEn : summary.description}</Text>
      </Group>
      {summary.dryRun && (
        <Alert color="blue" variant="light" data-testid="dhis2-dry-run">
          {t("dhis2.dryRunDone")}
        </Alert>
      )}
      <Group gap="xl">
        {(["imported", "updated", "ignored", "deleted"] as const).map((key) => (
          <Stack key={key} gap={0}>
            <Text size="xs" c="dimmed">
              {t(`dhis2.counts.${key}`)}
            </Text>
            <Text fw={700} data-testid={`dhis2-count-${key}`}>
              {number(summary.importCount[key])}
            </Text>
          </Stack>
        ))}
      </Group>
      {summary.conflicts.length === 0 ? (
        <Text size="sm">{t("dhis2.noConflicts")}</Text>
      ) : (
        <>
          <Group justify="space-between">
            <Text fw={600}>
              {t("dhis2.conflicts")}: {number(summary.totalConflicts)}
            </Text>
            <Button
              variant="light"
              size="xs"
              onClick={() =>
                saveText(conflictsCsv(summary.conflicts, english, header), "konflik-dhis2.csv", "text/csv")
              }
            >
              {t("dhis2.downloadConflicts")}
            </Button>
          </Group>
          {summary.totalConflicts > summary.conflicts.length && (
            <Text size="xs" c="dimmed">
              {t("dhis2.moreConflicts", {
                total: number(summary.totalConflicts),
                shown: number(summary.conflicts.length),
              })}
            </Text>
          )}
          <Table.ScrollContainer minWidth={360}>
            <Table striped withTableBorder data-testid="dhis2-conflicts">
              <Table.Thead>
                <Table.Tr>
                  {header.map((h) => (
                    <Table.Th key={h}>{h}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((c) => (
                  <Table.Tr key={`${c.errorCode} ${c.object} ${c.indexes[0]}`}>
                    <Table.Td style={{ overflowWrap: "anywhere" }}>{c.object}</Table.Td>
                    <Table.Td>{english ? c.valueEn : c.value}</Table.Td>
                    {/* Counted from 1 as people count; the server counts values from 0. */}
                    <Table.Td>
                      {c.indexes
                        .slice(0, ROWS_SHOWN)
                        .map((i) => number(i + 1))
                        .join(", ")}
                      {c.indexes.length > ROWS_SHOWN &&
                        ` ${t("dhis2.moreRows", { n: number(c.indexes.length - ROWS_SHOWN) })}`}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {summary.conflicts.length > PAGE && (
            <Pagination
              size="sm"
              total={Math.ceil(summary.conflicts.length / PAGE)}
              value={page}
              onChange={setPage}
            />
          )}
        </>
      )}
    </Stack>
  );
}
