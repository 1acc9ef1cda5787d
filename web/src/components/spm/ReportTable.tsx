import { SKM_BAND_LABEL } from "@domain";
import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { SpmReportService } from "../../../../src/spm/report-types";
import { formatNumberId, formatTarget } from "../../format";
import { useDomainLabel } from "../evaluation/badges";
import { TextCell } from "../evaluation/cells";
import type { Move } from "../plan/EditableCell";
import "../plan/rak-table.css";
import "../evaluation/evaluation.css";
import { count, percent } from "./figures";
import "./spm.css";
import { type NoteField, type NotesEditor, noteCell } from "./useSpmReport";
import "../wide-table.css";
import { WideScroll } from "../WideScroll";

const noteFields: NoteField[] = ["masalah", "pemecahanMasalah"];

/** No and Jenis pelayanan stay at the left edge while the reader scrolls to the notes. */
const stickyClass: Record<string, string> = {
  number: "sticky-col sticky-col-first-narrow",
  service: "sticky-col sticky-col-second spm-service",
};

/** Enter/Tab moves to the next note cell in reading order, as in a spreadsheet. */
function focusAfter(cell: string, move: Move) {
  if (!move) return;
  const all = [...document.querySelectorAll<HTMLElement>("[data-cell^='spm:']")];
  const index = all.findIndex((el) => el.dataset.cell === cell);
  requestAnimationFrame(() => all[index + (move === "next" ? 1 : -1)]?.focus());
}

function NoteCell({ row, field, editor }: { row: SpmReportService; field: NoteField; editor: NotesEditor }) {
  const { t } = useTranslation();
  const cell = noteCell(row.number, field);
  return (
    <TextCell
      cellKey={cell}
      value={row[field]}
      label={`${row.name} — ${t(`spm.report.columns.${field}`)}`}
      editing={editor.editing === cell}
      state={editor.cells[cell]}
      onStart={() => {
        editor.clearCell(cell);
        editor.setEditing(cell);
      }}
      onCancel={() => editor.setEditing(null)}
      onCommit={(value, move) => {
        editor.setEditing(null);
        focusAfter(cell, move);
        editor.save(row.number, field, value);
      }}
    />
  );
}

/** Survey result: "86,11", "B (Baik)", "240 responden"; without a survey, says so. */
function IkmCell({ ikm }: { ikm: SpmReportService["ikm"] }) {
  const { t } = useTranslation();
  const label = useDomainLabel();
  if (ikm === null)
    return (
      <Text size="xs" c="dimmed">
        {t("spm.report.noSurvey")}
      </Text>
    );
  return (
    <>
      <Text size="sm">{percent(ikm.value)}</Text>
      <Text size="xs" c="dimmed">
        {ikm.band} ({label(SKM_BAND_LABEL[ikm.band])}),{" "}
        {t("spm.report.respondents", { formatted: formatNumberId(String(ikm.respondents)) })}
      </Text>
    </>
  );
}

/** The Pasal 9 report table, column for column as the xlsx and pdf print it. */
export function ReportTable({ rows, editor }: { rows: SpmReportService[]; editor?: NotesEditor }) {
  const { t } = useTranslation();
  const unknown = t("spm.figures.noData");
  const columns = [
    "number",
    "service",
    "indicator",
    "target",
    "numerator",
    "denominator",
    "capaian",
    "gap",
    "ikm",
    "masalah",
    "pemecahanMasalah",
  ] as const;
  return (
    <WideScroll label={t("spm.report.title")}>
      <Table
        withTableBorder
        withColumnBorders
        className="eval-table spm-table spm-doc"
        data-testid="report-table"
      >
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c} scope="col" className={stickyClass[c]}>
                {t(`spm.report.columns.${c}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.number} data-service={row.number}>
              <Table.Td className={stickyClass.number}>{row.number}</Table.Td>
              <Table.Th scope="row" className={stickyClass.service} fw={500}>
                {row.name}
              </Table.Th>
              <Table.Td fz="xs" miw={200}>
                {row.indicator}
              </Table.Td>
              <Table.Td ta="right">{formatTarget(row.target)}</Table.Td>
              <Table.Td ta="right" data-testid="numerator">
                {count(row.numerator, unknown)}
              </Table.Td>
              <Table.Td ta="right" data-testid="denominator" miw={160}>
                {count(row.denominator, unknown)}
                {row.denominatorNote && (
                  <Text size="xs" c="orange.9" ta="left" data-testid="denominator-note">
                    {t("spm.figures.estimated", { note: row.denominatorNote })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right" data-testid="capaian">
                {row.capaian === null ? (
                  <Text size="xs" c="dimmed" fw={600}>
                    {row.reason ?? unknown}
                  </Text>
                ) : (
                  percent(row.capaian)
                )}
                <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                  {t("spm.report.reports", { received: row.receivedReports, expected: row.expectedReports })}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{row.gap === null ? "–" : percent(row.gap)}</Table.Td>
              <Table.Td ta="right">
                <IkmCell ikm={row.ikm} />
              </Table.Td>
              {noteFields.map((field) =>
                editor ? (
                  <NoteCell key={field} row={row} field={field} editor={editor} />
                ) : (
                  <Table.Td key={field} className="eval-text">
                    {row[field] ?? "–"}
                  </Table.Td>
                ),
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </WideScroll>
  );
}
