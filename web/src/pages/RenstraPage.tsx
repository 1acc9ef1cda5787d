import { Badge, Button, Group, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router-dom";
import type { RenstraCascade } from "../../../src/plans/renstra-schemas";
import { apiGet } from "../api";
import { PaperDownloads } from "../components/PaperDownloads";
import { QueryState } from "../components/QueryState";
import { CascadeTable, DepartureBadge } from "../components/renstra/CascadeTable";
import { ProgramBudgets } from "../components/renstra/ProgramBudgets";
import { RealisasiModal, type RealisasiTarget } from "../components/renstra/RealisasiModal";
import { RenstraImport } from "../components/renstra/RenstraImport";
import { RenstraTemplate } from "../components/renstra/RenstraTemplate";
import { useOrgUnits, useRenstraList } from "../queries";
import { useCan } from "../session";

const DEPARTURES = ["same", "weaker", "stronger", "not_comparable"] as const;

/** /renstra: the Renstra in force (or the version chosen), its cascade to the yearly PK/RAK and the realisasi series. */
export function RenstraPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const { planId } = useParams();
  const list = useRenstraList();
  const units = useOrgUnits();
  const [editing, setEditing] = useState<RealisasiTarget | null>(null);
  const [importing, setImporting] = useState(false);
  const all = list.data ?? [];
  // Without an id in the address: the version in force of the latest Renstra.
  const selectedId = planId ?? all.filter((p) => p.active).at(-1)?.id;
  const renstra = useQuery({
    queryKey: ["renstra", selectedId],
    queryFn: () => apiGet<RenstraCascade>(`/renstra/${selectedId}`),
    enabled: Boolean(selectedId),
  });
  // The next Renstra starts the year after the one shown; without one, this year.
  const templateStart = renstra.data ? renstra.data.endYear + 1 : new Date().getFullYear();
  const importUnit =
    renstra.data?.orgUnitId ?? (units.data ?? []).find((u) => u.type === "kabupaten_kota")?.id ?? null;

  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Title order={2}>{t("renstra.title")}</Title>
        <Group align="end">
          {renstra.data && (
            <Select
              label={t("renstra.version")}
              w={220}
              allowDeselect={false}
              value={renstra.data.id}
              onChange={(id) => id && navigate(`/renstra/${id}`)}
              data={renstra.data.versions.map((v) => ({
                value: v.id,
                label: `${v.label} (${t(`renstra.status.${v.status}`)})`,
              }))}
              data-testid="renstra-version"
            />
          )}
          {can("plan.write") && importUnit && (
            <Button variant="default" onClick={() => setImporting(true)}>
              {t("renstra.import.button")}
            </Button>
          )}
        </Group>
      </Group>
      <Group justify="end">
        <RenstraTemplate key={templateStart} startYear={templateStart} />
      </Group>
      <QueryState query={list}>
        {() =>
          selectedId ? (
            <QueryState query={renstra}>
              {(r) => (
                <Stack>
                  <Paper withBorder p="sm">
                    <Group justify="space-between" align="end">
                      <Stack gap={2}>
                        <Text fw={700}>{r.title}</Text>
                        <Group gap="xs">
                          <Text size="sm">{r.orgUnitName}</Text>
                          <Badge variant="light">
                            {t("renstra.period", { start: r.startYear, end: r.endYear })}
                          </Badge>
                          <Badge variant="outline">{r.versionLabel}</Badge>
                          <Badge color={r.status === "signed" ? "teal" : "gray"}>
                            {t(`renstra.status.${r.status}`)}
                          </Badge>
                        </Group>
                      </Stack>
                      <PaperDownloads
                        labels="renstra.download"
                        url={(format, paper) => `/renstra/${r.id}/export.${format}?paper=${paper}`}
                        fileName={(format) => `renstra-${r.startYear}-${r.endYear}.${format}`}
                      />
                    </Group>
                  </Paper>
                  <Title order={3} size="h4">
                    {t("renstra.cascadeTitle")}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {t("renstra.cascadeHint")}
                  </Text>
                  <Group gap="md" aria-label={t("renstra.legend")}>
                    {DEPARTURES.map((d) => (
                      <Group key={d} gap={4}>
                        <DepartureBadge departure={d} />
                        <Text size="xs">{t(`renstra.departure.${d}`)}</Text>
                      </Group>
                    ))}
                    <Text size="xs">◆ {t("renstra.source.data")}</Text>
                  </Group>
                  <CascadeTable
                    renstra={r}
                    {...(can("evaluation.write")
                      ? { onEdit: (row, year, current) => setEditing({ row, year, current }) }
                      : {})}
                  />
                  <Title order={3} size="h4">
                    {t("renstra.programsTitle")}
                  </Title>
                  <ProgramBudgets renstra={r} />
                </Stack>
              )}
            </QueryState>
          ) : (
            <Paper withBorder p="md" data-testid="renstra-none">
              <Stack gap="xs">
                <Text>{t("renstra.none")}</Text>
                <Text size="sm" c="dimmed">
                  {t("renstra.template.emptyHint")}
                </Text>
              </Stack>
            </Paper>
          )
        }
      </QueryState>
      {editing && renstra.data && (
        <RealisasiModal renstraId={renstra.data.id} target={editing} onClose={() => setEditing(null)} />
      )}
      {importing && importUnit && (
        <RenstraImport orgUnitId={importUnit} onClose={() => setImporting(false)} />
      )}
    </Stack>
  );
}
