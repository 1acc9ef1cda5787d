import { parseRupiah } from "@domain";
import { Alert, Button, Group, Modal, SegmentedControl, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api";
import { SourceChoice } from "./LinkDefinitionModal";
import type { Level } from "./rows";

export type AddTarget =
  | { kind: "node"; parentId: string | null; level: Level; parentName?: string }
  | { kind: "indicator"; nodeId: string; nodeName: string };

interface Props {
  target: AddTarget;
  onClose: () => void;
  submit: (path: string, body: unknown) => Promise<void>;
}

/** Adds a sasaran/program/kegiatan or an indicator; targets are typed the Indonesian way. */
export function AddItemModal({ target, onClose, submit }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<string, string>>({ polarity: "higher" });
  const [definitionId, setDefinitionId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = (name: string, label: string, extra: { required?: boolean; placeholder?: string } = {}) => (
    <TextInput
      label={label}
      required={extra.required}
      placeholder={extra.placeholder}
      value={values[name] ?? ""}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setValues((v) => ({ ...v, [name]: value }));
      }}
    />
  );

  const save = async () => {
    setError(null);
    let path: string;
    let body: unknown;
    if (target.kind === "node") {
      const budget = parseRupiah(values.budget ?? "");
      if (budget === undefined) return setError(t("plans.edit.badBudget"));
      path = "/nodes";
      body = {
        parentId: target.parentId,
        level: target.level,
        name: values.name ?? "",
        code: values.code?.trim() || null,
        budget,
      };
    } else {
      path = `/nodes/${target.nodeId}/indicators`;
      body = {
        name: values.name ?? "",
        unit: values.unit ?? "",
        targetYear: values.targetYear ?? "",
        quarters: ["q1", "q2", "q3", "q4"].map((q) => values[q] ?? ""),
        polarity: values.polarity,
        definitionId,
      };
    }
    setBusy(true);
    try {
      await submit(path, body);
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const title =
    target.kind === "node"
      ? t("plans.edit.addNodeTitle", { level: t(`plans.levels.${target.level}`) })
      : t("plans.edit.addIndicatorTitle", { node: target.nodeName });
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <Stack>
        {field("name", t("plans.edit.name"), { required: true })}
        {target.kind === "node" ? (
          <SimpleGrid cols={2}>
            {field("code", t("plans.edit.code"), { placeholder: "1.02.02" })}
            {field("budget", t("plans.columns.budget"), { placeholder: "Rp 1.250.000.000" })}
          </SimpleGrid>
        ) : (
          <>
            <SimpleGrid cols={2}>
              {field("unit", t("plans.columns.unit"), { required: true, placeholder: "%" })}
              {field("targetYear", t("plans.columns.target"), { placeholder: "72,18" })}
            </SimpleGrid>
            <SimpleGrid cols={4}>
              {["q1", "q2", "q3", "q4"].map((q, i) =>
                field(q, `TW ${["I", "II", "III", "IV"][i]}`, { placeholder: "-" }),
              )}
            </SimpleGrid>
            <SegmentedControl
              aria-label={t("planVersions.fields.polarity")}
              value={values.polarity ?? "higher"}
              onChange={(polarity) => setValues((v) => ({ ...v, polarity }))}
              data={[
                { value: "higher", label: t("plans.edit.polarityHigher") },
                { value: "lower", label: t("plans.edit.polarityLower") },
              ]}
            />
            <SourceChoice definitionId={definitionId} onChange={setDefinitionId} />
          </>
        )}
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("plans.edit.cancel")}
          </Button>
          <Button onClick={save} loading={busy}>
            {t("plans.edit.add")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
