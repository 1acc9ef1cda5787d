import { Button, Group, Modal, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { FACILITY_TYPES } from "../../../src/skm/facility-types";
import { apiSend } from "../api";
import { labelOf } from "../components/data-entry/periods";
import { QueryState } from "../components/QueryState";
import { BandBadge, BandLegend } from "../components/skm/BandBadge";
import { NewSurveyModal } from "../components/skm/NewSurveyModal";
import { QuestionnaireGrid } from "../components/skm/QuestionnaireGrid";
import { SkmUpload } from "../components/skm/SkmUpload";
import { SurveyTable } from "../components/skm/SurveyTable";
import { type SurveyDetail, surveyKey, useSurvey, useSurveys } from "../components/skm/skmApi";
import { formatNumberId } from "../format";
import { useOpeningYear, useOrgUnits } from "../queries";
import { useCan } from "../session";

const FIRST_YEAR = 2017;
const years = () =>
  Array.from({ length: new Date().getFullYear() - FIRST_YEAR + 1 }, (_, i) =>
    String(new Date().getFullYear() - i),
  );

/** One survey opened below the table: its result, the questionnaire grid and the upload. */
function SurveyPanel({ survey, onClosed }: { survey: SurveyDetail; onClosed: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const reload = () => void queryClient.invalidateQueries({ queryKey: surveyKey(survey.id) });
  const remove = async () => {
    await apiSend<void>("DELETE", `/skm/surveys/${survey.id}`);
    setConfirming(false);
    queryClient.removeQueries({ queryKey: surveyKey(survey.id) });
    await queryClient.invalidateQueries({ queryKey: ["skm-surveys"] });
    onClosed();
  };
  return (
    <Stack data-testid="skm-survey">
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group justify="space-between" align="start">
            <div>
              <Title order={3}>
                {survey.orgUnitName} — {labelOf(survey.period, i18n.language)}
              </Title>
              <Text>
                {survey.serviceNumber}. {survey.serviceName}
              </Text>
              {survey.note && (
                <Text size="sm" c="dimmed">
                  {survey.note}
                </Text>
              )}
            </div>
            <Group gap="sm">
              {survey.result && (
                <Group gap={6}>
                  <Text size="sm">{t("skm.survey.respondents", { count: survey.result.respondents })}</Text>
                  <Text fw={700} size="xl">
                    {t("skm.survey.ikm")} {formatNumberId(survey.result.ikm, 2)}
                  </Text>
                  <BandBadge band={survey.result.band} />
                </Group>
              )}
              <Button variant="subtle" onClick={onClosed}>
                {t("skm.close")}
              </Button>
            </Group>
          </Group>
          {!survey.canEdit && (
            <Text size="sm" c="dimmed">
              {t("skm.survey.readOnly")}
            </Text>
          )}
          <QuestionnaireGrid key={survey.id} survey={survey} onReload={reload} />
          {survey.canEdit && (
            <Group justify="flex-end">
              <Button color="red" variant="subtle" onClick={() => setConfirming(true)}>
                {t("skm.survey.delete")}
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>
      {survey.canEdit && <SkmUpload survey={survey} />}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t("skm.survey.delete")}>
        <Stack>
          <Text>{t("skm.survey.confirmDelete", { count: survey.responses.length })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t("skm.form.cancel")}
            </Button>
            <Button color="red" onClick={remove}>
              {t("skm.survey.delete")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** /skm: the Survei Kepuasan Masyarakat of SPM services per facility, with entry and upload. */
export function SkmPage() {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const units = useOrgUnits();
  const choices = (units.data ?? []).filter(
    (u) => u.type === "kabupaten_kota" || FACILITY_TYPES.includes(u.type),
  );
  const unitId = params.get("unit") ?? choices[0]?.id ?? null;
  // Without a year in the address, the latest year with surveys (or any data) for the user.
  const opening = useOpeningYear("skm");
  const year = Number(params.get("year") ?? opening ?? new Date().getFullYear());
  const surveyId = params.get("survey");
  const surveys = useSurveys(params.get("year") || opening ? unitId : null, year);
  const survey = useSurvey(surveyId);

  const choose = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next);
  };

  return (
    <Stack>
      <Title order={2}>{t("skm.title")}</Title>
      <Text size="sm">{t("skm.intro")}</Text>
      <Group align="end">
        <Select
          label={t("skm.unit")}
          w={320}
          searchable
          data={choices.map((u) => ({ value: u.id, label: u.officeName ?? u.name }))}
          value={unitId}
          allowDeselect={false}
          onChange={(id) => choose({ unit: id, survey: null })}
        />
        <Select
          label={t("skm.year")}
          w={110}
          data={years()}
          value={String(year)}
          allowDeselect={false}
          onChange={(y) => choose({ year: y, survey: null })}
        />
        {can("skm.enter") && surveys.data && surveys.data.facilities.length > 0 && (
          <Button onClick={() => setCreating(true)} disabled={surveys.data.services.length === 0}>
            {t("skm.newSurvey")}
          </Button>
        )}
      </Group>
      <BandLegend />
      <QueryState query={surveys}>
        {(list) => (
          <>
            {list.services.length === 0 && (
              <Text size="sm" c="dimmed">
                {t("skm.noServices")}
              </Text>
            )}
            <SurveyTable surveys={list.surveys} openId={surveyId} onOpen={(id) => choose({ survey: id })} />
            {creating && (
              <NewSurveyModal
                opened
                year={year}
                list={list}
                onClose={() => setCreating(false)}
                onCreated={async (created) => {
                  setCreating(false);
                  queryClient.setQueryData(surveyKey(created.id), created);
                  await queryClient.invalidateQueries({ queryKey: ["skm-surveys"] });
                  choose({ survey: created.id });
                }}
              />
            )}
          </>
        )}
      </QueryState>
      {surveyId && (
        <QueryState query={survey}>
          {(detail) => <SurveyPanel survey={detail} onClosed={() => choose({ survey: null })} />}
        </QueryState>
      )}
    </Stack>
  );
}
