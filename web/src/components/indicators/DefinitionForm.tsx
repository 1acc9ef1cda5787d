import { checkDefinition } from "@domain";
import {
  Alert,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api";
import { DefinitionPreview } from "./DefinitionPreview";
import {
  type DefinitionDraftInput,
  type DefinitionList,
  type DefinitionRow,
  saveDefinition,
  useDefinitionCheck,
} from "./definitionsApi";

interface Props {
  existing: DefinitionRow | null;
  list: DefinitionList;
  orgUnitId: string;
  onClose: () => void;
}

const blank: DefinitionDraftInput = {
  code: "",
  name: "",
  unit: "%",
  kind: "ratio",
  factor: 100,
  polarity: "higher",
  lowerFormula: "two_target_minus",
  timeAggregation: "sum",
  numerator: "",
  denominator: "",
  definition: "",
};

function draftOf(row: DefinitionRow | null): DefinitionDraftInput {
  if (!row) return blank;
  return {
    code: row.code ?? "",
    name: row.name,
    unit: row.unit,
    kind: row.kind,
    factor: row.factor,
    polarity: row.polarity,
    lowerFormula: row.lowerFormula,
    timeAggregation: row.timeAggregation,
    numerator: row.numerator ?? "",
    denominator: row.denominator ?? "",
    definition: row.definition ?? "",
  };
}

/** Creates or edits a definition; the formula is checked on every keystroke and previewed on approved data. */
export function DefinitionForm({ existing, list, orgUnitId, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(() => draftOf(existing));
  const [focused, setFocused] = useState<"numerator" | "denominator">("numerator");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<DefinitionDraftInput>) => setDraft((d) => ({ ...d, ...change }));
  const elements = useMemo(() => new Set(list.elements.map((e) => e.code)), [list]);
  const local = checkDefinition(draft, { elements });
  const check = useDefinitionCheck(draft, orgUnitId, existing?.id);
  // The server also knows the other indicators' codes (a cycle); its issues join the instant ones.
  const issues = [...local, ...(check.data?.issues ?? [])].filter(
    (issue, index, all) =>
      all.findIndex(
        (o) => o.field === issue.field && o.code === issue.code && o.position === issue.position,
      ) === index,
  );
  type Issue = (typeof issues)[number];
  const say = (issue: Issue) => (i18n.language === "en" ? issue.message.en : issue.message.id);
  const errorsOf = (field: Issue["field"]) =>
    issues
      .filter((i) => i.field === field)
      .map(say)
      .join(" · ") || undefined;
  const ratio = draft.kind === "ratio";
  const signed = existing?.usedBySigned ?? 0;

  const insert = (code: string | null) => {
    if (!code) return;
    const current = draft[focused] ?? "";
    set({ [focused]: `${current}${current.trim() ? " " : ""}#{${code}}` });
  };

  const save = async () => {
    setError(null);
    setBusy(true);
    try {
      await saveDefinition(draft, existing, orgUnitId, reason);
      await queryClient.invalidateQueries({ queryKey: ["indicator-definitions"] });
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={
        existing
          ? t("indicators.form.editTitle", { code: existing.code ?? existing.name })
          : t("indicators.form.newTitle")
      }
    >
      <Stack gap="sm">
        <TextInput
          label={t("indicators.form.code")}
          description={t("indicators.form.codeHint")}
          required
          value={draft.code}
          onChange={(e) => set({ code: e.currentTarget.value.toUpperCase() })}
        />
        <TextInput
          label={t("indicators.form.name")}
          required
          value={draft.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
        />
        <div>
          <Text size="sm" fw={500}>
            {t("indicators.form.kind")}
          </Text>
          <SegmentedControl
            aria-label={t("indicators.form.kind")}
            fullWidth
            value={draft.kind}
            disabled={signed > 0}
            onChange={(kind) =>
              set({ kind: kind as DefinitionDraftInput["kind"], factor: kind === "ratio" ? 100 : null })
            }
            data={(["ratio", "count", "direct"] as const).map((k) => ({
              value: k,
              label: t(`indicators.kinds.${k}`),
            }))}
          />
        </div>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {ratio && (
            <Select
              label={t("indicators.form.factor")}
              value={String(draft.factor ?? "")}
              onChange={(f) => set({ factor: f ? Number(f) : null })}
              data={[1, 100, 1000, 100000].map((f) => ({
                value: String(f),
                label: f.toLocaleString("id-ID"),
              }))}
              error={errorsOf("factor")}
            />
          )}
          <TextInput
            label={t("indicators.form.unit")}
            value={draft.unit}
            onChange={(e) => set({ unit: e.currentTarget.value })}
            error={errorsOf("unit")}
          />
        </SimpleGrid>
        <Select
          label={t("indicators.form.elements")}
          placeholder={t("indicators.form.insert")}
          searchable
          value={null}
          onChange={insert}
          data={list.elements.map((e) => ({ value: e.code, label: `${e.code} — ${e.name}` }))}
        />
        <Textarea
          label={ratio ? t("indicators.form.numerator") : t("indicators.form.value")}
          description={t("indicators.form.expressionHint")}
          autosize
          minRows={1}
          ff="monospace"
          value={draft.numerator}
          onFocus={() => setFocused("numerator")}
          onChange={(e) => set({ numerator: e.currentTarget.value })}
          error={errorsOf("numerator")}
          data-testid="numerator"
        />
        {ratio && (
          <Textarea
            label={t("indicators.form.denominator")}
            autosize
            minRows={1}
            ff="monospace"
            value={draft.denominator ?? ""}
            onFocus={() => setFocused("denominator")}
            onChange={(e) => set({ denominator: e.currentTarget.value })}
            error={errorsOf("denominator")}
            data-testid="denominator"
          />
        )}
        {issues.length === 0 && (
          <Text size="sm" c="teal.8">
            ✓ {t("indicators.form.valid")}
          </Text>
        )}
        <DefinitionPreview check={check} blocked={issues.some((i) => i.field !== "unit")} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t("indicators.form.polarity")}
            value={draft.polarity}
            allowDeselect={false}
            onChange={(p) => p && set({ polarity: p as DefinitionDraftInput["polarity"] })}
            data={[
              { value: "higher", label: t("indicators.form.higher") },
              { value: "lower", label: t("indicators.form.lower") },
            ]}
          />
          {draft.polarity === "lower" && (
            <Select
              label={t("indicators.form.lowerFormula")}
              value={draft.lowerFormula}
              allowDeselect={false}
              onChange={(f) => f && set({ lowerFormula: f as DefinitionDraftInput["lowerFormula"] })}
              data={[
                { value: "two_target_minus", label: t("indicators.form.twoTargetMinus") },
                { value: "target_over_realisasi", label: t("indicators.form.targetOverRealisasi") },
              ]}
            />
          )}
        </SimpleGrid>
        <Select
          label={t("indicators.form.timeAggregation")}
          description={t("indicators.form.orgUnits")}
          value={draft.timeAggregation}
          allowDeselect={false}
          onChange={(a) => a && set({ timeAggregation: a as DefinitionDraftInput["timeAggregation"] })}
          data={(["sum", "latest", "mean"] as const).map((a) => ({
            value: a,
            label: t(`indicators.time.${a}`),
          }))}
        />
        <Textarea
          label={t("indicators.form.definition")}
          autosize
          minRows={2}
          value={draft.definition ?? ""}
          onChange={(e) => set({ definition: e.currentTarget.value })}
        />
        {signed > 0 && (
          <>
            <Alert color="yellow">{t("indicators.form.reasonNeeded", { count: signed })}</Alert>
            <TextInput
              label={t("indicators.form.reason")}
              required
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
          </>
        )}
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("indicators.form.cancel")}
          </Button>
          <Button
            onClick={save}
            loading={busy}
            disabled={issues.length > 0 || (signed > 0 && !reason.trim())}
          >
            {t("indicators.form.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
