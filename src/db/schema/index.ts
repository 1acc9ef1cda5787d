/** The database schema, one file per area; drizzle-kit reads it from here. */

export * from "./auth.js";
export * from "./core.js";
export * from "./data-entry.js";
export * from "./jobs.js";
export * from "./plans.js";
export * from "./reminders.js";
export * from "./spm.js";
