import { periodLabel, periodsInYear } from "@domain";
import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, apiSend } from "../../api";
import { languageOf } from "../data-entry/periods";
import type { SurveyDetail, SurveyList } from "./skmApi";

type PeriodKind = "year" | "semester" | "quarter";

/** Opens a survey of one SPM service at one facility for a year, semester or quarter of the chosen year. */
export function NewSurveyModal({
  opened,
  year,
  list,
  onClose,
  onCreated,
}: {
  opened: boolean;
  year: number;
  list: SurveyList;
  onClose: () => void;
  onCreated: (survey: SurveyDetail) => void;
}) {
  const { t, i18n } = useTranslation();
  const [facility, setFacility] = useState<string | null>(list.facilities[0]?.id ?? null);
  const [service, setService] = useState<string | null>(null);
  const [kind, setKind] = useState<PeriodKind>("year");
  const [period, setPeriod] = useState<string>(String(year));
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const periods = periodsInYear(year, kind).map((p) => ({
    value: p.code,
    label: periodLabel(p, languageOf(i18n.language)),
  }));
  const chosenFacility = facility ?? list.facilities[0]?.id ?? null;

  const submit = async () => {
    if (!chosenFacility || !service) return;
    setBusy(true);
    setError(null);
    try {
      const created = await apiSend<SurveyDetail>("POST", "/skm/surveys", {
        orgUnitId: chosenFacility,
        serviceId: service,
        period,
        note: note.trim() || null,
      });
      onCreated(created);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t("skm.form.title")} size="lg">
      <Stack>
        <Select
          label={t("skm.form.facility")}
          data={list.facilities.map((f) => ({ value: f.id, label: f.name }))}
          value={chosenFacility}
          onChange={setFacility}
          searchable
          allowDeselect={false}
        />
        <Select
          label={t("skm.form.service")}
          data={list.services.map((s) => ({ value: s.id, label: `${s.number}. ${s.name}` }))}
          value={service}
          onChange={setService}
          searchable
        />
        <Stack gap={4}>
          <SegmentedControl
            aria-label={t("skm.form.periodType")}
            value={kind}
            onChange={(next) => {
              const value = next as PeriodKind;
              setKind(value);
              setPeriod(periodsInYear(year, value)[0]?.code ?? String(year));
            }}
            data={(["year", "semester", "quarter"] as const).map((k) => ({
              value: k,
              label: t(`skm.form.${k}`),
            }))}
          />
          {kind !== "year" && (
            <Select
              label={t("skm.form.period")}
              data={periods}
              value={period}
              onChange={(next) => next && setPeriod(next)}
              allowDeselect={false}
            />
          )}
        </Stack>
        <TextInput
          label={t("skm.form.note")}
          value={note}
          maxLength={500}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("skm.form.cancel")}
          </Button>
          <Button onClick={submit} loading={busy} disabled={!chosenFacility || !service}>
            {t("skm.form.create")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
