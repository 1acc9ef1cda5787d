import { findingKey, unexplainedWarnings } from "@domain";
import { Table } from "@mantine/core";
import { Fragment, useRef } from "react";
import { useTranslation } from "react-i18next";
import { isReadable } from "./edits";
import type { Form } from "./entryApi";
import type { Saver } from "./useValueSaver";
import { type CellState, ValueRow } from "./ValueRow";
import "./data-entry.css";

/**
 * The keys (`findingKey`) of the warnings explained by a comment on one of their own values, with the
 * comments as edited here; the same rule the server applies on submit.
 */
export function explainedWarnings(form: Form, saver: Saver): Set<string> {
  const commented = new Set(
    form.elements
      .filter((e) => {
        const edited = saver.edits[e.id]?.comment;
        const comment =
          edited === undefined ? form.values.find((v) => v.dataElementId === e.id)?.comment : edited;
        return Boolean(comment?.trim());
      })
      .map((e) => e.code),
  );
  const waiting = new Set(unexplainedWarnings(form.findings, commented));
  return new Set(form.findings.filter((f) => f.severity === "warning" && !waiting.has(f)).map(findingKey));
}

function cellState(saver: Saver, id: string): CellState {
  const edit = saver.edits[id];
  if (saver.conflicts[id]) return "conflict";
  if (saver.rejected[id]) return "unreadable";
  if (edit && !isReadable(edit)) return "unreadable";
  if (saver.sending.has(id)) return "saving";
  if (edit) return saver.offline ? "offline" : "waiting";
  return saver.saved.has(id) ? "saved" : null;
}

/** The form as a one-column spreadsheet: Enter/↓ next value, ↑ previous, Tab next field. */
export function EntryGrid({ form, saver, readOnly }: { form: Form; saver: Saver; readOnly: boolean }) {
  const { t } = useTranslation();
  const grid = useRef<HTMLTableElement>(null);
  const explained = explainedWarnings(form, saver);
  const values = new Map(form.values.map((v) => [v.dataElementId, v]));
  const sections = [...new Set(form.elements.map((e) => e.section ?? ""))];
  // Rows are numbered in the order they are shown, which is the order the keyboard walks.
  const ordered = sections.flatMap((section) => form.elements.filter((e) => (e.section ?? "") === section));

  const move = (row: number) => {
    const input = grid.current?.querySelector<HTMLInputElement>(`input[data-row="${row}"]`);
    if (input) input.focus();
    else void saver.flush();
  };

  return (
    <Table ref={grid} withTableBorder verticalSpacing={4} className="entry-grid" data-testid="entry-grid">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("dataEntry.number")}</Table.Th>
          <Table.Th>{t("dataEntry.element")}</Table.Th>
          <Table.Th ta="right">{t("dataEntry.value")}</Table.Th>
          <Table.Th />
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sections.map((section) => (
          <Fragment key={section}>
            {section && (
              <Table.Tr bg="gray.0">
                <Table.Td colSpan={5} fw={700}>
                  {section}
                </Table.Td>
              </Table.Tr>
            )}
            {ordered.map((element, row) =>
              (element.section ?? "") !== section ? null : (
                <ValueRow
                  key={element.id}
                  row={row}
                  element={element}
                  saved={values.get(element.id)}
                  edit={saver.edits[element.id]}
                  state={cellState(saver, element.id)}
                  findings={form.findings.filter((f) => f.dataElements.includes(element.code))}
                  explained={explained}
                  readOnly={readOnly}
                  onEdit={(change) => saver.edit(element.id, change)}
                  onLeave={() => void saver.flush()}
                  onMove={move}
                />
              ),
            )}
          </Fragment>
        ))}
      </Table.Tbody>
    </Table>
  );
}
