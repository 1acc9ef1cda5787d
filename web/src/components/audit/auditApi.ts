export type { AuditRecord as AuditRow } from "../../../../src/audit/schemas";
