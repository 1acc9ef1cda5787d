import { Alert, Button, Group, Modal, MultiSelect, Stack, Text, TextInput } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { SpmBudgetLinks } from "../../../../src/spm/budget-link-schemas";
import type { SpmQuarterService } from "../../../../src/spm/quarter-types";
import { ApiError, apiGet, apiSend } from "../../api";
import { formatRupiah } from "../../format";
import { QueryState } from "../QueryState";

interface Props {
  service: SpmQuarterService;
  orgUnitId: string;
  year: number;
  onClose: () => void;
}

export const budgetLinksKey = (orgUnitId: string, year: number) => ["spm-budget-links", orgUnitId, year];

/** Which kegiatan of the year's RAK/PK/Renja serve one SPM service: their pagu is its budget in the e-SPM report. */
export function BudgetLinkModal({ service, orgUnitId, year, onClose }: Props) {
  const { t } = useTranslation();
  const choices = useQuery({
    queryKey: budgetLinksKey(orgUnitId, year),
    queryFn: () => apiGet<SpmBudgetLinks>(`/spm/budget-links?orgUnitId=${orgUnitId}&year=${year}`),
  });
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t("spmQuarter.budgetLink.title", { service: service.name })}
    >
      <QueryState query={choices}>
        {(data) => <Form data={data} service={service} orgUnitId={orgUnitId} year={year} onClose={onClose} />}
      </QueryState>
    </Modal>
  );
}

function Form({ data, service, orgUnitId, year, onClose }: Props & { data: SpmBudgetLinks }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [chosen, setChosen] = useState(
    data.links.find((l) => l.serviceId === service.serviceId)?.planNodeIds ?? [],
  );
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const plans = [...new Set(data.kegiatan.map((k) => k.planTitle))];
  const options = plans.map((plan) => ({
    group: plan,
    items: data.kegiatan
      .filter((k) => k.planTitle === plan)
      .map((k) => ({
        value: k.planNodeId,
        label: `${k.level === "sub_kegiatan" ? "↳ " : ""}${k.code ? `${k.code} ` : ""}${k.name} (${
          k.budget === null ? t("spmQuarter.budgetLink.noPagu") : formatRupiah(k.budget)
        })`,
      })),
  }));
  const total = data.kegiatan
    .filter((k) => chosen.includes(k.planNodeId))
    .reduce((sum, k) => sum + (k.budget ?? 0), 0);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await apiSend("PUT", "/spm/budget-links", {
        orgUnitId,
        year,
        serviceId: service.serviceId,
        planNodeIds: chosen,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      await Promise.all([
        client.invalidateQueries({ queryKey: budgetLinksKey(orgUnitId, year) }),
        client.invalidateQueries({ queryKey: ["spm-quarter", orgUnitId, year] }),
      ]);
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack>
      {data.kegiatan.length === 0 ? (
        <Alert color="blue" data-testid="budget-link-none">
          {t("spmQuarter.budgetLink.noKegiatan", { year })}
        </Alert>
      ) : (
        <MultiSelect
          label={t("spmQuarter.budgetLink.label")}
          description={t("spmQuarter.budgetLink.help", { year })}
          searchable
          clearable
          value={chosen}
          onChange={setChosen}
          data={options}
          comboboxProps={{ withinPortal: true }}
          data-testid="budget-link-select"
        />
      )}
      <Text size="sm" data-testid="budget-link-total">
        {t("spmQuarter.budgetLink.total", { amount: formatRupiah(total) })}
      </Text>
      <TextInput
        label={t("spmQuarter.budgetLink.reason")}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
      {error && <Alert color="red">{error}</Alert>}
      <Group justify="end">
        <Button variant="default" onClick={onClose}>
          {t("spmQuarter.cancel")}
        </Button>
        <Button
          loading={busy}
          onClick={save}
          disabled={data.kegiatan.length === 0 && chosen.length === 0}
          data-testid="budget-link-save"
        >
          {t("spmQuarter.save")}
        </Button>
      </Group>
    </Stack>
  );
}
