/** What other features read of the evaluation: the quarterly evaluation of a plan. */
export { computeEvaluation } from "./compute.js";
