import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiSend } from "../../api";
import { formatNumberId } from "../../format";
import type { PopulationGrid, Prevalence } from "./populationsApi";

/** Sets a prevalence for the year: the region's own, or (for national managers) the national one. */
export function PrevalenceModal({
  grid,
  prevalence,
  onClose,
}: {
  grid: PopulationGrid;
  prevalence: Prevalence | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [code, setCode] = useState<Prevalence["code"]>(prevalence?.code ?? "HIPERTENSI");
  const [scope, setScope] = useState(prevalence && prevalence.orgUnitId === null ? "national" : "own");
  const [percent, setPercent] = useState(prevalence ? formatNumberId(prevalence.percent) : "");
  const [source, setSource] = useState(prevalence?.source ?? "");
  const [sourceYear, setSourceYear] = useState(String(prevalence?.sourceYear ?? grid.year));
  const save = useMutation({
    mutationFn: () =>
      apiSend("PUT", "/spm/prevalences", {
        code,
        orgUnitId: scope === "own" ? grid.unit.id : null,
        year: grid.year,
        percent: percent.trim(),
        source: source.trim(),
        sourceYear: Number(sourceYear),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["population-grid"] });
      onClose();
    },
  });
  const valid =
    /^\d{1,3}([.,]\d{1,4})?$/.test(percent.trim()) && source.trim() !== "" && /^\d{4}$/.test(sourceYear);

  return (
    <Modal opened onClose={onClose} title={t("populations.estimates.prevalences", { year: grid.year })}>
      <Stack>
        <Select
          label={t("populations.estimates.disease")}
          data={(["HIPERTENSI", "DM"] as const).map((c) => ({
            value: c,
            label: t(`populations.estimates.${c}`),
          }))}
          value={code}
          allowDeselect={false}
          onChange={(value) => value && setCode(value as Prevalence["code"])}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t("populations.estimates.appliesTo")}
          </Text>
          <SegmentedControl
            aria-label={t("populations.estimates.appliesTo")}
            value={scope}
            onChange={setScope}
            data={[
              { value: "own", label: grid.unit.name },
              { value: "national", label: t("populations.estimates.national") },
            ]}
          />
          {scope === "national" && (
            <Text size="xs" c="dimmed">
              {t("populations.estimates.nationalNote")}
            </Text>
          )}
        </Stack>
        <TextInput
          label={t("populations.estimates.percent")}
          placeholder={t("populations.estimates.percentHint")}
          inputMode="decimal"
          value={percent}
          onChange={(e) => setPercent(e.currentTarget.value)}
        />
        <TextInput
          label={t("populations.estimates.source")}
          placeholder="Riskesdas"
          maxLength={200}
          value={source}
          onChange={(e) => setSource(e.currentTarget.value)}
        />
        <TextInput
          label={t("populations.estimates.sourceYear")}
          inputMode="numeric"
          maxLength={4}
          value={sourceYear}
          onChange={(e) => setSourceYear(e.currentTarget.value)}
        />
        {save.isError && <Alert color="red">{save.error.message}</Alert>}
        <Group justify="flex-end">
          <Button variant="subtle" color="gray" onClick={onClose}>
            {t("populations.estimates.cancel")}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!valid}>
            {t("populations.estimates.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
