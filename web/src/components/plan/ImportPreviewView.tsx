import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatNumberId, formatRupiah } from "../../format";
import { RakTable } from "../RakTable";
import { documentToPlan } from "./documentToPlan";
import type { ImportPreview } from "./upload";
import { VersionChanges } from "./VersionChanges";
import "../wide-table.css";
import { WideScroll } from "../WideScroll";

interface Props {
  preview: ImportPreview;
  saving: boolean;
  onSave: () => void;
}

/** What the file holds, what looks odd in it (kept as written), and the tree as it will be saved. */
export function ImportPreviewView({ preview, saving, onSave }: Props) {
  const { t, i18n } = useTranslation();
  const { summary, warnings, version } = preview;
  const counts = [
    ["sasaran", summary.sasaran],
    ["program", summary.program],
    ["kegiatan", summary.kegiatan],
    ["sub_kegiatan", summary.subKegiatan],
    ["indicators", summary.indicators],
  ] as const;
  return (
    <Stack data-testid="import-preview">
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={4}>{t("plans.import.summaryTitle")}</Title>
          {/* Wraps rather than squeezing the Rupiah total into a sixth of the width. */}
          <Group gap="xl" align="start">
            {counts.map(([key, n]) => (
              <Stack gap={0} key={key}>
                <Text size="xs" c="dimmed">
                  {t(`plans.import.counts.${key}`)}
                </Text>
                <Text fw={700} data-testid={`count-${key}`}>
                  {formatNumberId(String(n))}
                </Text>
              </Stack>
            ))}
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t("plans.import.budgetTotal")}
              </Text>
              <Text fw={700} data-testid="budget-total" style={{ whiteSpace: "nowrap" }}>
                {formatRupiah(summary.budgetTotal)}
              </Text>
            </Stack>
          </Group>
        </Stack>
      </Paper>
      <Paper withBorder p="md" data-testid="import-version">
        {version.sameAs !== null ? (
          <Alert color="blue" title={t("planVersions.unchangedTitle")} data-testid="import-unchanged">
            {t("planVersions.unchanged", { version: version.sameAs })}
          </Alert>
        ) : (
          <Stack>
            <Text>
              {version.active
                ? t("planVersions.question", {
                    version: version.active.version,
                    status: t(`plans.status.${version.active.status}`).toLowerCase(),
                    next: version.nextVersion,
                  })
                : t("planVersions.firstVersion")}
            </Text>
            {version.active && <VersionChanges changes={version.changes} version={version.active.version} />}
            {version.active && (
              <Text size="sm" c="dimmed">
                {t("planVersions.carryHint")}
              </Text>
            )}
            <Group>
              <Button onClick={onSave} loading={saving} data-testid="import-save">
                {version.active
                  ? t("planVersions.saveNew", { version: version.nextVersion })
                  : t("plans.import.save")}
              </Button>
            </Group>
          </Stack>
        )}
      </Paper>
      {warnings.length > 0 ? (
        <Alert
          color="orange"
          variant="light"
          title={t("plans.import.warningsTitle", { count: warnings.length })}
        >
          <Text size="sm" mb="xs">
            {t("plans.import.warningsExplain")}
          </Text>
          <Table fz="sm" verticalSpacing={2} data-testid="import-warnings">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={90}>{t("plans.import.row")}</Table.Th>
                <Table.Th>{t("plans.import.warning")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {warnings.map((w, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: warnings are listed once, in file order
                <Table.Tr key={i}>
                  <Table.Td>{w.row === null ? "—" : <Badge variant="outline">{w.row}</Badge>}</Table.Td>
                  <Table.Td>{i18n.language === "en" ? w.messageEn : w.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Alert>
      ) : (
        <Alert color="teal">{t("plans.import.noWarnings")}</Alert>
      )}
      <Paper withBorder p="md">
        {/* A wide plan scrolls inside its own box, never the whole page. */}
        <WideScroll label={t("plans.kinds.rak")}>
          <RakTable plan={documentToPlan(preview.document)} />
        </WideScroll>
      </Paper>
    </Stack>
  );
}
