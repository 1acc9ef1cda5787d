import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PlanIndicator } from "../../../../src/plans/schemas";
import { ApiError } from "../../api";
import { useDefinitions } from "../indicators/definitionsApi";

/** "Dari data" (a definition computes the realisasi from approved reports) or "diisi langsung". */
export function SourceChoice({
  definitionId,
  onChange,
}: {
  definitionId: string | null;
  onChange: (definitionId: string | null) => void;
}) {
  const { t } = useTranslation();
  const definitions = useDefinitions(true);
  const [fromData, setFromData] = useState(definitionId !== null);
  const options = (definitions.data?.definitions ?? []).map((d) => ({
    value: d.id,
    label: `${d.code ? `${d.code} — ` : ""}${d.name} (${d.unit})`,
  }));
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t("indicators.link.source")}
      </Text>
      <SegmentedControl
        aria-label={t("indicators.link.source")}
        value={fromData ? "data" : "direct"}
        onChange={(v) => {
          setFromData(v === "data");
          if (v === "direct") onChange(null);
        }}
        data={[
          { value: "data", label: t("indicators.link.fromData") },
          { value: "direct", label: t("indicators.link.direct") },
        ]}
      />
      {fromData &&
        (definitions.isSuccess && options.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("indicators.link.noDefinitions")}
          </Text>
        ) : (
          <Select
            label={t("indicators.link.definition")}
            placeholder={t("indicators.link.pick")}
            searchable
            value={definitionId}
            onChange={onChange}
            data={options}
          />
        ))}
    </Stack>
  );
}

interface Props {
  indicator: PlanIndicator;
  onClose: () => void;
  submit: (body: { revision: number; definitionId: string | null }) => Promise<void>;
}

/** Changes where a plan indicator's realisasi comes from; the plan's audit records the change. */
export function LinkDefinitionModal({ indicator, onClose, submit }: Props) {
  const { t } = useTranslation();
  const [definitionId, setDefinitionId] = useState(indicator.definitionId);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await submit({ revision: indicator.revision, definitionId });
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t("indicators.link.title", { name: indicator.name })} size="lg">
      <Stack>
        <SourceChoice definitionId={definitionId} onChange={setDefinitionId} />
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("plans.edit.cancel")}
          </Button>
          <Button onClick={save} loading={busy}>
            {t("indicators.link.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
