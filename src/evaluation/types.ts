import type { z } from "zod";
import type {
  capaianCellSchema,
  evaluationBudgetRowSchema,
  evaluationIndicatorRowSchema,
  evaluationSchema,
  provenanceSchema,
} from "./schemas.js";

/** The evaluation's types, from the response schemas in schemas.ts (what the web and the reports read). */
export type Level = EvaluationIndicatorRow["level"];
export type CapaianCell = z.infer<typeof capaianCellSchema>;
export type Provenance = z.infer<typeof provenanceSchema>;
export type EvaluationIndicatorRow = z.infer<typeof evaluationIndicatorRowSchema>;
export type EvaluationBudgetRow = z.infer<typeof evaluationBudgetRowSchema>;
export type Evaluation = z.infer<typeof evaluationSchema>;
