import { z } from "zod";
import { PLAN_KINDS, PLAN_NODE_LEVELS } from "../db/schema/index.js";
import { TARGET_MODES } from "../domain/targets.js";

export const planSummarySchema = z.object({
  id: z.uuid(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  officeName: z.string().nullable(),
  orgUnitPath: z.string(),
  year: z.number().int(),
  kind: z.enum(PLAN_KINDS),
  version: z.number().int(),
  title: z.string(),
  status: z.enum(["draft", "signed"]),
  active: z.boolean().describe("the version in force: the latest signed, else the latest draft"),
});

export const targetText = z.string().describe('target as written: "72.18", "11 dan 2", or "-" for no target');

export const planIndicatorSchema = z.object({
  id: z.uuid(),
  indicatorId: z.uuid(),
  /** The definition whose approved data feed the realisasi ("dari data"); null: entered directly. */
  definitionId: z.uuid().nullable(),
  /** The Renstra indicator (IKU) this yearly indicator serves; null: not linked. */
  renstraIndicatorId: z.uuid().nullable(),
  name: z.string(),
  unit: z.string(),
  polarity: z.enum(["higher", "lower"]),
  targetMode: z.enum(TARGET_MODES),
  targetYear: targetText,
  targetQ1: targetText,
  targetQ2: targetText,
  targetQ3: targetText,
  targetQ4: targetText,
  revision: z.number().int(),
  reconciliation: z.object({
    status: z.enum(["reconciled", "gap", "not_comparable"]),
    fromQuarters: z.string().nullable().describe("the annual figure the quarters imply under the mode"),
    difference: z.string().nullable().describe("fromQuarters − annual target, exact"),
  }),
});

export const planNodeSchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  level: z.enum(PLAN_NODE_LEVELS),
  code: z.string().nullable(),
  name: z.string(),
  budget: z.number().int().nullable().describe("pagu in whole Rupiah"),
  depth: z.number().int(),
  revision: z.number().int(),
  indicators: z.array(planIndicatorSchema),
});

export const planSchema = planSummarySchema.extend({
  signatoryPosition: z.string().nullable(),
  signatoryName: z.string().nullable(),
  signatoryNip: z.string().nullable(),
  signedPlace: z.string().nullable(),
  signedDate: z.string().nullable(),
  signedAt: z.string().nullable(),
  revisionOf: z.uuid().nullable(),
  nodes: z.array(planNodeSchema),
  budgetFindings: z.array(
    z.object({
      code: z.enum(["BUDGET_SUM_MISMATCH", "BUDGET_MISSING"]),
      nodeId: z.uuid(),
      message: z.string(),
      messageEn: z.string(),
    }),
  ),
});

export const planSummaryListSchema = z.array(planSummarySchema);

export const planListQuerySchema = z.object({
  orgUnitId: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  kind: z.enum(PLAN_KINDS).optional(),
});

export type PlanSummary = z.infer<typeof planSummarySchema>;
export type Plan = z.infer<typeof planSchema>;
export type PlanNode = z.infer<typeof planNodeSchema>;
export type PlanIndicator = z.infer<typeof planIndicatorSchema>;
