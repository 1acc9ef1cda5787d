import { approvedValues } from "../data-entry/approved-values.js";
import type { Reader } from "../db/client.js";
import {
  add,
  canonical,
  computeIndicator,
  defineIndicator,
  type IndicatorDefinition,
  indicatorDataElements,
  type RatioFactor,
} from "../domain/index.js";
import { approvedMonths } from "./queries.js";
import type { CheckResult, DefinitionDraftInput } from "./schemas.js";

type Unit = { id: string; name: string; path: string };

/** The domain definition of a draft that passed checkDefinition. */
export function domainDefinition(draft: DefinitionDraftInput): IndicatorDefinition {
  const common = { code: draft.code, name: draft.name, unit: draft.unit, polarity: draft.polarity };
  if (draft.kind === "ratio") {
    return defineIndicator({
      ...common,
      kind: "ratio",
      factor: (draft.factor ?? 100) as RatioFactor,
      numerator: draft.numerator,
      denominator: draft.denominator ?? "",
    });
  }
  return defineIndicator({ ...common, kind: draft.kind, value: draft.numerator });
}

function valueFor(
  definition: IndicatorDefinition,
  unit: { id: string; name: string },
  values: Record<string, string>,
) {
  const result = computeIndicator(definition, values);
  return result.computable
    ? {
        orgUnitId: unit.id,
        name: unit.name,
        value: result.value,
        numerator: result.numerator === undefined ? null : canonical(result.numerator),
        denominator: result.denominator === undefined ? null : canonical(result.denominator),
        reason: null,
      }
    : {
        orgUnitId: unit.id,
        name: unit.name,
        value: null,
        numerator: null,
        denominator: null,
        reason: result.message,
      };
}

/**
 * The value a definition would give for the last month with approved values of its elements, for the
 * kab/kota (numerators and denominators summed over its facilities) and for one puskesmas.
 */
export async function previewDefinition(
  db: Reader,
  draft: DefinitionDraftInput,
  kota: Unit,
  facilities: Map<string, string>,
  puskesmasId: string | undefined,
): Promise<CheckResult["preview"]> {
  const definition = domainDefinition(draft);
  const codes = indicatorDataElements(definition).map((k) => k.split(".")[0] as string);
  const months = await approvedMonths(db, kota.path);
  const values = await approvedValues(db, kota.path, months, codes);
  const period = values.reduce<string | null>(
    (last, v) => (last === null || v.period > last ? v.period : last),
    null,
  );
  if (period === null) return null;
  const inMonth = values.filter((v) => v.period === period);
  const sums = (rows: typeof inMonth) => {
    const out: Record<string, string> = {};
    for (const v of rows) out[v.element] = out[v.element] ? add(out[v.element] as string, v.total) : v.total;
    return out;
  };
  const withData = [...new Set(inMonth.map((v) => v.orgUnitId))].sort((a, b) =>
    (facilities.get(a) ?? "").localeCompare(facilities.get(b) ?? ""),
  );
  const chosen = puskesmasId ?? withData[0];
  return {
    period,
    kota: valueFor(definition, kota, sums(inMonth)),
    puskesmas: chosen
      ? valueFor(
          definition,
          { id: chosen, name: facilities.get(chosen) ?? "" },
          sums(inMonth.filter((v) => v.orgUnitId === chosen)),
        )
      : null,
  };
}
