import { type KeyboardEvent, useRef } from "react";
import { useTranslation } from "react-i18next";
import { formatNumberId } from "../../format";
import type { PopulationGrid } from "./populationsApi";
import { cellKey, type DraftsApi, draftState } from "./useDrafts";
import "./populations.css";

const shown = (value: string | null | undefined) => (value ? formatNumberId(value) : "");

/**
 * Units × categories as a spreadsheet of plain inputs (light enough for an old laptop): each input
 * holds the unit's own figure; an empty one shows, greyed, what the units below it add up to.
 */
export function PopulationTable({
  grid,
  drafts,
  readOnly,
}: {
  grid: PopulationGrid;
  drafts: DraftsApi;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const table = useRef<HTMLTableElement>(null);
  const go = (r: number, c: number) =>
    table.current?.querySelector<HTMLInputElement>(`input[data-r="${r}"][data-c="${c}"]`)?.focus();

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, r: number, c: number, key: string) => {
    const input = event.currentTarget;
    const [start, end, length] = [input.selectionStart, input.selectionEnd, input.value.length];
    // Arrows leave the cell when the caret is at its edge or the whole text is selected (just focused).
    const whole = start === 0 && end === length;
    const moves: Record<string, [number, number] | null> = {
      Enter: [r + (event.shiftKey ? -1 : 1), c],
      ArrowDown: [r + 1, c],
      ArrowUp: [r - 1, c],
      ArrowLeft: whole || (start === 0 && end === 0) ? [r, c - 1] : null,
      ArrowRight: whole || start === length ? [r, c + 1] : null,
    };
    const target = moves[event.key];
    if (target) {
      event.preventDefault();
      go(...target);
    } else if (event.key === "Escape") {
      drafts.set(key, undefined);
      requestAnimationFrame(() => input.select());
    }
  };

  return (
    <div className="pop-scroll">
      <table ref={table} className="pop-table" data-testid="population-grid" data-year={grid.year}>
        <thead>
          <tr>
            <th className="pop-unit">{t("populations.grid.unit")}</th>
            {grid.categories.map((c) => (
              <th key={c.code} title={c.code}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((row, r) => (
            <tr key={row.orgUnitId} data-depth={row.depth}>
              <th scope="row" className="pop-unit" style={{ paddingLeft: 8 + row.depth * 16 }}>
                <div>{row.name}</div>
                <div className="pop-code">{row.code}</div>
              </th>
              {grid.categories.map((category, c) => {
                const key = cellKey(row.orgUnitId, category.code);
                const own = row.cells[category.code];
                const text = drafts.drafts[key];
                const total = row.totals[category.code];
                const state = draftState(text, row, category.code);
                return (
                  <td key={category.code}>
                    <input
                      className="pop-input"
                      data-r={r}
                      data-c={c}
                      data-state={state}
                      inputMode="numeric"
                      readOnly={readOnly}
                      aria-label={`${row.name} — ${category.label}`}
                      aria-invalid={state === "invalid"}
                      value={text ?? shown(own?.value)}
                      placeholder={own ? undefined : shown(total)}
                      title={
                        state === "invalid"
                          ? t("populations.grid.invalid")
                          : own
                            ? t("populations.grid.source", {
                                source: own.source ?? "–",
                                revision: own.revision,
                              })
                            : total
                              ? t("populations.grid.fromBelow", { value: shown(total) })
                              : undefined
                      }
                      onFocus={(e) => e.currentTarget.select()}
                      onChange={(e) => drafts.set(key, e.currentTarget.value)}
                      // A text that reads as the saved figure ("41500" for 41.500) is no change.
                      onBlur={() => text !== undefined && !state && drafts.set(key, undefined)}
                      onKeyDown={(e) => onKeyDown(e, r, c, key)}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="pop-total" data-testid="population-totals">
            <th scope="row" className="pop-unit">
              {t("populations.grid.total", { name: grid.unit.name })}
            </th>
            {grid.categories.map((c) => (
              <td key={c.code}>{shown(grid.totals[c.code]) || "–"}</td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
