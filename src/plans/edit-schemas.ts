import { z } from "zod";
import { TARGET_MODES } from "../domain/targets.js";
import { idParams } from "../lib/route-schemas.js";
import { reasonSchema, revisionSchema } from "../lib/write-schemas.js";

const revision = revisionSchema;
const reason = reasonSchema;
const target = z.string().trim().max(50);

export const indicatorEditSchema = z.object({
  revision,
  reason,
  unit: z.string().trim().min(1).max(100).optional(),
  targetMode: z.enum(TARGET_MODES).optional(),
  targetYear: target.optional(),
  targetQ1: target.optional(),
  targetQ2: target.optional(),
  targetQ3: target.optional(),
  targetQ4: target.optional(),
  definitionId: z
    .uuid()
    .nullable()
    .optional()
    .describe("dari data: the indicator definition feeding realisasi; null: diisi langsung"),
});

export const nodeEditSchema = z.object({
  revision,
  reason,
  name: z.string().trim().min(1).max(1000).optional(),
  code: z.string().trim().max(50).nullable().optional(),
  budget: z
    .number()
    .int()
    .min(0)
    .max(Number.MAX_SAFE_INTEGER)
    .nullable()
    .optional()
    .describe("pagu, whole Rupiah"),
});

export const nodeCreateSchema = z.object({
  parentId: z.uuid().nullable(),
  level: z.enum(["tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan"]),
  name: z.string().trim().min(1).max(1000),
  code: z.string().trim().max(50).nullable().optional(),
  budget: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable().optional(),
  reason,
});

export const nodeMoveSchema = z.object({
  revision,
  reason,
  parentId: z.uuid().nullable(),
  /** Index among the new parent's children. */
  index: z.number().int().min(0),
});

export const indicatorCreateSchema = z.object({
  name: z.string().trim().min(1).max(1000),
  unit: z.string().trim().min(1).max(100),
  targetYear: target,
  quarters: z.tuple([target, target, target, target]),
  polarity: z.enum(["higher", "lower"]).optional(),
  definitionId: z.uuid().nullable().optional().describe("dari data: the indicator definition"),
  reason,
});

export const deleteQuerySchema = z.object({ revision: z.coerce.number().int().min(1), reason });

export const signSchema = z.object({
  place: z.string().trim().min(1).max(100),
  date: z.iso.date(),
});

export type IndicatorEdit = z.infer<typeof indicatorEditSchema>;
export type NodeEdit = z.infer<typeof nodeEditSchema>;
export type NodeCreate = z.infer<typeof nodeCreateSchema>;
export type NodeMove = z.infer<typeof nodeMoveSchema>;
export type IndicatorCreate = z.infer<typeof indicatorCreateSchema>;

export const nodeParamsSchema = idParams.extend({ nodeId: z.uuid() });
export const indicatorParamsSchema = idParams.extend({ indicatorId: z.uuid() });

/** The answer of an edit inside a plan: the row and its new revision, plus what the command adds. */
export const planItemSavedSchema = z.object({ id: z.uuid(), revision: z.number().int() }).loose();

export const reviseSchema = z.object({ reason: z.string().trim().max(500).optional() });
export const revisedSchema = z.object({ id: z.uuid(), version: z.number().int() });
