import {
  Alert,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { SpmQuarterService } from "../../../../src/spm/quarter-types";
import { ApiError } from "../../api";
import { type QuarterEntry, useQuarterSaver } from "./useQuarterReport";

const STATUSES = ["belum", "proses", "selesai"] as const;

interface Props {
  service: SpmQuarterService;
  orgUnitId: string;
  year: number;
  quarter: number;
  onClose: () => void;
}

/** The Dinas's entries for one service in one quarter: the four steps, problems, solutions, action plan, mutu. */
export function QuarterEntryModal({ service, orgUnitId, year, quarter, onClose }: Props) {
  const { t } = useTranslation();
  const saver = useQuarterSaver(orgUnitId, year, quarter);
  const [entry, setEntry] = useState<QuarterEntry>({
    serviceId: service.serviceId,
    steps: service.steps.map(({ status, note }) => ({ status, note })),
    masalah: service.masalah,
    solusi: service.solusi,
    rencanaAksi: service.rencanaAksi,
    mutuPercent: service.mutuPercent,
    revision: service.revision,
  });
  const text = (value: string) => (value.trim() === "" ? null : value);
  const setStep = (i: number, change: Partial<QuarterEntry["steps"][number]>) =>
    setEntry((e) => ({ ...e, steps: e.steps.map((s, j) => (j === i ? { ...s, ...change } : s)) }));

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t("spmQuarter.editTitle", {
        service: service.name,
        quarter: ["I", "II", "III", "IV"][quarter - 1],
      })}
    >
      <Stack>
        {service.steps.map((step, i) => (
          <Stack key={step.key} gap={4}>
            <Text size="sm" fw={600}>
              {i + 1}. {step.label}
            </Text>
            <SegmentedControl
              size="xs"
              aria-label={step.label}
              value={entry.steps[i]?.status ?? "belum"}
              onChange={(value) => setStep(i, { status: value as (typeof STATUSES)[number] })}
              data={STATUSES.map((s) => ({ value: s, label: t(`spmQuarter.status.${s}`) }))}
            />
            <TextInput
              size="xs"
              aria-label={`${step.label} — ${t("spmQuarter.stepNote")}`}
              placeholder={t("spmQuarter.stepNote")}
              value={entry.steps[i]?.note ?? ""}
              onChange={(e) => setStep(i, { note: text(e.currentTarget.value) })}
            />
          </Stack>
        ))}
        {(["masalah", "solusi", "rencanaAksi"] as const).map((field) => (
          <Textarea
            key={field}
            label={t(`spmQuarter.${field}`)}
            autosize
            minRows={2}
            value={entry[field] ?? ""}
            onChange={(e) => {
              const value = text(e.currentTarget.value);
              setEntry((x) => ({ ...x, [field]: value }));
            }}
          />
        ))}
        <TextInput
          label={t("spmQuarter.mutuLabel")}
          description={t("spmQuarter.mutuHelp")}
          inputMode="decimal"
          value={entry.mutuPercent ?? ""}
          onChange={(e) => {
            const value = text(e.currentTarget.value);
            setEntry((x) => ({ ...x, mutuPercent: value }));
          }}
        />
        {saver.error && (
          <Alert color="red">
            {saver.error instanceof ApiError ? saver.error.message : String(saver.error)}
          </Alert>
        )}
        <Group justify="end">
          <Button variant="default" onClick={onClose}>
            {t("spmQuarter.cancel")}
          </Button>
          <Button loading={saver.isPending} onClick={() => saver.mutate(entry, { onSuccess: onClose })}>
            {t("spmQuarter.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
