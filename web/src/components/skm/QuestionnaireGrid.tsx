import { SKM_ELEMENTS } from "@domain";
import { ActionIcon, Alert, Button, Group, Stack, Table, Text, Tooltip } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { elementCode } from "../../../../src/skm/rows";
import { ApiError, apiSend } from "../../api";
import { formatNumberId } from "../../format";
import { BandBadge } from "./BandBadge";
import {
  blankRow,
  checkRows,
  DETAIL_FIELDS,
  type DetailField,
  type DraftRow,
  draftsOf,
  genderCellOk,
  responsesOf,
  scoreCellOk,
} from "./drafts";
import { type SurveyDetail, surveyKey } from "./skmApi";
import "./skm.css";

const FIRST_SCORE = 1 + DETAIL_FIELDS.length;
const LAST_COLUMN = FIRST_SCORE + SKM_ELEMENTS.length - 1;

/**
 * The questionnaires of one survey as a spreadsheet of plain inputs (light on an old laptop): one row
 * per questionnaire, U1–U9 take 1–4 and jump to the next element, Enter goes down (adding a row at the
 * end). Cells are checked as they are typed and the IKM is recomputed live; saving sends every row at
 * once, all or nothing, with the revision the grid was opened at.
 */
export function QuestionnaireGrid({ survey, onReload }: { survey: SurveyDetail; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<DraftRow[]>(() => draftsOf(survey));
  const [loaded, setLoaded] = useState(survey.revision);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "red" | "green" | "conflict"; text: string } | null>(null);
  const grid = useRef<HTMLTableElement>(null);
  const pendingFocus = useRef<[number, number] | null>(null);
  const readOnly = !survey.canEdit;
  const check = checkRows(rows, { start: survey.periodStart, end: survey.periodEnd });
  const english = i18n.language === "en";
  // Someone saved meanwhile (a reload after a conflict, an upload): show what is stored now.
  if (survey.revision !== loaded) {
    setLoaded(survey.revision);
    setRows(draftsOf(survey));
    setDirty(false);
  }

  useEffect(() => {
    if (!pendingFocus.current) return;
    const [r, c] = pendingFocus.current;
    pendingFocus.current = null;
    focusCell(r, c);
  });

  function focusCell(r: number, c: number) {
    const input = grid.current?.querySelector<HTMLInputElement>(`input[data-r="${r}"][data-c="${c}"]`);
    input?.focus();
    input?.select();
  }

  const update = (index: number, change: (row: DraftRow) => DraftRow) => {
    setRows((current) => current.map((row, i) => (i === index ? change(row) : row)));
    setDirty(true);
    setMessage(null);
  };

  const addRow = (focusColumn: number) => {
    const next = Math.max(0, ...rows.map((r) => Number(r.respondentNo) || 0)) + 1;
    pendingFocus.current = [rows.length, focusColumn];
    setRows((current) => [...current, blankRow(next)]);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, r: number, c: number) => {
    if (event.key === "Enter") {
      event.preventDefault();
      const column = c === LAST_COLUMN ? FIRST_SCORE : c;
      if (r + 1 < rows.length) focusCell(r + 1, column);
      else if (!readOnly) addRow(column);
    } else if (event.key === "ArrowDown" && c !== 1) {
      event.preventDefault();
      focusCell(r + 1, c);
    } else if (event.key === "ArrowUp" && c !== 1) {
      event.preventDefault();
      focusCell(r - 1, c);
    }
  };

  const setScore = (r: number, e: number, typed: string) => {
    // The last character typed wins, so a filled cell is overwritten without deleting first.
    const value = typed.trim().slice(-1);
    update(r, (row) => ({ ...row, scores: row.scores.map((s, i) => (i === e ? value : s)) }));
    if (/^[1-4]$/.test(value) && e < SKM_ELEMENTS.length - 1) focusCell(r, FIRST_SCORE + e + 1);
  };

  const save = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const saved = await apiSend<SurveyDetail>("PUT", `/skm/surveys/${survey.id}/responses`, {
        revision: loaded,
        responses: responsesOf(rows),
      });
      setLoaded(saved.revision);
      setRows(draftsOf(saved));
      queryClient.setQueryData(surveyKey(survey.id), saved);
      await queryClient.invalidateQueries({ queryKey: ["skm-surveys"] });
      setDirty(false);
      setMessage({ tone: "green", text: t("skm.grid.saved") });
    } catch (e) {
      const conflict = e instanceof ApiError && e.status === 409;
      setMessage({
        tone: conflict ? "conflict" : "red",
        text: conflict ? t("skm.grid.conflict") : String((e as Error).message),
      });
    } finally {
      setBusy(false);
    }
  };

  const input = (
    r: number,
    c: number,
    props: {
      value: string;
      ok: boolean;
      onChange: (v: string) => void;
      type?: string;
      width?: number;
      label: string;
      error?: string;
    },
  ) => (
    <input
      className="skm-cell"
      data-r={r}
      data-c={c}
      type={props.type ?? "text"}
      value={props.value}
      readOnly={readOnly}
      aria-label={props.label}
      aria-invalid={!props.ok}
      title={props.ok ? undefined : props.error}
      data-tone={props.ok ? undefined : "error"}
      style={props.width ? { width: props.width } : undefined}
      min={props.type === "date" ? survey.periodStart : undefined}
      max={props.type === "date" ? survey.periodEnd : undefined}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      onKeyDown={(e) => onKeyDown(e, r, c)}
      onFocus={(e) => e.currentTarget.select()}
    />
  );

  const detailCell = (row: DraftRow, r: number, field: DetailField, c: number) => {
    const value = row[field];
    const gender = field === "gender";
    return input(r, c, {
      value,
      ok: gender ? genderCellOk(value.trim().toUpperCase()) : true,
      error: t("skm.grid.genderError"),
      type: field === "respondedOn" ? "date" : "text",
      width: { respondedOn: 130, gender: 40, age: 48, education: 110, occupation: 130 }[field],
      label: `${t(`skm.grid.${field === "respondedOn" ? "date" : field}`)} ${r + 1}`,
      onChange: (v) => update(r, (d) => ({ ...d, [field]: gender ? v.trim().slice(-1).toUpperCase() : v })),
    });
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="center" data-testid="skm-live">
        <Text size="sm">
          {check.live ? t("skm.survey.live", { count: check.complete }) : t("skm.survey.liveNone")}
        </Text>
        {check.live && (
          <Group gap="xs">
            <Text fw={700} size="xl" data-testid="skm-live-ikm">
              {formatNumberId(check.live.ikm, 2)}
            </Text>
            <BandBadge band={check.live.band} />
          </Group>
        )}
      </Group>
      {!readOnly && (
        <Text size="xs" c="dimmed">
          {t("skm.grid.hint")}
        </Text>
      )}
      <div className="skm-scroll">
        <Table
          ref={grid}
          withTableBorder
          withColumnBorders
          verticalSpacing={2}
          horizontalSpacing={4}
          data-testid="skm-grid"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("skm.grid.number")}</Table.Th>
              <Table.Th>{t("skm.grid.date")}</Table.Th>
              <Table.Th>{t("skm.grid.gender")}</Table.Th>
              <Table.Th>{t("skm.grid.age")}</Table.Th>
              <Table.Th>{t("skm.grid.education")}</Table.Th>
              <Table.Th>{t("skm.grid.occupation")}</Table.Th>
              {SKM_ELEMENTS.map((name, e) => (
                <Table.Th key={name} ta="center">
                  <Tooltip label={name}>
                    <span>{elementCode(e)}</span>
                  </Tooltip>
                </Table.Th>
              ))}
              <Table.Th>{t("skm.grid.problems")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, r) => (
              <Table.Tr key={row.key} data-row={r + 1}>
                <Table.Td>
                  {input(r, 0, {
                    value: row.respondentNo,
                    ok: /^\d{0,5}$/.test(row.respondentNo.trim()),
                    width: 64,
                    label: `${t("skm.grid.number")} ${r + 1}`,
                    onChange: (v) => update(r, (d) => ({ ...d, respondentNo: v })),
                  })}
                </Table.Td>
                {DETAIL_FIELDS.map((field, f) => (
                  <Table.Td key={field}>{detailCell(row, r, field, f + 1)}</Table.Td>
                ))}
                {row.scores.map((score, e) => (
                  <Table.Td key={SKM_ELEMENTS[e]}>
                    {input(r, FIRST_SCORE + e, {
                      value: score,
                      ok: scoreCellOk(score),
                      error: t("skm.grid.scoreError"),
                      width: 40,
                      label: `${elementCode(e)} ${r + 1}`,
                      onChange: (v) => setScore(r, e, v),
                    })}
                  </Table.Td>
                ))}
                <Table.Td miw={180}>
                  {(check.problems.get(r) ?? []).map((p) => (
                    <Text key={p.message} size="xs" c="red" data-testid="skm-row-problem">
                      {english ? p.messageEn : p.message}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>
                  {!readOnly && (
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={t("skm.grid.removeRow", { row: r + 1 })}
                      onClick={() => {
                        setRows((current) => current.filter((_, i) => i !== r));
                        setDirty(true);
                      }}
                    >
                      ×
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th colSpan={FIRST_SCORE}>{t("skm.grid.mean")}</Table.Th>
              {SKM_ELEMENTS.map((name, e) => (
                <Table.Th key={name} ta="center">
                  {check.live ? formatNumberId(check.live.elementMeans[e] ?? "0", 2) : "–"}
                </Table.Th>
              ))}
              <Table.Th colSpan={2} />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </div>
      <Text size="xs" c="dimmed">
        {t("skm.grid.elements")}: {SKM_ELEMENTS.map((name, e) => `${elementCode(e)} ${name}`).join(" · ")}
      </Text>
      {message?.tone === "conflict" ? (
        <Alert color="orange" data-testid="skm-conflict">
          <Group justify="space-between">
            <Text size="sm">{message.text}</Text>
            <Button size="compact-sm" variant="light" onClick={onReload}>
              {t("skm.grid.reload")}
            </Button>
          </Group>
        </Alert>
      ) : (
        message && (
          <Alert color={message.tone} data-testid="skm-save-message">
            {message.text}
          </Alert>
        )
      )}
      {!readOnly && (
        <Group>
          <Button variant="default" onClick={() => addRow(FIRST_SCORE)}>
            {t("skm.grid.addRow")}
          </Button>
          <Button
            onClick={save}
            loading={busy}
            disabled={!dirty || check.blocking > 0}
            data-testid="skm-save"
          >
            {t("skm.grid.save")}
          </Button>
          {check.blocking > 0 ? (
            <Text size="sm" c="red">
              {t("skm.grid.fixFirst")}
            </Text>
          ) : (
            dirty && (
              <Text size="sm" c="orange.8">
                {t("skm.grid.unsaved")}
              </Text>
            )
          )}
        </Group>
      )}
    </Stack>
  );
}
