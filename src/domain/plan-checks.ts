import { formatRupiah } from "./decimal.js";

/** A node of a plan tree as far as budget checks care: its pagu (whole Rupiah) and its children. */
export interface BudgetNode {
  readonly id: string;
  readonly level: "tujuan" | "sasaran" | "program" | "kegiatan" | "sub_kegiatan";
  readonly name: string;
  readonly budget: number | null;
  readonly children: readonly BudgetNode[];
}

export type BudgetFinding =
  | {
      readonly code: "BUDGET_SUM_MISMATCH";
      readonly nodeId: string;
      readonly budget: number;
      readonly childrenSum: number;
      /** childrenSum − budget */
      readonly difference: number;
      readonly message: { readonly id: string; readonly en: string };
    }
  | {
      readonly code: "BUDGET_MISSING";
      readonly nodeId: string;
      readonly message: { readonly id: string; readonly en: string };
    };

const levelName = {
  tujuan: "tujuan",
  sasaran: "sasaran",
  program: "program",
  kegiatan: "kegiatan",
  sub_kegiatan: "sub kegiatan",
};

/**
 * Budget reconciliation of a plan tree: a node's pagu against the sum of its children's, and kegiatan or
 * sub kegiatan without a pagu. Findings are shown and accepted, never corrected (seed 000: the sasaran
 * total Rp 343.221.061.270 against Rp 342.067.018.088 of its programs).
 */
export function checkBudgets(roots: readonly BudgetNode[]): BudgetFinding[] {
  const findings: BudgetFinding[] = [];
  const visit = (node: BudgetNode) => {
    const budgeted = node.children.filter((c) => c.budget !== null);
    if (node.budget !== null && budgeted.length > 0) {
      const sum = budgeted.reduce((total, c) => total + BigInt(c.budget as number), 0n);
      if (sum !== BigInt(node.budget)) {
        const childrenSum = Number(sum);
        const what = levelName[node.level];
        findings.push({
          code: "BUDGET_SUM_MISMATCH",
          nodeId: node.id,
          budget: node.budget,
          childrenSum,
          difference: childrenSum - node.budget,
          message: {
            id: `Anggaran ${what} "${node.name}" ${formatRupiah(node.budget)}, jumlah rinciannya ${formatRupiah(childrenSum)}.`,
            en: `The budget of ${what} "${node.name}" is ${formatRupiah(node.budget)}; its parts add up to ${formatRupiah(childrenSum)}.`,
          },
        });
      }
    }
    if (node.budget === null && (node.level === "kegiatan" || node.level === "sub_kegiatan")) {
      findings.push({
        code: "BUDGET_MISSING",
        nodeId: node.id,
        message: {
          id: `${levelName[node.level]} "${node.name}" tidak mempunyai anggaran.`,
          en: `${levelName[node.level]} "${node.name}" has no budget.`,
        },
      });
    }
    for (const child of node.children) visit(child);
  };
  for (const root of roots) visit(root);
  return findings;
}
