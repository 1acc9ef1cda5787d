import { z } from "zod";

const isoDate = z.iso.date().describe("YYYY-MM-DD");

/** What the audit trail is filtered by, on screen and in the export. */
export const auditFilterSchema = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  username: z.string().max(200).optional(),
  action: z.string().max(100).optional(),
  entityType: z.string().max(100).optional(),
  /** A single value, `<orgUnitId>/<period>/<code>`, also finds the bulk records (imports) holding it. */
  entityId: z.string().max(100).optional(),
  /** One record by its number: a bulk record with all its values. */
  id: z.coerce.number().int().positive().optional(),
  /** Words as the screen shows them (action or entity in words, user, unit, id, reason). */
  q: z.string().trim().max(100).optional(),
});

export const auditRowSchema = z.object({
  id: z.number().int(),
  at: z.string().describe("ISO 8601 timestamp"),
  username: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  orgUnitName: z.string().nullable(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  /** A bulk record's number of values (its values: by `id`, or one by a value's `entityId`). */
  valueCount: z.number().int().nullable(),
  reason: z.string().nullable(),
  requestId: z.string().nullable(),
  clientAddress: z.string().nullable(),
});

export const auditPageQuerySchema = auditFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const auditPageSchema = z.object({ total: z.number().int(), rows: z.array(auditRowSchema) });
export type AuditRecord = z.infer<typeof auditRowSchema>;
