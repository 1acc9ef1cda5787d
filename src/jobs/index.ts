/** What other features use of jobs: start one and run it in the background. */
export { createJob, dropJob, type JobProgress, runJob } from "./commands.js";
export { type JobStarted, jobStartedSchema } from "./schemas.js";
