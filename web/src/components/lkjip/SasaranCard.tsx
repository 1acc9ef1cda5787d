import {
  Badge,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { LkjipSasaran } from "../../../../src/lkjip/schemas";
import { formatNumberId } from "../../format";
import { WideScroll } from "../WideScroll";
import type { LkjipDrafts, Section } from "./drafts";
import { SaveBar } from "./SaveBar";

const num = (v: string | null) => (v === null ? "-" : formatNumberId(v));
const pct = (v: string | null) => (v === null ? "-" : `${formatNumberId(v, 2)} %`);
const signed = (v: string | null) =>
  v === null ? "-" : `${v.startsWith("-") ? "" : "+"}${formatNumberId(v)}`;

/** One sasaran strategis: the seven analyses of Bab III A, with its causes, solutions and national figures written here. */
export function SasaranCard({
  sasaran,
  year,
  drafts,
  editable,
}: {
  sasaran: LkjipSasaran;
  year: number;
  drafts: LkjipDrafts;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const s = sasaran;
  const keys: [Section, string | null][] = [
    ["penyebab", s.nodeId],
    ["solusi", s.nodeId],
    ...s.indicators.map((i): [Section, string] => ["nasional", i.planIndicatorId]),
  ];
  const e = s.efficiency;
  return (
    <Paper withBorder p="sm" data-testid={`lkjip-sasaran-${s.number}`}>
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t("lkjip.sasaran", { number: s.number, name: s.name })}
        </Title>
        <WideScroll label={t("lkjip.sasaran", { number: s.number, name: s.name })}>
          <Table withTableBorder withColumnBorders fz="xs" miw={980}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th className="sticky-col" miw={200}>
                  {t("lkjip.col.indicator")}
                </Table.Th>
                <Table.Th ta="right">{t("lkjip.col.target", { year })}</Table.Th>
                <Table.Th ta="right">{t("lkjip.col.realisasi", { year })}</Table.Th>
                <Table.Th ta="right">{t("lkjip.col.capaian")}</Table.Th>
                <Table.Th ta="right">{t("lkjip.col.realisasi", { year: year - 1 })}</Table.Th>
                <Table.Th ta="right">{t("lkjip.col.change")}</Table.Th>
                <Table.Th ta="right">{t("lkjip.col.end")}</Table.Th>
                <Table.Th ta="right">{t("lkjip.col.shareOfEnd")}</Table.Th>
                <Table.Th ta="right">{t("lkjip.col.national")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.indicators.map((i) => (
                <Table.Tr key={i.planIndicatorId}>
                  <Table.Td className="sticky-col">
                    {i.name}{" "}
                    <Text span size="xs" c="dimmed">
                      ({i.unit})
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    {i.target}{" "}
                    <Text span size="xs" c="dimmed">
                      {t(`lkjip.from.${i.targetFrom}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{num(i.realisasi)}</Table.Td>
                  <Table.Td ta="right" title={i.capaian.reason ?? i.capaian.category ?? ""}>
                    {i.capaian.value === null ? t("lkjip.notComputable") : pct(i.capaian.value)}
                  </Table.Td>
                  <Table.Td ta="right">{num(i.previous)}</Table.Td>
                  <Table.Td ta="right">
                    {signed(i.change)}
                    {i.changeStanding && (
                      <Text span size="xs" c="dimmed">
                        {" "}
                        {t(`lkjip.standing.${i.changeStanding}`)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{i.end ?? "-"}</Table.Td>
                  <Table.Td ta="right">{pct(i.shareOfEnd.value)}</Table.Td>
                  <Table.Td ta="right">
                    {num(i.national)}
                    {i.nationalStanding && (
                      <Text span size="xs" c="dimmed">
                        {" "}
                        {t(`lkjip.nationalStanding.${i.nationalStanding}`)}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </WideScroll>
        <Group gap="xs" data-testid={`lkjip-efficiency-${s.number}`}>
          <Text size="sm">{t("lkjip.efficiency", { capaian: num(e.capaian), serapan: num(e.serapan) })}</Text>
          {e.efisiensi !== null && e.level ? (
            <Badge color={e.level.id === "Efisien" ? "teal" : "orange"} variant="light">
              {t("lkjip.efficiencyValue", { value: formatNumberId(e.efisiensi, 2), level: e.level.id })}
            </Badge>
          ) : (
            <Text size="xs" c="dimmed">
              {e.reason?.id}
            </Text>
          )}
        </Group>
        <Text size="sm" fw={600}>
          {t("lkjip.programsTitle")}
        </Text>
        <WideScroll label={t("lkjip.programsTitle")}>
          <Table withTableBorder withColumnBorders fz="xs" miw={560}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("lkjip.col.program")}</Table.Th>
                <Table.Th ta="right">{t("lkjip.col.capaian")}</Table.Th>
                <Table.Th ta="right">{t("lkjip.col.serapan")}</Table.Th>
                <Table.Th>{t("lkjip.col.role")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.programs.map((p) => (
                <Table.Tr key={p.nodeId}>
                  <Table.Td>{p.code ? `${p.code} ${p.name}` : p.name}</Table.Td>
                  <Table.Td ta="right">
                    {p.indicators.map((i) => pct(i.capaian.value)).join("; ") || "-"}
                  </Table.Td>
                  <Table.Td ta="right">{pct(p.serapan)}</Table.Td>
                  <Table.Td>{p.roleLabel.id}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </WideScroll>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {(["penyebab", "solusi"] as const).map((section) => (
            <Textarea
              key={section}
              label={t(`lkjip.${section}`)}
              autosize
              minRows={3}
              maxRows={10}
              readOnly={!editable}
              value={drafts.value(section, s.nodeId).body}
              onChange={(ev) => drafts.set(section, s.nodeId, { body: ev.currentTarget.value })}
              data-testid={`lkjip-${section}-${s.number}`}
            />
          ))}
        </SimpleGrid>
        {s.indicators.map((i) => {
          const draft = drafts.value("nasional", i.planIndicatorId);
          return (
            <SimpleGrid key={i.planIndicatorId} cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t("lkjip.nationalFigure", { name: i.name })}
                readOnly={!editable}
                value={draft.body.replace(".", ",")}
                onChange={(ev) => drafts.set("nasional", i.planIndicatorId, { body: ev.currentTarget.value })}
              />
              <TextInput
                label={t("lkjip.nationalSource")}
                readOnly={!editable}
                value={draft.source ?? ""}
                onChange={(ev) =>
                  drafts.set("nasional", i.planIndicatorId, { source: ev.currentTarget.value || null })
                }
              />
            </SimpleGrid>
          );
        })}
        {editable && <SaveBar drafts={drafts} keys={keys} testId={`lkjip-save-sasaran-${s.number}`} />}
      </Stack>
    </Paper>
  );
}
