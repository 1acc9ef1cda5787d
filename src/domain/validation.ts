import { compare, div, isZero, mul, scaleOf, sub } from "./decimal.js";
import { evaluate, parseExpression } from "./expression.js";

/** A rule between two expressions over data elements, e.g. #{K4} <= #{BUMIL_SASARAN}. */
export interface ValidationRule {
  readonly code: string;
  readonly left: string;
  readonly operator: "<=" | "<" | ">=" | ">" | "==" | "!=";
  readonly right: string;
  /** Errors block submission; warnings need a comment on one of the values involved. */
  readonly severity: "error" | "warning";
  readonly message: { readonly id: string; readonly en: string };
}

export interface ValidationFinding {
  readonly code: string;
  readonly severity: "error" | "warning";
  readonly message: { readonly id: string; readonly en: string };
  /** The data element codes the finding is about, to mark their cells. */
  readonly dataElements: readonly string[];
}

export interface ValidationInput {
  readonly rules: readonly ValidationRule[];
  /** Entered values by data element code (canonical decimal strings). */
  readonly values: Readonly<Record<string, string>>;
  readonly valueTypes: Readonly<Record<string, "integer" | "number">>;
  /** The same facility's values for the previous period, for the jump check. */
  readonly previous?: Readonly<Record<string, string>>;
  /** A change beyond this many percent from the previous period is a warning. */
  readonly jumpPercent?: number;
  /** Data element names by code: messages name the element as people know it, not its code. */
  readonly names?: Readonly<Record<string, string>>;
}

const holds: Record<ValidationRule["operator"], (c: -1 | 0 | 1) => boolean> = {
  "<=": (c) => c <= 0,
  "<": (c) => c < 0,
  ">=": (c) => c >= 0,
  ">": (c) => c > 0,
  "==": (c) => c === 0,
  "!=": (c) => c !== 0,
};

/**
 * Checks one form's values: no negatives, whole numbers where the element counts people or events,
 * the data set's rules (skipped while a value they need is still empty), and big jumps from the
 * previous period.
 */
export function validateValues(input: ValidationInput): ValidationFinding[] {
  const findings: ValidationFinding[] = [];
  const nameOf = (code: string) => input.names?.[code] ?? code;
  for (const [code, value] of Object.entries(input.values)) {
    if (compare(value, "0") < 0) {
      findings.push({
        code: "NEGATIVE",
        severity: "error",
        message: {
          id: `${nameOf(code)}: nilai tidak boleh negatif.`,
          en: `${nameOf(code)}: the value cannot be negative.`,
        },
        dataElements: [code],
      });
    }
    if (input.valueTypes[code] === "integer" && scaleOf(value) > 0) {
      findings.push({
        code: "NOT_WHOLE",
        severity: "error",
        message: {
          id: `${nameOf(code)}: harus bilangan bulat.`,
          en: `${nameOf(code)}: must be a whole number.`,
        },
        dataElements: [code],
      });
    }
  }
  for (const rule of input.rules) {
    const left = parseExpression(rule.left);
    const right = parseExpression(rule.right);
    const l = evaluate(left, input.values);
    const r = evaluate(right, input.values);
    if (!l.computable || !r.computable) continue;
    if (!holds[rule.operator](compare(l.value, r.value))) {
      const elements = [...new Set([...collect(rule.left), ...collect(rule.right)])];
      findings.push({
        code: rule.code,
        severity: rule.severity,
        message: rule.message,
        dataElements: elements,
      });
    }
  }
  const limit = String(input.jumpPercent ?? 50);
  for (const [code, value] of Object.entries(input.values)) {
    const before = input.previous?.[code];
    if (before === undefined || isZero(before)) continue;
    const change = mul(div(sub(value, before), before, 6), "100");
    const magnitude = change.startsWith("-") ? change.slice(1) : change;
    if (compare(magnitude, limit) > 0) {
      findings.push({
        code: "BIG_JUMP",
        severity: "warning",
        message: {
          id: `${nameOf(code)}: berubah ${change.startsWith("-") ? "" : "+"}${Math.round(Number(change))}% dari periode sebelumnya (${before}); beri keterangan.`,
          en: `${nameOf(code)}: changed ${Math.round(Number(change))}% from the previous period (${before}); add a comment.`,
        },
        dataElements: [code],
      });
    }
  }
  return findings;
}

/** What a warning is about: its code and the elements it names, so two BIG_JUMPs are two warnings. */
export function findingKey(finding: Pick<ValidationFinding, "code" | "dataElements">): string {
  return `${finding.code}:${[...finding.dataElements].sort().join(",")}`;
}

/**
 * The warnings still waiting for an explanation: each one needs a comment on one of its own values
 * (the server refuses the submission otherwise; the form shows the same count).
 * `commented` holds the codes of the data elements whose value carries a non-empty comment.
 */
export function unexplainedWarnings<F extends Pick<ValidationFinding, "code" | "severity" | "dataElements">>(
  findings: readonly F[],
  commented: ReadonlySet<string>,
): F[] {
  return findings.filter(
    (f) => f.severity === "warning" && !f.dataElements.some((code) => commented.has(code)),
  );
}

function collect(source: string): string[] {
  return [...source.matchAll(/#\{([^}]+)\}/g)].map((m) => (m[1] ?? "").trim());
}
