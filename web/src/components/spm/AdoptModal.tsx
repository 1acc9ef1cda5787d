import { spmTargetPercent } from "@domain/plan-years";
import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { RegionAdoptions } from "../../../../src/spm/adoption-schemas";
import { ApiError, apiSend } from "../../api";
import { formatTarget } from "../../format";
import { useSpmServices, useSpmVersions } from "../../queries";
import "./spm.css";
import "../wide-table.css";
import { WideScroll } from "../WideScroll";

/** The years an adoption can cover: a few back, five ahead (the server refuses beyond). */
const adoptableYears = (thisYear = new Date().getFullYear()) =>
  Array.from({ length: 12 }, (_, i) => thisYear - 6 + i);

/** A percentage above 0 and at most 100, typed "97,5" or "97.5": the server's own rule. */
const validTarget = (typed: string) => spmTargetPercent(typed.trim()) !== null;

interface Props {
  region: { id: string; name: string };
  year: number;
  adoptions: RegionAdoptions["adoptions"];
  onClose: () => void;
}

/** The Dinas adopts an SPM version for its kab/kota and a range of years, with targets where none is set. */
export function AdoptModal({ region, year, adoptions, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const versions = useSpmVersions();
  const current = adoptions.find((a) => a.year === year);
  const [versionId, setVersionId] = useState<string | null>(current?.versionId ?? null);
  const chosenVersion = versionId ?? versions.data?.at(-1)?.id ?? null;
  const services = useSpmServices(chosenVersion ?? undefined);
  const [fromYear, setFromYear] = useState(year);
  const [toYear, setToYear] = useState(year);
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [replace, setReplace] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const years = Array.from({ length: Math.max(0, toYear - fromYear + 1) }, (_, i) => fromYear + i);
  const regionTarget = (serviceId: string) =>
    current?.versionId === chosenVersion
      ? current?.targets.find((x) => x.serviceId === serviceId && x.source === "region")?.target
      : undefined;
  const list = (services.data ?? []).map((s) => {
    const covered = s.targets.filter((x) => years.includes(x.year));
    return {
      ...s,
      covered,
      open: covered.length < years.length,
      value: typed[s.id] ?? formatTarget(regionTarget(s.id) ?? "100"),
    };
  });
  const replacing = adoptions
    .filter((a) => years.includes(a.year) && a.versionId !== chosenVersion && a.reportEntries > 0)
    .map((a) => a.year);
  const invalid = list.some((s) => s.open && !validTarget(s.value));

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await apiSend("PUT", "/spm/adoptions", {
        orgUnitId: region.id,
        versionId: chosenVersion,
        fromYear,
        toYear,
        targets: list.filter((s) => s.open).map((s) => ({ serviceId: s.id, target: s.value })),
        replace,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      await queryClient.invalidateQueries();
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t("planStart.spm.modal.title", { region: region.name })} size="xl">
      <Stack>
        <Select
          label={t("planStart.spm.modal.version")}
          data={(versions.data ?? []).map((v) => ({ value: v.id, label: `${v.name} — ${v.regulation}` }))}
          value={chosenVersion}
          allowDeselect={false}
          onChange={setVersionId}
        />
        <Group grow wrap="wrap">
          <Select
            label={t("planStart.spm.modal.fromYear")}
            data={adoptableYears().map(String)}
            value={String(fromYear)}
            allowDeselect={false}
            onChange={(y) => y && setFromYear(Number(y))}
          />
          <Select
            label={t("planStart.spm.modal.toYear")}
            data={adoptableYears()
              .filter((y) => y >= fromYear)
              .map(String)}
            value={String(Math.max(toYear, fromYear))}
            allowDeselect={false}
            onChange={(y) => y && setToYear(Number(y))}
          />
        </Group>
        <Text size="sm" c="dimmed">
          {t("planStart.spm.modal.targetsHint")}
        </Text>
        <WideScroll label={t("planStart.spm.modal.title", { region: region.name })}>
          <Table withTableBorder fz="sm" verticalSpacing={4} data-testid="adopt-targets">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("planStart.spm.modal.service")}</Table.Th>
                <Table.Th>{t("planStart.spm.modal.regulationTarget")}</Table.Th>
                <Table.Th w={150}>{t("planStart.spm.modal.ownTarget")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    {s.number}. {s.name}
                  </Table.Td>
                  <Table.Td>
                    {s.covered.length > 0
                      ? s.covered.map((x) => `${x.year}: ${formatTarget(x.target)}%`).join(", ")
                      : t("planStart.spm.modal.notSet")}
                  </Table.Td>
                  <Table.Td>
                    {s.open && (
                      <TextInput
                        size="xs"
                        aria-label={`${t("planStart.spm.modal.ownTarget")} — ${s.name}`}
                        value={s.value}
                        error={!validTarget(s.value) && t("planStart.spm.modal.badTarget")}
                        onChange={(e) => {
                          const value = e.currentTarget.value;
                          setTyped((v) => ({ ...v, [s.id]: value }));
                        }}
                      />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </WideScroll>
        {replacing.length > 0 && (
          <Alert color="yellow" data-testid="adopt-replace">
            <Stack gap="xs">
              <Text size="sm">
                {t("planStart.spm.modal.replaceWarning", { years: replacing.join(", ") })}
              </Text>
              <Checkbox
                label={t("planStart.spm.modal.replaceConfirm")}
                checked={replace}
                onChange={(e) => setReplace(e.currentTarget.checked)}
              />
            </Stack>
          </Alert>
        )}
        <TextInput
          label={t("planStart.spm.modal.reason")}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("planStart.spm.modal.cancel")}
          </Button>
          <Button
            onClick={save}
            loading={busy}
            disabled={!chosenVersion || invalid || (replacing.length > 0 && !replace)}
          >
            {t("planStart.spm.modal.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
