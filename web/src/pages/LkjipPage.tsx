import { Group, Paper, Select, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router-dom";
import type { Lkjip } from "../../../src/lkjip/schemas";
import { apiGet } from "../api";
import { ChaptersCard } from "../components/lkjip/ChaptersCard";
import { useLkjipDrafts } from "../components/lkjip/drafts";
import { SasaranCard } from "../components/lkjip/SasaranCard";
import { PaperDownloads } from "../components/PaperDownloads";
import { QueryState } from "../components/QueryState";
import { WideScroll } from "../components/WideScroll";
import { formatNumberId, formatRupiah } from "../format";
import { useRenstraList } from "../queries";
import { useCan } from "../session";

const rupiah = (v: number | null) => (v === null ? "-" : formatRupiah(v));
const pct = (v: string | null) => (v === null ? "-" : `${formatNumberId(v, 2)} %`);

/** /lkjip: the LKjIP of a year against the Renstra in force (or the version in the address). */
export function LkjipPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { planId } = useParams();
  const list = useRenstraList();
  const all = list.data ?? [];
  const selectedId = planId ?? all.filter((p) => p.active).at(-1)?.id;
  const selected = all.find((p) => p.id === selectedId);
  const start = selected?.year ?? new Date().getFullYear();
  // The report is written after the year closes: last year, within the Renstra (five years until it says).
  const [year, setYear] = useState<number | null>(null);
  const shown = year ?? Math.min(Math.max(new Date().getFullYear() - 1, start), start + 4);
  const lkjip = useQuery({
    queryKey: ["lkjip", selectedId, shown],
    queryFn: () => apiGet<Lkjip>(`/renstra/${selectedId}/lkjip?year=${shown}`),
    enabled: Boolean(selectedId),
  });
  const end = lkjip.data?.renstra.endYear ?? start + 4;

  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Title order={2}>{t("lkjip.title")}</Title>
        {selected && (
          <Group align="end">
            <Select
              label={t("lkjip.year")}
              w={110}
              allowDeselect={false}
              value={String(shown)}
              onChange={(y) => y && setYear(Number(y))}
              data={Array.from({ length: end - start + 1 }, (_, i) => String(start + i))}
              data-testid="lkjip-year"
            />
            {all.filter((p) => p.kind === "renstra").length > 1 && (
              <Select
                label="Renstra"
                w={220}
                allowDeselect={false}
                value={selected.id}
                onChange={(id) => id && navigate(`/lkjip/${id}`)}
                data={all.map((p) => ({ value: p.id, label: `${p.title} v${p.version}` }))}
              />
            )}
          </Group>
        )}
      </Group>
      <QueryState query={list}>
        {() =>
          selectedId ? (
            <QueryState query={lkjip}>
              {(l) => <LkjipBody key={`${l.renstra.id}/${l.year}`} lkjip={l} />}
            </QueryState>
          ) : (
            <Text c="dimmed">{t("lkjip.none")}</Text>
          )
        }
      </QueryState>
    </Stack>
  );
}

function LkjipBody({ lkjip }: { lkjip: Lkjip }) {
  const { t } = useTranslation();
  const can = useCan();
  const editable = can("plan.write");
  const drafts = useLkjipDrafts(lkjip);
  const b = lkjip.budget;
  return (
    <Stack>
      <Paper withBorder p="sm">
        <Group justify="space-between" align="end">
          <Stack gap={2}>
            <Text fw={700}>
              {lkjip.orgUnitName} · {lkjip.year}
            </Text>
            <Text size="sm" c="dimmed">
              {t("lkjip.basis", {
                title: lkjip.renstra.title,
                version: lkjip.renstra.versionLabel,
                pk: lkjip.pk?.title ?? t("lkjip.noPk"),
              })}
            </Text>
          </Stack>
          <PaperDownloads
            labels="lkjip.download"
            formats={["docx", "pdf"]}
            url={(format, paper) =>
              `/renstra/${lkjip.renstra.id}/lkjip.${format}?year=${lkjip.year}&paper=${paper}`
            }
            fileName={(format) => `lkjip-${lkjip.year}.${format}`}
          />
        </Group>
      </Paper>
      <ChaptersCard drafts={drafts} editable={editable} />
      {lkjip.sasaran.map((s) => (
        <SasaranCard key={s.nodeId} sasaran={s} year={lkjip.year} drafts={drafts} editable={editable} />
      ))}
      <Paper withBorder p="sm">
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t("lkjip.budgetTitle", { year: lkjip.year })}
          </Title>
          <WideScroll label={t("lkjip.budgetTitle", { year: lkjip.year })}>
            <Table withTableBorder withColumnBorders fz="xs" miw={640} data-testid="lkjip-budget">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("lkjip.col.number")}</Table.Th>
                  <Table.Th>{t("lkjip.col.program")}</Table.Th>
                  <Table.Th ta="right">{t("lkjip.col.pagu")}</Table.Th>
                  <Table.Th ta="right">{t("lkjip.col.realisasi", { year: lkjip.year })}</Table.Th>
                  <Table.Th ta="right">{t("lkjip.col.serapan")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {b.rows.map((r) => (
                  <Table.Tr key={r.number}>
                    <Table.Td>{r.number}</Table.Td>
                    <Table.Td>{r.code ? `${r.code} ${r.name}` : r.name}</Table.Td>
                    <Table.Td ta="right">{rupiah(r.pagu)}</Table.Td>
                    <Table.Td ta="right">{rupiah(r.realisasi)}</Table.Td>
                    <Table.Td ta="right">{pct(r.serapan)}</Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr fw={600}>
                  <Table.Td />
                  <Table.Td>{t("lkjip.total")}</Table.Td>
                  <Table.Td ta="right">{rupiah(b.pagu)}</Table.Td>
                  <Table.Td ta="right">{rupiah(b.realisasi)}</Table.Td>
                  <Table.Td ta="right">{pct(b.serapan)}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </WideScroll>
        </Stack>
      </Paper>
    </Stack>
  );
}
