import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router-dom";
import { apiDownload, apiSend } from "../../api";
import { labelOf } from "../data-entry/periods";
import { AssignmentTree } from "./AssignmentTree";
import type { DataElementRow, DataSetDetail, DataSetInput } from "./api";
import { ElementPicker } from "./ElementPicker";
import { RulesEditor } from "./RulesEditor";

const EMPTY: DataSetInput = {
  code: "",
  name: "",
  periodType: "month",
  deadlineDays: 10,
  jumpPercent: 50,
  openFrom: null,
  openFuturePeriods: 0,
  rules: [],
  elements: [],
  orgUnitIds: [],
  effectiveFrom: null,
};

function draftOf(detail: DataSetDetail | undefined): DataSetInput {
  if (!detail) return EMPTY;
  return {
    code: detail.code,
    name: detail.name,
    periodType: detail.periodType,
    deadlineDays: detail.deadlineDays,
    jumpPercent: detail.jumpPercent,
    openFrom: detail.openFrom,
    openFuturePeriods: detail.openFuturePeriods,
    rules: detail.rules,
    elements: detail.elements.map((e) => ({ dataElementId: e.dataElementId, section: e.section })),
    orgUnitIds: detail.orgUnitIds,
    effectiveFrom: null,
  };
}

/** Creates or edits one data set: settings and entry window, elements, rules, reporting units. */
export function DataSetEditor({ detail, catalog }: { detail?: DataSetDetail; catalog: DataElementRow[] }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<DataSetInput>(() => draftOf(detail));
  const location = useLocation();
  // A new data set is saved, then its page opens: it still says so.
  const [saved, setSaved] = useState(Boolean((location.state as { saved?: boolean } | null)?.saved));
  const readOnly = detail !== undefined && !detail.editable;
  const patch = (p: Partial<DataSetInput>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...p }));
  };
  const codes = draft.elements.map((e) => catalog.find((c) => c.id === e.dataElementId)?.code ?? "");
  const save = useMutation({
    mutationFn: () =>
      detail
        ? apiSend<{ id: string }>("PUT", `/metadata/data-sets/${detail.id}`, {
            ...draft,
            revision: detail.revision,
          })
        : apiSend<{ id: string }>("POST", "/metadata/data-sets", draft),
    onSuccess: async ({ id }) => {
      await queryClient.invalidateQueries({ queryKey: ["metadata"] });
      setSaved(true);
      if (!detail) navigate(`/formulir-data/${id}`, { replace: true, state: { saved: true } });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const period = (text: string) => text.trim() || null;

  return (
    <Stack component="form" onSubmit={submit}>
      {readOnly && <Alert color="gray">{t("dataSets.edit.readOnly")}</Alert>}
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={4}>{t("dataSets.edit.settings")}</Title>
            {detail && (
              <Button
                variant="default"
                size="xs"
                onClick={() =>
                  void apiDownload(`/metadata/data-sets/${detail.id}/workbook.xlsx`, `${detail.code}.xlsx`)
                }
              >
                {t("dataSets.edit.download")}
              </Button>
            )}
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            <TextInput
              label={t("dataSets.edit.code")}
              required
              readOnly={readOnly}
              value={draft.code}
              onChange={(e) => patch({ code: e.currentTarget.value })}
            />
            <TextInput
              label={t("dataSets.edit.name")}
              required
              readOnly={readOnly}
              value={draft.name}
              onChange={(e) => patch({ name: e.currentTarget.value })}
            />
            <Select
              label={t("dataSets.edit.periodType")}
              readOnly={readOnly}
              allowDeselect={false}
              value={draft.periodType}
              data={(["month", "quarter", "year"] as const).map((p) => ({
                value: p,
                label: t(`dataSets.period.${p}`),
              }))}
              onChange={(p) => patch({ periodType: (p ?? "month") as DataSetInput["periodType"] })}
            />
            <NumberInput
              label={t("dataSets.edit.deadlineDays")}
              readOnly={readOnly}
              min={0}
              max={366}
              value={draft.deadlineDays}
              onChange={(v) => patch({ deadlineDays: Number(v) || 0 })}
            />
            <NumberInput
              label={t("dataSets.edit.jumpPercent")}
              readOnly={readOnly}
              min={1}
              value={draft.jumpPercent}
              onChange={(v) => patch({ jumpPercent: Number(v) || 1 })}
            />
            <TextInput
              label={t("dataSets.edit.openFrom")}
              description={t("dataSets.edit.openFromHelp")}
              readOnly={readOnly}
              value={draft.openFrom ?? ""}
              onChange={(e) => patch({ openFrom: period(e.currentTarget.value) })}
            />
            <NumberInput
              label={t("dataSets.edit.openFuture")}
              description={t("dataSets.edit.openFutureHelp")}
              readOnly={readOnly}
              min={0}
              max={24}
              value={draft.openFuturePeriods}
              onChange={(v) => patch({ openFuturePeriods: Number(v) || 0 })}
            />
            {detail?.reported && !readOnly && (
              <TextInput
                label={t("dataSets.edit.effectiveFrom")}
                description={t("dataSets.edit.effectiveFromHelp")}
                value={draft.effectiveFrom ?? ""}
                onChange={(e) => patch({ effectiveFrom: period(e.currentTarget.value) })}
              />
            )}
          </SimpleGrid>
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <ElementPicker
          value={draft.elements}
          onChange={(elements) => patch({ elements })}
          catalog={catalog}
          readOnly={readOnly}
        />
        {detail && detail.former.length > 0 && (
          <Stack gap={2} mt="sm">
            <Text size="sm" fw={600}>
              {t("dataSets.edit.former")}
            </Text>
            {detail.former.map((f) => (
              <Text size="sm" c="dimmed" key={`${f.dataElementId}-${f.validFrom}`}>
                {f.code} — {f.name} (
                {t("dataSets.edit.formerUntil", { period: labelOf(f.validTo ?? "", i18n.language) })})
              </Text>
            ))}
          </Stack>
        )}
      </Paper>
      <Paper withBorder p="md">
        <RulesEditor
          value={draft.rules}
          onChange={(rules) => patch({ rules })}
          codes={codes}
          readOnly={readOnly}
        />
      </Paper>
      <Paper withBorder p="md">
        <AssignmentTree
          value={draft.orgUnitIds}
          onChange={(orgUnitIds) => patch({ orgUnitIds })}
          readOnly={readOnly}
        />
      </Paper>
      {save.error && (
        <Alert color="red" data-testid="save-error">
          {save.error.message}
        </Alert>
      )}
      {saved && (
        <Alert color="green" data-testid="save-ok">
          {t("dataSets.edit.saved")}
        </Alert>
      )}
      {!readOnly && (
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t("dataSets.edit.save")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
