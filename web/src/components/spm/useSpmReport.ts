import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SpmReport, SpmReportService } from "../../../../src/spm/report-types";
import { ApiError, apiGet, apiSend } from "../../api";
import type { CellState } from "../plan/usePlanEditor";

export type NoteField = "masalah" | "pemecahanMasalah";

/**
 * A report row with the revision of its stored note, which PUT /spm/report/notes checks. The server
 * does not send it yet (until it does, a note saved in an earlier visit is refused as a conflict);
 * within a visit the editor remembers the revisions its own saves return.
 */
type ReportRow = SpmReportService & { revision?: number | null };
export type Signatory = Required<SpmReport["signatory"]>;

const reportKey = (orgUnitId: string, year: number) => ["spm-report", orgUnitId, year];

export function useSpmReport(orgUnitId: string, year: number) {
  return useQuery({
    queryKey: reportKey(orgUnitId, year),
    queryFn: () => apiGet<SpmReport>(`/spm/report?orgUnitId=${orgUnitId}&year=${year}`),
  });
}

/** The server's message, or ours when the request never reached it, always in the reader's language. */
function messageOf(error: unknown, fallback: string) {
  return error instanceof ApiError ? error.message : fallback;
}

/**
 * Saves Masalah / Pemecahan masalah one cell at a time. The text shows at once (optimistic); a failed
 * save puts the old text back and says why under the cell. Both texts of a service are one record with
 * one revision, so saves of a service run one after another, each sending what the previous one left
 * and the revision it produced.
 */
export function useNotesEditor(orgUnitId: string, year: number) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const key = reportKey(orgUnitId, year);
  const [cells, setCells] = useState<Record<string, CellState>>({});
  const [editing, setEditing] = useState<string | null>(null);
  const queue = useRef(new Map<number, Promise<void>>());
  const revisions = useRef(new Map<number, number>());

  const setCell = (cell: string, state: CellState | null) =>
    setCells((c) => (state ? { ...c, [cell]: state } : without(c, cell)));
  const patch = (number: number, change: Partial<SpmReportService>) =>
    queryClient.setQueryData<SpmReport>(
      key,
      (old) =>
        old && {
          ...old,
          services: old.services.map((s) => (s.number === number ? { ...s, ...change } : s)),
        },
    );
  const current = (number: number): ReportRow | undefined =>
    queryClient.getQueryData<SpmReport>(key)?.services.find((s) => s.number === number);

  const save = (number: number, field: NoteField, typed: string) => {
    const cell = noteCell(number, field);
    const previous = current(number)?.[field] ?? null;
    const value = typed.trim() === "" ? null : typed;
    if (value === previous) return;
    patch(number, { [field]: value });
    setCell(cell, { state: "saving" });
    const run = (queue.current.get(number) ?? Promise.resolve()).then(async () => {
      const row = current(number);
      try {
        const saved = await apiSend<{ revision: number }>("PUT", "/spm/report/notes", {
          orgUnitId,
          year,
          serviceId: row?.serviceId,
          masalah: row?.masalah ?? null,
          pemecahanMasalah: row?.pemecahanMasalah ?? null,
          revision: revisions.current.get(number) ?? row?.revision ?? null,
        });
        revisions.current.set(number, saved.revision);
        setCell(cell, { state: "saved" });
        setTimeout(() => setCells((c) => (c[cell]?.state === "saved" ? without(c, cell) : c)), 2500);
      } catch (error) {
        const conflict = error instanceof ApiError && error.code === "EDIT_CONFLICT";
        // Someone else wrote here: show their text. Otherwise undo only our own text, unless a later
        // edit of the same cell has already replaced it.
        if (conflict) {
          revisions.current.delete(number);
          void queryClient.invalidateQueries({ queryKey: key });
        } else if (current(number)?.[field] === value) patch(number, { [field]: previous });
        const message = conflict ? t("spm.report.conflict") : messageOf(error, t("spm.report.saveFailed"));
        setCell(cell, { state: "error", message });
      }
    });
    queue.current.set(number, run);
  };

  return {
    cells,
    editing,
    setEditing,
    clearCell: (cell: string) => setCell(cell, null),
    save,
  };
}

export type NotesEditor = ReturnType<typeof useNotesEditor>;

export const noteCell = (number: number, field: NoteField) => `spm:${number}:${field}`;

function without(cells: Record<string, CellState>, cell: string) {
  const { [cell]: _gone, ...rest } = cells;
  return rest;
}

/** Saves the signatory block and shows it in the report at once; the caller shows errors. */
export function useSignatorySaver(orgUnitId: string, year: number) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const key = reportKey(orgUnitId, year);
  return async ({ place, date, ...rest }: Signatory) => {
    const report = queryClient.getQueryData<SpmReport>(key);
    try {
      const saved = await apiSend<{ revision: number }>("PUT", "/spm/report/signatory", {
        orgUnitId,
        year,
        ...rest,
        // An empty place or date is "not set yet", which the server stores as nothing.
        place: place.trim() || null,
        date: date || null,
        revision: report?.revision ?? null,
      });
      const signatory = { ...rest, ...(place.trim() ? { place } : {}), ...(date ? { date } : {}) };
      queryClient.setQueryData<SpmReport>(
        key,
        (old) => old && { ...old, signatory, revision: saved.revision },
      );
    } catch (error) {
      if (!(error instanceof ApiError && error.code === "EDIT_CONFLICT")) throw error;
      void queryClient.invalidateQueries({ queryKey: key });
      throw new ApiError(error.status, error.code, t("spm.report.conflict"));
    }
  };
}
