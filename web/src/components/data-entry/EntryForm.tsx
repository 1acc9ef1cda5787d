import { findingKey, isEditable } from "@domain";
import { Alert, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useEffect, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useCan, useCurrentUser } from "../../session";
import { useOnline } from "../offline/OfflineStatus";
import { QueryState } from "../QueryState";
import { ConflictAlert } from "./ConflictAlert";
import { EntryGrid, explainedWarnings } from "./EntryGrid";
import { storageKeyOf } from "./edits";
import { type Form, type FormKey, useEntryForm } from "./entryApi";
import { labelOf } from "./periods";
import { allowedActions, ReportActions } from "./ReportActions";
import { ReportBanner } from "./ReportBanner";
import { SaveStatus } from "./SaveStatus";
import { type Saver, useValueSaver } from "./useValueSaver";

/** One facility's report for one period. Mounted per form, so unsent edits never cross forms. */
export function EntryForm({ dataSetId, orgUnitId, period }: FormKey) {
  const user = useCurrentUser();
  const formKey = useMemo(() => ({ dataSetId, orgUnitId, period }), [dataSetId, orgUnitId, period]);
  const form = useEntryForm(formKey);
  const saver = useValueSaver(formKey, storageKeyOf(user.id, formKey));
  return (
    <QueryState query={form}>{(data) => <Loaded form={data} formKey={formKey} saver={saver} />}</QueryState>
  );
}

function Loaded({ form, formKey, saver }: { form: Form; formKey: FormKey; saver: Saver }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  // A period the data set has not opened (or no longer opens) is shown, never written.
  const closed = !form.entry.open;
  const readOnly = closed || !(isEditable(form.report.status) && can("data.enter"));
  const explained = explainedWarnings(form, saver);
  const errors = form.findings.filter((f) => f.severity === "error").length;
  const unexplained = form.findings.filter(
    (f) => f.severity === "warning" && !explained.has(findingKey(f)),
  ).length;
  const unsaved = Object.keys(saver.edits).length;
  // Edits left over when the report got locked elsewhere must stay visible, with their error and a way out.
  const showSave = !readOnly || unsaved > 0;
  const hasBar = !closed && (showSave || allowedActions(form.report.status, can).length > 0);
  const footer = useFooterHeight(hasBar);
  const online = useOnline();
  const submitBlockedBy = !online
    ? t("offline.submitNeedsConnection")
    : unsaved > 0
      ? t("dataEntry.blocked.unsaved", { count: unsaved })
      : errors > 0
        ? t("dataEntry.blocked.errors", { count: errors })
        : unexplained > 0
          ? t("dataEntry.blocked.warnings", { count: unexplained })
          : null;

  return (
    <Paper withBorder p="md">
      <Stack>
        <div>
          <Title order={3}>{form.orgUnit.name}</Title>
          <Text c="dimmed">
            {form.dataSet.name} — {labelOf(form.period.code, i18n.language)}
          </Text>
        </div>
        <ReportBanner form={form} />
        {closed && (
          <Alert color="gray" data-testid="entry-closed">
            {i18n.language === "en" ? form.entry.messageEn : form.entry.message}
          </Alert>
        )}
        <ConflictAlert form={form} saver={saver} />
        <EntryGrid form={form} saver={saver} readOnly={readOnly} />
        {readOnly && !closed && can("data.enter") && (
          <Text size="sm" c="dimmed">
            {t("dataEntry.lockedHelp")}
          </Text>
        )}
        {hasBar && (
          // Kept in view while scrolling a long form: whether it is saved, and what can be done next.
          <Group ref={footer} className="entry-footer" justify="space-between" align="start">
            <ReportActions form={form} formKey={formKey} submitBlockedBy={submitBlockedBy} />
            {showSave && <SaveStatus saver={saver} />}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** Publishes the submit bar's height as --entry-footer-height, so scrolling keeps rows above it. */
function useFooterHeight(shown: boolean) {
  const footer = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const bar = footer.current;
    if (!shown || !bar) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() =>
      root.style.setProperty("--entry-footer-height", `${bar.offsetHeight}px`),
    );
    observer.observe(bar);
    return () => {
      observer.disconnect();
      root.style.removeProperty("--entry-footer-height");
    };
  }, [shown]);
  return footer;
}
