import { Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatNumberId } from "../../format";
import { WideScroll } from "../WideScroll";
import { PrevalenceModal } from "./PrevalenceModal";
import type { PopulationGrid, Prevalence } from "./populationsApi";

/**
 * The hipertensi and DM denominators with how each was estimated ("1680000 × 25,8% (Riskesdas, 2013)
 * = 433440"), and the prevalences behind them: national, or the region's own.
 */
export function EstimatesPanel({ grid, canWrite }: { grid: PopulationGrid; canWrite: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Prevalence | "new" | null>(null);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={4}>{t("populations.estimates.title")}</Title>
        <Text size="sm" c="dimmed">
          {t("populations.estimates.explain")}
        </Text>
        <Table withTableBorder data-testid="population-estimates">
          <Table.Tbody>
            {grid.estimates.map((e) => (
              <Table.Tr key={e.code}>
                <Table.Td fw={600}>{e.label}</Table.Td>
                <Table.Td ta="right" fw={700} ff="monospace">
                  {e.value ? formatNumberId(e.value) : "–"}
                </Table.Td>
                <Table.Td c={e.value ? undefined : "orange.8"}>{e.explanation}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group justify="space-between" align="end">
          <Text fw={600}>{t("populations.estimates.prevalences", { year: grid.year })}</Text>
          {canWrite && (
            <Button size="xs" variant="light" onClick={() => setEditing("new")}>
              {t("populations.estimates.add")}
            </Button>
          )}
        </Group>
        {grid.prevalences.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("populations.estimates.none")}
          </Text>
        ) : (
          <WideScroll label={t("populations.estimates.title")}>
            <Table withTableBorder striped data-testid="population-prevalences">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("populations.estimates.disease")}</Table.Th>
                  <Table.Th>{t("populations.estimates.appliesTo")}</Table.Th>
                  <Table.Th ta="right">{t("populations.estimates.percent")}</Table.Th>
                  <Table.Th>{t("populations.estimates.source")}</Table.Th>
                  <Table.Th>{t("populations.estimates.sourceYear")}</Table.Th>
                  {canWrite && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {grid.prevalences.map((p) => (
                  <Table.Tr key={`${p.code}-${p.orgUnitId}`}>
                    <Table.Td>{t(`populations.estimates.${p.code}`)}</Table.Td>
                    <Table.Td>{p.orgUnitId ? grid.unit.name : t("populations.estimates.national")}</Table.Td>
                    <Table.Td ta="right">{formatNumberId(p.percent)}%</Table.Td>
                    <Table.Td>{p.source}</Table.Td>
                    <Table.Td>{p.sourceYear}</Table.Td>
                    {canWrite && (
                      <Table.Td>
                        <Button size="compact-xs" variant="subtle" onClick={() => setEditing(p)}>
                          {t("populations.estimates.edit")}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </WideScroll>
        )}
      </Stack>
      {editing && (
        <PrevalenceModal
          grid={grid}
          prevalence={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Paper>
  );
}
