import { type Actor, recordAudit } from "../audit/record.js";
import type { Database } from "../db/client.js";
import { prevalences } from "../db/schema/index.js";
import { parseDecimal } from "../domain/index.js";

export interface PrevalenceInput {
  code: "HIPERTENSI" | "DM";
  /** null: the national figure. */
  orgUnitId: string | null;
  year: number;
  /** As typed, with a decimal point or comma ("12,5"). */
  percent: string;
  source: string;
  sourceYear: number;
}

/** Stores a sourced prevalence (the estimate of a target population reads it), audited. */
export async function setPrevalence(db: Database, input: PrevalenceInput, actor: Actor) {
  const { code, orgUnitId, year, source, sourceYear } = input;
  // The form allows one separator, always the decimal one.
  const percent = parseDecimal(input.percent, { decimalSeparator: input.percent.includes(",") ? "," : "." });
  await db.transaction(async (tx) => {
    await tx
      .insert(prevalences)
      .values({ code, orgUnitId, year, percent, source, sourceYear })
      .onConflictDoUpdate({
        target: [prevalences.code, prevalences.orgUnitId, prevalences.year],
        set: { percent, source, sourceYear },
      });
    await recordAudit(tx, actor, {
      action: "spm.prevalence_set",
      entityType: "prevalence",
      entityId: `${code}/${orgUnitId ?? "nasional"}/${year}`,
      orgUnitId,
      newValue: { percent, source, sourceYear },
    });
  });
}
