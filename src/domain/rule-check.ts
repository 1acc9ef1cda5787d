import { DomainError } from "./errors.js";
import { dataElementsOf, parseExpression } from "./expression.js";
import type { ValidationRule } from "./validation.js";

/** A data element code as indicator expressions read it: `#{CODE}` (domain/expression.ts). */
export const ELEMENT_CODE = /^[A-Za-z0-9_]{1,50}$/;

export function isElementCode(code: string): boolean {
  return ELEMENT_CODE.test(code);
}

export interface RuleProblem {
  /** Index of the rule in the list. */
  readonly rule: number;
  readonly field: "code" | "left" | "right" | "message";
  readonly message: { readonly id: string; readonly en: string };
}

/**
 * Checks a data set's validation rules before they are stored: unique codes, both sides parse, every
 * element they name is in the form, and a message in both languages. Shared by the API and the editor.
 */
export function checkRules(rules: readonly ValidationRule[], formCodes: ReadonlySet<string>): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const seen = new Set<string>();
  rules.forEach((rule, index) => {
    const label = rule.code.trim() || `#${index + 1}`;
    if (!rule.code.trim()) {
      problems.push({
        rule: index,
        field: "code",
        message: { id: "Kode aturan wajib diisi.", en: "The rule code is required." },
      });
    } else if (seen.has(rule.code)) {
      problems.push({
        rule: index,
        field: "code",
        message: {
          id: `Kode aturan ${rule.code} dipakai dua kali.`,
          en: `Rule code ${rule.code} is used twice.`,
        },
      });
    }
    seen.add(rule.code);
    for (const field of ["left", "right"] as const) {
      try {
        const unknown = dataElementsOf(parseExpression(rule[field]))
          .map((key) => key.split(".")[0] as string)
          .filter((code) => !formCodes.has(code));
        if (unknown.length) {
          problems.push({
            rule: index,
            field,
            message: {
              id: `Aturan ${label}: ${unknown.join(", ")} bukan data dalam formulir ini.`,
              en: `Rule ${label}: ${unknown.join(", ")} is not a data element of this form.`,
            },
          });
        }
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        problems.push({
          rule: index,
          field,
          message: { id: `Aturan ${label}: ${error.messageId}`, en: `Rule ${label}: ${error.messageEn}` },
        });
      }
    }
    if (!rule.message.id.trim() || !rule.message.en.trim()) {
      problems.push({
        rule: index,
        field: "message",
        message: {
          id: `Aturan ${label}: pesan dalam bahasa Indonesia dan Inggris wajib diisi.`,
          en: `Rule ${label}: the message in Indonesian and English is required.`,
        },
      });
    }
  });
  return problems;
}
