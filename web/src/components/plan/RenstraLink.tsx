import { readRenstraTarget, targetDeparture } from "@domain";
import { Alert, Anchor, Button, Group, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { RenstraOptions } from "../../../../src/plans/renstra-schemas";
import type { Plan, PlanIndicator } from "../../../../src/plans/schemas";
import { ApiError, apiGet, apiSend } from "../../api";
import { formatTarget } from "../../format";
import { useCan } from "../../session";
import { DepartureBadge } from "../renstra/CascadeTable";

type Option = RenstraOptions["groups"][number]["indicators"][number];
const NONE = "none";

/**
 * "Indikator Renstra" of each indicator of a PK/RAK: which Renstra indicator (IKU) it serves, with the
 * Renstra's target for the plan's year, or "tidak terkait". Read by everyone; set by planners, audited.
 */
export function useRenstraLinks(plan: Plan) {
  const { t } = useTranslation();
  const can = useCan();
  const yearly = plan.kind === "pk" || plan.kind === "rak";
  const options = useQuery({
    queryKey: ["renstra-options", plan.id],
    queryFn: () => apiGet<RenstraOptions>(`/plans/${plan.id}/renstra-options`),
    enabled: yearly,
  });
  const [linking, setLinking] = useState<PlanIndicator | null>(null);
  const groups = options.data?.groups ?? [];
  const byId = new Map(groups.flatMap((g) => g.indicators.map((i) => [i.planIndicatorId, i] as const)));
  const writable = can("plan.write") && groups.length > 0;

  const cell = (indicator: PlanIndicator) => {
    if (!yearly || (groups.length === 0 && !indicator.renstraIndicatorId)) return null;
    const served = indicator.renstraIndicatorId ? byId.get(indicator.renstraIndicatorId) : undefined;
    // Inline, so the line wraps with the narrow indicator column instead of clipping the button.
    return (
      <Text size="xs" c="dimmed" fw={400} mt={2} data-testid={`renstra-link-${indicator.id}`}>
        {served
          ? t("renstra.link.serves", { name: served.name, year: plan.year, target: served.target })
          : t("renstra.link.none")}
        {writable && (
          <>
            {" · "}
            <Anchor
              component="button"
              type="button"
              size="xs"
              fw={600}
              onClick={() => setLinking(indicator)}
              aria-label={t("renstra.link.change", { name: indicator.name })}
            >
              {t("renstra.link.edit")}
            </Anchor>
          </>
        )}
      </Text>
    );
  };

  const dialog = linking && (
    <LinkModal plan={plan} indicator={linking} options={options.data} onClose={() => setLinking(null)} />
  );
  return { cell, dialog };
}

function LinkModal({
  plan,
  indicator,
  options,
  onClose,
}: {
  plan: Plan;
  indicator: PlanIndicator;
  options: RenstraOptions | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [chosen, setChosen] = useState(indicator.renstraIndicatorId ?? NONE);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The versions in force, and any other version holding the current link.
  const groups = (options?.groups ?? []).filter(
    (g) => g.active || g.indicators.some((i) => i.planIndicatorId === indicator.renstraIndicatorId),
  );
  const label = (i: Option) => `${i.name} — ${plan.year}: ${i.target} ${i.unit}`;
  const data = [
    { value: NONE, label: t("renstra.link.noneOption") },
    ...groups.map((g) => ({
      group: `Renstra ${g.startYear}–${g.endYear} · ${g.versionLabel}`,
      items: g.indicators.map((i) => ({ value: i.planIndicatorId, label: label(i) })),
    })),
  ];
  const served = groups.flatMap((g) => g.indicators).find((i) => i.planIndicatorId === chosen);
  const departure =
    served &&
    targetDeparture(
      readRenstraTarget(served.target),
      readRenstraTarget(indicator.targetYear),
      indicator.polarity,
    );
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await apiSend("PUT", `/plans/${plan.id}/indicators/${indicator.id}/renstra-link`, {
        renstraIndicatorId: chosen === NONE ? null : chosen,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      await Promise.all([
        client.invalidateQueries({ queryKey: ["plans", plan.id], exact: true }),
        client.invalidateQueries({ queryKey: ["renstra"] }),
      ]);
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} size="lg" title={t("renstra.link.title", { name: indicator.name })}>
      <Stack>
        <Text size="sm">
          {t("renstra.link.yearly", {
            kind: t(`plans.kindsShort.${plan.kind}`),
            year: plan.year,
            target: formatTarget(indicator.targetYear),
            unit: indicator.unit,
          })}
        </Text>
        <Select
          label={t("renstra.link.label")}
          description={t("renstra.link.help", { year: plan.year })}
          searchable
          allowDeselect={false}
          value={chosen}
          onChange={(v) => setChosen(v ?? NONE)}
          data={data}
          comboboxProps={{ withinPortal: true }}
          data-testid="renstra-link-select"
        />
        {served && departure && (
          <Group gap="xs" data-testid="renstra-link-departure">
            <DepartureBadge departure={departure} />
            <Text size="sm">
              {t("renstra.link.against", { year: plan.year, target: served.target })}:{" "}
              {t(`renstra.departure.${departure}`)}
            </Text>
          </Group>
        )}
        <TextInput
          label={t("plans.edit.reason")}
          placeholder={t("plans.edit.reasonPlaceholder")}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("renstra.cancel")}
          </Button>
          <Button onClick={save} loading={busy} data-testid="renstra-link-save">
            {t("renstra.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
