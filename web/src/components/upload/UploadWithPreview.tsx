import { Alert, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { type QueryKey, useQueryClient } from "@tanstack/react-query";
import { type DragEvent, type ReactNode, useState } from "react";
import { errorText, pageOf, type SaveBlock, SPREADSHEET_ACCEPT } from "./uploadFlow";

/** What a screen's own controls (template download, selects) may do to the shared flow. */
export interface UploadControls {
  /** Shows an error in the same refusal alert, e.g. a failed template download. */
  fail: (error: unknown) => void;
  /** Forgets the preview, the saved notice and the error, e.g. after another data set was chosen. */
  reset: () => void;
}

/** Texts already translated by the screen (they stay in its locale file). */
export interface UploadTexts {
  drop: string;
  formats?: string;
  preview: string;
  refused: string;
  confirm?: string;
  hasErrors?: string;
  nothing?: string;
  shownOf?: (page: { shown: number; total: number }) => string;
}

/** The e2e tests find these screens by their test ids, so each screen keeps its own. */
export interface UploadTestIds {
  root?: string;
  file: string;
  previewButton?: string;
  error: string;
  saved?: string;
  result?: string;
  shownOf?: string;
  confirm?: string;
}

export interface UploadWithPreviewProps<P, S> {
  header?: (controls: UploadControls) => ReactNode;
  texts: UploadTexts;
  testIds: UploadTestIds;
  /** False while something the request needs (e.g. a data set) is missing. */
  ready?: boolean;
  requestPreview: (file: File) => Promise<P>;
  save: (file: File, preview: P) => Promise<S>;
  /** Queries that show what was saved, refreshed before the saved notice appears. */
  invalidates?: QueryKey[];
  /** Whether the chosen file is forgotten after a save (a second save of it would change nothing). */
  clearFileOnSave?: boolean;
  /** The shared preview: counts, the "shown N of M" line, the screen's table, why it cannot be saved, save. */
  summary?: (preview: P) => ReactNode;
  table?: (preview: P) => ReactNode;
  block?: (preview: P) => SaveBlock;
  /** Rows sent and rows in the file, for a preview the server sends one page of. */
  paged?: (preview: P) => { shown: number; total: number };
  /** A screen whose preview has its own layout draws it whole, save button included. */
  renderPreview?: (preview: P, step: { save: () => void; saving: boolean }) => ReactNode;
  /** The notice after saving; none for a screen that moves on to what it saved. */
  renderSaved?: (saved: S) => ReactNode;
  /** Shows the preview in its own panel below the form instead of inside it. */
  previewApart?: boolean;
}

/** Choose a spreadsheet, preview what it would change, then save it once: the flow every import screen shares. */
export function UploadWithPreview<P, S>(props: UploadWithPreviewProps<P, S>) {
  const { texts, testIds, ready = true } = props;
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<P | null>(null);
  const [saved, setSaved] = useState<S | null>(null);
  const [busy, setBusy] = useState<"preview" | "save" | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reset = () => {
    setPreview(null);
    setSaved(null);
    setError(null);
  };
  const controls: UploadControls = { fail: (e) => setError(errorText(e)), reset };
  const choose = (chosen: File | null | undefined) => {
    setFile(chosen ?? null);
    reset();
  };
  const run = async (what: "preview" | "save") => {
    if (!file || !ready) return;
    setBusy(what);
    setError(null);
    setSaved(null);
    try {
      if (what === "preview") setPreview(await props.requestPreview(file));
      else if (preview !== null) {
        const result = await props.save(file, preview);
        for (const queryKey of props.invalidates ?? []) await queryClient.invalidateQueries({ queryKey });
        setPreview(null);
        if (props.clearFileOnSave) setFile(null);
        setSaved(result);
      }
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const step = { save: () => run("save"), saving: busy === "save" };
  const custom = preview !== null && props.renderPreview?.(preview, step);
  const previewBlock = preview !== null && !props.renderPreview && (
    <PreviewBlock preview={preview} props={props} saving={step.saving} onSave={step.save} />
  );
  return (
    <>
      <Paper withBorder p="md" data-testid={testIds.root}>
        <Stack>
          {props.header?.(controls)}
          <Paper
            component="label"
            withBorder
            p="md"
            ta="center"
            style={{ borderStyle: "dashed", cursor: "pointer" }}
            onDragOver={(e: DragEvent) => e.preventDefault()}
            onDrop={(e: DragEvent) => {
              e.preventDefault();
              choose(e.dataTransfer.files[0]);
            }}
          >
            <input
              type="file"
              accept={SPREADSHEET_ACCEPT}
              hidden
              data-testid={testIds.file}
              onChange={(e) => {
                choose(e.currentTarget.files?.[0]);
                e.currentTarget.value = "";
              }}
            />
            <Text fw={600} style={{ overflowWrap: "anywhere" }}>
              {file ? file.name : texts.drop}
            </Text>
            {texts.formats && (
              <Text size="xs" c="dimmed">
                {texts.formats}
              </Text>
            )}
          </Paper>
          <Group>
            <Button
              onClick={() => run("preview")}
              disabled={!file || !ready}
              loading={busy === "preview"}
              data-testid={testIds.previewButton}
            >
              {texts.preview}
            </Button>
          </Group>
          {error && (
            <Alert color="red" title={texts.refused} data-testid={testIds.error}>
              {error}
            </Alert>
          )}
          {saved !== null && props.renderSaved && (
            <Alert color="green" data-testid={testIds.saved}>
              {props.renderSaved(saved)}
            </Alert>
          )}
          {!props.previewApart && (custom || previewBlock)}
        </Stack>
      </Paper>
      {props.previewApart && custom}
      {props.previewApart && previewBlock && (
        <Paper withBorder p="md">
          {previewBlock}
        </Paper>
      )}
    </>
  );
}

/** Counts, the screen's own table, why it cannot be saved yet, and the save button. */
function PreviewBlock<P, S>({
  preview,
  props,
  saving,
  onSave,
}: {
  preview: P;
  props: UploadWithPreviewProps<P, S>;
  saving: boolean;
  onSave: () => void;
}) {
  const { texts, testIds } = props;
  const blocked = props.block?.(preview) ?? null;
  const sent = props.paged?.(preview);
  const page = sent && pageOf(sent.shown, sent.total);
  return (
    <Stack data-testid={testIds.result}>
      {props.summary?.(preview)}
      {page && texts.shownOf && (
        <Text size="sm" c="dimmed" data-testid={testIds.shownOf}>
          {texts.shownOf(page)}
        </Text>
      )}
      {props.table?.(preview)}
      {blocked === "errors" && <Alert color="red">{texts.hasErrors}</Alert>}
      {blocked === "nothing" && <Text c="dimmed">{texts.nothing}</Text>}
      <Group>
        <Button onClick={onSave} loading={saving} disabled={blocked !== null} data-testid={testIds.confirm}>
          {texts.confirm}
        </Button>
      </Group>
    </Stack>
  );
}
