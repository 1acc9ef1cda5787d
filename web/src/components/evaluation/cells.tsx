import { Box, Loader, Table, Text } from "@mantine/core";
import { type KeyboardEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Move } from "../plan/EditableCell";
import type { CellState } from "../plan/usePlanEditor";
import type { EvaluationEditor } from "./useEvaluation";

/** Enter/Tab selects the next editable cell of the page, in reading order, as in a spreadsheet. */
function focusAfter(key: string, move: Move) {
  if (!move) return;
  const all = [...document.querySelectorAll<HTMLElement>("[data-cell]")];
  const index = all.findIndex((el) => el.dataset.cell === key);
  requestAnimationFrame(() => all[index + (move === "next" ? 1 : -1)]?.focus());
}

/** The props EditableCell (and TextCell) need to start, cancel and commit an edit of `key`. */
export function editProps(editor: EvaluationEditor, key: string, save: (value: string) => void) {
  return {
    cellKey: key,
    editing: editor.editing === key,
    state: editor.cells[key],
    onStart: () => {
      editor.clearCell(key);
      editor.setEditing(key);
    },
    onCancel: () => editor.setEditing(null),
    onCommit: (value: string, move: Move) => {
      editor.setEditing(null);
      focusAfter(key, move);
      save(value);
    },
  };
}

/** The saving spinner, the saved tick and the error under the cell, as the RAK cells show them. */
export function SaveMarks({ state }: { state: CellState | undefined }) {
  const { t } = useTranslation();
  if (state?.state === "saving")
    return <Loader size={10} pos="absolute" top={2} left={2} aria-label={t("evaluation.edit.saving")} />;
  if (state?.state === "saved")
    return (
      <Box pos="absolute" top={0} left={3} c="teal.7" fz={11} aria-label={t("evaluation.edit.saved")}>
        ✓
      </Box>
    );
  if (state?.state === "error")
    return (
      <Text size="xs" c="red.8" className="rak-cell-error" data-testid="cell-error" role="alert">
        {state.message}
      </Text>
    );
  return null;
}

type TextCellProps = ReturnType<typeof editProps> & { value: string | null; label: string };

/**
 * An analysis text (faktor pendorong, penghambat, tindak lanjut): read like the printed document,
 * edited in a textarea because these are sentences; Enter or Tab saves, Shift+Enter breaks a line.
 */
export function TextCell(props: TextCellProps) {
  const cell = useRef<HTMLTableCellElement>(null);
  // Typing into a selected cell replaces its text, as in a spreadsheet and in the number cells.
  const [seed, setSeed] = useState<string | null>(null);
  const start = (typed: string | null) => {
    setSeed(typed);
    props.onStart();
  };
  const onCellKey = (event: KeyboardEvent) => {
    if (props.editing) return;
    if (event.key === "Enter" || event.key === "F2") {
      event.preventDefault();
      start(null);
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      start(event.key);
    }
  };
  return (
    <Table.Td
      ref={cell}
      tabIndex={props.editing ? -1 : 0}
      valign="top"
      data-cell={props.cellKey}
      aria-label={props.label}
      onClick={() => !props.editing && start(null)}
      onKeyDown={onCellKey}
      className="rak-editable eval-text"
      style={{
        outline: props.state?.state === "error" ? "2px solid var(--mantine-color-red-6)" : undefined,
      }}
    >
      {props.editing ? (
        <TextEditor
          initial={seed ?? props.value ?? ""}
          label={props.label}
          onDone={(value, move) => {
            setSeed(null);
            if (value === null) {
              cell.current?.focus();
              props.onCancel();
            } else props.onCommit(value, move);
          }}
        />
      ) : (
        props.value
      )}
      <SaveMarks state={props.state} />
    </Table.Td>
  );
}

interface EditorProps {
  initial: string;
  label: string;
  /** null: cancelled. */
  onDone: (value: string | null, move: Move) => void;
}

/** A plain textarea (no autosize library: cheap on old laptops), mounted per edit. */
function TextEditor({ initial, label, onDone }: EditorProps) {
  const [draft, setDraft] = useState(initial);
  const finished = useRef(false);
  const finish = (value: string | null, move: Move) => {
    if (finished.current) return;
    finished.current = true;
    onDone(value, move);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      finish(null, null);
    } else if ((event.key === "Enter" && !event.shiftKey) || event.key === "Tab") {
      event.preventDefault();
      finish(draft, event.shiftKey ? "previous" : "next");
    }
  };
  return (
    <textarea
      // biome-ignore lint/a11y/noAutofocus: the user just asked to edit this cell
      autoFocus
      className="eval-textarea"
      rows={4}
      value={draft}
      aria-label={label}
      // The caret goes after the text: to add to it, or after the key that started the edit.
      onFocus={(e) => e.currentTarget.setSelectionRange(draft.length, draft.length)}
      onChange={(e) => setDraft(e.currentTarget.value)}
      onKeyDown={onKeyDown}
      onBlur={() => finish(draft, null)}
    />
  );
}
