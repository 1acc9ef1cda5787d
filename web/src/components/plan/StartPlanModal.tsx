import {
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import type { PlanSummary } from "../../../../src/plans/schemas";
import { ApiError, apiSend } from "../../api";
import { useOrgUnits } from "../../queries";

/** Years a plan can be started for: a couple back, five ahead (the server refuses beyond). */
export function startableYears(thisYear = new Date().getFullYear()) {
  return Array.from({ length: 8 }, (_, i) => thisYear - 2 + i);
}

interface Props {
  year: number;
  plans: PlanSummary[];
  onClose: () => void;
}

/** "Buat rencana": an empty RAK or a copy of another year's plan in force, then open it in the editor. */
export function StartPlanModal({ year: initialYear, plans, onClose }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const units = useOrgUnits();
  const [year, setYear] = useState(initialYear);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [mode, setMode] = useState<"empty" | "copy">("empty");
  const [copyFrom, setCopyFrom] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const list = units.data ?? [];
  // The Dinas plans first: default to the user's kab/kota, else the top unit they can see.
  const unit = list.find((u) => u.id === unitId) ?? list.find((u) => u.type === "kabupaten_kota") ?? list[0];
  const own = plans.filter((p) => p.orgUnitId === unit?.id && p.kind === "rak");
  const existing = own.filter((p) => p.year === year).at(-1);
  const sourceYears = [...new Set(own.map((p) => p.year))].filter((y) => y !== year).sort((a, b) => b - a);
  const source = copyFrom ?? String(sourceYears.find((y) => y < year) ?? sourceYears[0] ?? "");
  const office = unit?.officeName ?? unit?.name ?? "";

  const create = async () => {
    if (!unit) return;
    setBusy(true);
    setError(null);
    try {
      const started = await apiSend<{ id: string }>("POST", "/plans", {
        orgUnitId: unit.id,
        year,
        ...(mode === "copy" && source ? { copyFromYear: Number(source) } : {}),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      await queryClient.invalidateQueries({ queryKey: ["plans"] });
      onClose();
      navigate(`/rencana/${started.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t("planStart.modal.title")} size="lg">
      <Stack>
        <Group grow align="start" wrap="wrap">
          <Select
            label={t("planStart.year")}
            data={startableYears().map(String)}
            value={String(year)}
            allowDeselect={false}
            onChange={(y) => y && setYear(Number(y))}
            miw={120}
          />
          <Select
            label={t("planStart.modal.orgUnit")}
            searchable
            data={list.map((u) => ({ value: u.id, label: u.officeName ?? u.name }))}
            value={unit?.id ?? null}
            allowDeselect={false}
            onChange={setUnitId}
            miw={220}
          />
        </Group>
        <SegmentedControl
          aria-label={t("planStart.modal.content")}
          value={mode}
          onChange={(m) => setMode(m as "empty" | "copy")}
          data={[
            { value: "empty", label: t("planStart.modal.empty") },
            { value: "copy", label: t("planStart.modal.copy") },
          ]}
        />
        {mode === "copy" &&
          (sourceYears.length > 0 ? (
            <>
              <Select
                label={t("planStart.modal.copyFrom")}
                data={sourceYears.map(String)}
                value={source}
                allowDeselect={false}
                onChange={setCopyFrom}
                w={160}
              />
              <Text size="sm" c="dimmed">
                {t("planStart.modal.copyHint")}
              </Text>
            </>
          ) : (
            <Alert color="yellow">{t("planStart.modal.noSource")}</Alert>
          ))}
        <TextInput
          label={t("planStart.modal.reason")}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        {existing && (
          <Alert color="yellow" data-testid="plan-exists">
            <Stack gap={4}>
              <Text size="sm">{t("planStart.modal.exists", { office, year })}</Text>
              <Anchor component={Link} to={`/rencana/${existing.id}`} onClick={onClose} size="sm">
                {t("planStart.modal.open", { year })}
              </Anchor>
            </Stack>
          </Alert>
        )}
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("planStart.modal.cancel")}
          </Button>
          <Button
            onClick={create}
            loading={busy}
            disabled={!unit || Boolean(existing) || (mode === "copy" && !source)}
          >
            {t("planStart.modal.create")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
