import { Box, Loader, Table, Text, TextInput } from "@mantine/core";
import { type KeyboardEvent, type ReactNode, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CellState } from "./usePlanEditor";

export type Move = "next" | "previous" | null;

interface Props {
  cellKey: string;
  /** What the printed document shows. */
  display: ReactNode;
  /** What the input starts with, written the Indonesian way ("2,13", "11 dan 2"). */
  initial: string;
  editing: boolean;
  state: CellState | undefined;
  onStart: () => void;
  onCommit: (value: string, move: Move) => void;
  onCancel: () => void;
  ta?: "left" | "right";
  fw?: number;
  rowSpan?: number;
  /** Names are long: a wider input, and room for the row menu. */
  wide?: boolean;
  /** Frozen at the table's left edge (wide-table.css); sticky also anchors the cell's floating marks. */
  sticky?: boolean;
  label: string;
}

/** A table cell that behaves like a spreadsheet cell: click, Enter, F2 or typing edits; Enter/Tab save. */
export function EditableCell(props: Props) {
  const { t } = useTranslation();
  const cell = useRef<HTMLTableCellElement>(null);
  // What typing into a selected cell starts the input with, as in a spreadsheet.
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
  const done = (value: string | null, move: Move) => {
    setSeed(null);
    if (value === null) {
      cell.current?.focus();
      props.onCancel();
    } else props.onCommit(value, move);
  };

  const { state } = props;
  return (
    <Table.Td
      ref={cell}
      tabIndex={props.editing ? -1 : 0}
      rowSpan={props.rowSpan}
      ta={props.ta}
      fw={props.fw}
      valign="top"
      data-cell={props.cellKey}
      aria-label={props.label}
      onClick={() => !props.editing && start(null)}
      onKeyDown={onCellKey}
      className={["rak-editable", props.wide && "rak-with-menu", props.sticky && "sticky-col"]
        .filter(Boolean)
        .join(" ")}
      style={{
        cursor: "cell",
        position: props.sticky ? undefined : "relative",
        outline: state?.state === "error" ? "2px solid var(--mantine-color-red-6)" : undefined,
        outlineOffset: -2,
      }}
    >
      {props.editing ? (
        <CellInput
          initial={seed ?? props.initial}
          selectAll={seed === null}
          wide={props.wide}
          right={props.ta === "right"}
          label={props.label}
          onDone={done}
        />
      ) : (
        props.display
      )}
      {state?.state === "saving" && (
        <Loader size={10} pos="absolute" top={2} left={2} aria-label={t("plans.edit.saving")} />
      )}
      {state?.state === "saved" && (
        <Box pos="absolute" top={0} left={3} c="teal.7" fz={11} aria-label={t("plans.edit.saved")}>
          ✓
        </Box>
      )}
      {state?.state === "error" && (
        // Floats below the cell so a message does not stretch the row of a narrow quarter column.
        <Text size="xs" c="red.8" className="rak-cell-error" data-testid="cell-error" role="alert">
          {state.message}
        </Text>
      )}
    </Table.Td>
  );
}

interface InputProps {
  initial: string;
  selectAll: boolean;
  wide?: boolean;
  right: boolean;
  label: string;
  /** null: cancelled. */
  onDone: (value: string | null, move: Move) => void;
}

/** Mounted per edit, so every edit starts from the cell's value (or the key that was typed). */
function CellInput({ initial, selectAll, wide, right, label, onDone }: InputProps) {
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
    } else if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      finish(draft, event.shiftKey ? "previous" : "next");
    }
  };
  return (
    <TextInput
      size="xs"
      autoFocus
      value={draft}
      miw={wide ? 260 : 72}
      aria-label={label}
      onFocus={(e) => (selectAll ? e.currentTarget.select() : undefined)}
      onChange={(e) => setDraft(e.currentTarget.value)}
      onKeyDown={onKeyDown}
      onBlur={() => finish(draft, null)}
      styles={{ input: { textAlign: right ? "right" : "left" } }}
    />
  );
}
