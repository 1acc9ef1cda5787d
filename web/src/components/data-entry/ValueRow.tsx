import { findingKey } from "@domain";
import { Anchor, Loader, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatNumberId } from "../../format";
import { CommentButton } from "./CommentButton";
import { type Edit, readTyped } from "./edits";
import type { Form } from "./entryApi";

export type CellState = "saving" | "waiting" | "offline" | "saved" | "unreadable" | "conflict" | null;

interface Props {
  row: number;
  element: Form["elements"][number];
  saved: Form["values"][number] | undefined;
  edit: Edit | undefined;
  state: CellState;
  findings: Form["findings"];
  /** Keys (`findingKey`) of the warnings already explained by a comment on one of their values. */
  explained: ReadonlySet<string>;
  readOnly: boolean;
  onEdit: (change: Pick<Edit, "text" | "comment">) => void;
  onLeave: () => void;
  onMove: (row: number) => void;
}

const shown = (value: string | null | undefined) => (value ? formatNumberId(value) : "");

/** One data element: its name and findings, the value as a plain input, its save state and comment. */
export function ValueRow(props: Props) {
  const { t, i18n } = useTranslation();
  const { element, edit, state } = props;
  // While focused the input keeps exactly what is typed; reformatting under the cursor would change it.
  const [draft, setDraft] = useState<string | null>(null);
  const [commentOpen, setCommentOpen] = useState(false);
  const typed = edit?.text;
  const display =
    typed === undefined
      ? shown(props.saved?.value)
      : readTyped(typed) === undefined
        ? typed
        : shown(readTyped(typed));
  const comment = edit?.comment === undefined ? (props.saved?.comment ?? null) : edit.comment;
  const hasValue = typed === undefined ? Boolean(props.saved) : typed.trim() !== "";
  const errors = props.findings.filter((f) => f.severity === "error");
  const warnings = props.findings.filter((f) => f.severity === "warning");
  const isExplained = (f: Form["findings"][number]) => props.explained.has(findingKey(f));
  const wanted = warnings.some((w) => !isExplained(w));
  const tone =
    state === "unreadable" || errors.length > 0
      ? "error"
      : state === "conflict" || wanted
        ? "warning"
        : undefined;

  return (
    <Table.Tr data-element={element.code}>
      <Table.Td valign="top" w={40} c="dimmed" className="entry-no">
        {props.row + 1}
      </Table.Td>
      <Table.Td valign="top" className="entry-name">
        <Stack gap={2}>
          <Text size="sm" component="label" htmlFor={`value-${element.id}`}>
            {element.name}
          </Text>
          {props.findings.map((f, i) => (
            <Text
              key={findingKey(f)}
              id={`finding-${element.id}-${i}`}
              size="xs"
              c={f.severity === "error" ? "red.8" : isExplained(f) ? "dimmed" : "orange.8"}
              data-testid={`finding-${f.severity}`}
            >
              {i18n.language === "en" ? f.messageEn : f.message}
              {f.severity === "warning" && !isExplained(f) && !props.readOnly && (
                <>
                  {" "}
                  <Anchor component="button" type="button" size="xs" onClick={() => setCommentOpen(true)}>
                    {t("dataEntry.giveComment")}
                  </Anchor>
                </>
              )}
            </Text>
          ))}
          {comment && (
            <Text size="xs" c="dimmed" fs="italic" data-testid="comment-text">
              {t("dataEntry.comment")}: {comment}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td valign="top" w={150} className="entry-value">
        <input
          id={`value-${element.id}`}
          className="entry-input"
          data-row={props.row}
          data-tone={tone}
          inputMode="decimal"
          autoComplete="off"
          readOnly={props.readOnly}
          value={draft ?? display}
          aria-invalid={tone === "error"}
          // A screen reader reads the findings with the value, as the eye sees them beside it.
          aria-describedby={props.findings.map((_, i) => `finding-${element.id}-${i}`).join(" ") || undefined}
          onFocus={(e) => {
            setDraft(typed ?? shown(props.saved?.value));
            e.currentTarget.select();
          }}
          onChange={(e) => {
            setDraft(e.currentTarget.value);
            props.onEdit({ text: e.currentTarget.value });
          }}
          onBlur={() => {
            setDraft(null);
            props.onLeave();
          }}
          onKeyDown={(e) => {
            const down = (e.key === "Enter" && !e.shiftKey) || e.key === "ArrowDown";
            const up = (e.key === "Enter" && e.shiftKey) || e.key === "ArrowUp";
            if (!down && !up) return;
            e.preventDefault();
            props.onMove(props.row + (down ? 1 : -1));
          }}
        />
      </Table.Td>
      <Table.Td valign="top" w={130} className="entry-state">
        <CellStatus state={state} />
      </Table.Td>
      <Table.Td valign="top" w={44} className="entry-comment">
        {/* Comments belong to a value: none on an empty cell, and none to change on a locked report. */}
        {hasValue && !props.readOnly && (
          <CommentButton
            elementName={element.name}
            comment={comment}
            wanted={wanted}
            opened={commentOpen}
            onOpenedChange={setCommentOpen}
            onSave={(next) => props.onEdit({ comment: next })}
          />
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function CellStatus({ state }: { state: CellState }) {
  const { t } = useTranslation();
  if (state === "saving") return <Loader size={14} aria-label={t("dataEntry.saving")} />;
  if (state === null) return null;
  const look = {
    saved: { c: "teal.7", text: `✓ ${t("dataEntry.cell.saved")}` },
    waiting: { c: "dimmed", text: t("dataEntry.cell.waiting") },
    offline: { c: "orange.8", text: t("dataEntry.cell.offline") },
    unreadable: { c: "red.8", text: t("dataEntry.cell.unreadable") },
    conflict: { c: "orange.8", text: t("dataEntry.cell.conflict") },
  }[state];
  return (
    <Text size="xs" c={look.c} data-testid="cell-state" lh="30px">
      {look.text}
    </Text>
  );
}
