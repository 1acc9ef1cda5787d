import type { RowProblem } from "../../data-entry/index.js";
import type { ImportSummary } from "./schemas.js";

/** Conflicts listed in full; the rest are counted so a million bad values do not make a huge answer. */
const LISTED = 1_000;

/** DHIS2's error codes (E76xx: data value import) for what our checks find. */
export const ERROR_CODES: Record<
  RowProblem["kind"] | "element" | "combo" | "attribute" | "duplicate",
  string
> = {
  element: "E7610",
  period: "E7611",
  unit_unknown: "E7612",
  combo: "E7613",
  attribute: "E7614",
  not_allowed: "E7615",
  not_assigned: "E7616",
  not_in_form: "E7617",
  not_number: "E7619",
  duplicate: "E7630",
  duplicate_row: "E7630",
  locked: "E7645",
};

type Conflict = ImportSummary["conflicts"][number];

/** Conflicts merged by code, object and message, each with the indexes of the values it concerns. */
export class Conflicts {
  readonly #byKey = new Map<string, Conflict>();

  addAll(
    kind: keyof typeof ERROR_CODES,
    object: string,
    message: { id: string; en: string },
    indexes: readonly number[],
  ) {
    const errorCode = ERROR_CODES[kind];
    const key = `${errorCode}\u0000${object}\u0000${message.id}`;
    const found = this.#byKey.get(key);
    if (found) for (const index of indexes) found.indexes.push(index);
    else
      this.#byKey.set(key, {
        object,
        value: message.id,
        valueEn: message.en,
        errorCode,
        indexes: [...indexes],
      });
  }

  get size() {
    return this.#byKey.size;
  }

  listed(): Conflict[] {
    return [...this.#byKey.values()].slice(0, LISTED);
  }
}
