import type { BilingualText } from "./errors.js";
import { DomainError } from "./errors.js";
import { type Expression, evaluate, parseExpression } from "./expression.js";
import { RATIO_FACTORS, type RatioFactor } from "./indicators.js";

/** How an indicator adds up over the months of a period; over org units numerators and denominators always sum. */
export const TIME_AGGREGATIONS = ["sum", "latest", "mean"] as const;
export type TimeAggregation = (typeof TIME_AGGREGATIONS)[number];

export interface DefinitionDraft {
  readonly code: string;
  readonly kind: "ratio" | "count" | "direct";
  readonly factor?: number | null;
  readonly unit: string;
  readonly numerator: string;
  readonly denominator?: string | null;
}

export type DefinitionField = "numerator" | "denominator" | "unit" | "factor";

export interface DefinitionIssue {
  readonly field: DefinitionField;
  readonly code:
    | "EXPRESSION_INVALID"
    | "EXPRESSION_EMPTY"
    | "UNKNOWN_ELEMENT"
    | "DIVISION_BY_ZERO"
    | "EXPRESSION_CYCLE"
    | "UNIT_CONTRADICTS_KIND"
    | "FACTOR_INVALID";
  /** 1-based column in the expression, null when the issue is not at one place. */
  readonly position: number | null;
  readonly message: BilingualText;
}

export interface DefinitionContext {
  /** Codes of the data elements in the data_elements table. */
  readonly elements: ReadonlySet<string>;
  /** Codes of catalogue indicators: an expression naming one would make indicators depend on each other. */
  readonly indicators?: ReadonlySet<string>;
}

const PERCENT_UNIT = /%|persen/i;
const PER_THOUSANDS = /per\s*1[.,]?000\b|per\s*100[.,]?000\b|‰/i;

const issue = (
  field: DefinitionField,
  code: DefinitionIssue["code"],
  position: number | null,
  id: string,
  en: string,
): DefinitionIssue => ({ field, code, position, message: { id, en } });

/** The column of the first `#{CODE` in the source, for messages about that element. */
function positionOf(source: string, key: string): number | null {
  const at = source.indexOf(`#{${key}`);
  return at < 0 ? null : at + 1;
}

function divisionsByZero(tree: Expression): number[] {
  const found: number[] = [];
  const visit = (node: Expression): void => {
    if (node.type === "negate") visit(node.operand);
    if (node.type !== "binary") return;
    visit(node.left);
    visit(node.right);
    // A divisor without data elements is a constant: when it is 0 every value would be "not computable".
    const divisor = evaluate(node.right, {});
    if (node.operator === "/" && divisor.computable && /^-?0(\.0+)?$/.test(divisor.value)) {
      found.push(node.position ?? 0);
    }
  };
  visit(tree);
  return found;
}

function elementKeys(tree: Expression): string[] {
  if (tree.type === "dataElement") return [tree.dataElement];
  if (tree.type === "negate") return elementKeys(tree.operand);
  if (tree.type === "binary") return [...elementKeys(tree.left), ...elementKeys(tree.right)];
  return [];
}

function checkExpression(
  field: "numerator" | "denominator",
  source: string,
  draft: DefinitionDraft,
  context: DefinitionContext,
): DefinitionIssue[] {
  if (source.trim() === "") {
    return [issue(field, "EXPRESSION_EMPTY", null, "Ekspresi belum diisi", "The expression is empty")];
  }
  let tree: Expression;
  try {
    tree = parseExpression(source);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const position = (error.details as { position?: number } | undefined)?.position ?? null;
    return [issue(field, "EXPRESSION_INVALID", position, error.messageId, error.messageEn)];
  }
  const issues: DefinitionIssue[] = [];
  for (const code of new Set(elementKeys(tree))) {
    const position = positionOf(source, code);
    if (code === draft.code || context.indicators?.has(code)) {
      issues.push(
        issue(
          field,
          "EXPRESSION_CYCLE",
          position,
          `Posisi ${position}: #{${code}} adalah indikator${code === draft.code ? " ini sendiri" : ""}, bukan data element; indikator hanya dapat dihitung dari data element agar tidak terjadi siklus`,
          `Position ${position}: #{${code}} is ${code === draft.code ? "this indicator itself" : "an indicator"}, not a data element; indicators are computed from data elements only so that no cycle can arise`,
        ),
      );
    } else if (!context.elements.has(code)) {
      issues.push(
        issue(
          field,
          "UNKNOWN_ELEMENT",
          position,
          `Posisi ${position}: data element #{${code}} tidak dikenal`,
          `Position ${position}: unknown data element #{${code}}`,
        ),
      );
    }
  }
  for (const position of divisionsByZero(tree)) {
    issues.push(
      issue(
        field,
        "DIVISION_BY_ZERO",
        position,
        `Posisi ${position}: pembagian dengan 0`,
        `Position ${position}: division by zero`,
      ),
    );
  }
  if (field === "denominator" && elementKeys(tree).length === 0) {
    const constant = evaluate(tree, {});
    if (constant.computable && /^-?0(\.0+)?$/.test(constant.value)) {
      issues.push(issue(field, "DIVISION_BY_ZERO", 1, "Penyebut selalu 0", "The denominator is always 0"));
    }
  }
  return issues;
}

function checkUnit(draft: DefinitionDraft): DefinitionIssue[] {
  const unit = draft.unit.trim();
  const percent = PERCENT_UNIT.test(unit);
  if (draft.kind !== "ratio" && percent) {
    const kind =
      draft.kind === "count" ? { id: "jumlah", en: "count" } : { id: "nilai langsung", en: "direct value" };
    return [
      issue(
        "unit",
        "UNIT_CONTRADICTS_KIND",
        null,
        `Satuan "${unit}" menyatakan persentase, tetapi jenis indikator ${kind.id}: pilih jenis rasio dengan faktor 100`,
        `The unit "${unit}" states a percentage but the indicator is a ${kind.en}: choose a ratio with factor 100`,
      ),
    ];
  }
  if (draft.kind === "ratio" && percent && draft.factor !== 100) {
    return [
      issue(
        "unit",
        "UNIT_CONTRADICTS_KIND",
        null,
        `Satuan "${unit}" menyatakan persentase, tetapi faktornya ${draft.factor ?? "-"}: gunakan faktor 100`,
        `The unit "${unit}" states a percentage but the factor is ${draft.factor ?? "-"}: use factor 100`,
      ),
    ];
  }
  if (draft.kind === "ratio" && PER_THOUSANDS.test(unit) && (draft.factor === 100 || draft.factor === 1)) {
    return [
      issue(
        "unit",
        "UNIT_CONTRADICTS_KIND",
        null,
        `Satuan "${unit}" tidak cocok dengan faktor ${draft.factor}`,
        `The unit "${unit}" does not match the factor ${draft.factor}`,
      ),
    ];
  }
  return [];
}

/**
 * Everything wrong with a definition as typed, each issue with its field and position, so the editor
 * can mark it while the user types and the server can refuse the same definition with the same words.
 */
export function checkDefinition(draft: DefinitionDraft, context: DefinitionContext): DefinitionIssue[] {
  const issues = [...checkExpression("numerator", draft.numerator, draft, context)];
  if (draft.kind === "ratio") {
    if (!RATIO_FACTORS.includes(draft.factor as RatioFactor)) {
      issues.push(
        issue(
          "factor",
          "FACTOR_INVALID",
          null,
          "Faktor rasio harus 1, 100, 1.000 atau 100.000",
          "A ratio's factor must be 1, 100, 1,000 or 100,000",
        ),
      );
    }
    issues.push(...checkExpression("denominator", draft.denominator ?? "", draft, context));
  }
  return [...issues, ...checkUnit(draft)];
}
