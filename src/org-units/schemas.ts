import { z } from "zod";
import { ORG_UNIT_TYPES, OWNER_TYPES } from "../db/schema/index.js";
import { dryRunSchema, fileNameSchema } from "../lib/route-schemas.js";

export const orgUnitSchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  code: z.string(),
  name: z.string(),
  officeName: z.string().nullable(),
  type: z.enum(ORG_UNIT_TYPES),
  ownerType: z.enum(OWNER_TYPES).nullable(),
  isBlud: z.boolean(),
  level: z.number().int(),
  path: z.string(),
  kemenkesCode: z.string().nullable(),
  closedOn: z.string().nullable().describe("YYYY-MM-DD; null while the unit is open"),
  closedReason: z.string().nullable(),
});

export type OrgUnit = z.infer<typeof orgUnitSchema>;

const reason = z.string().trim().min(3).max(500).describe("alasan perubahan, dicatat di jejak audit");
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v === "" ? null : v));

/** The fields a unit's form edits; the code, type and owner are checked by the domain's tree rules. */
const fields = {
  code: z.string().trim().min(1).max(40),
  name: z.string().trim().min(2).max(200),
  officeName: optionalText(200),
  type: z.enum(ORG_UNIT_TYPES),
  ownerType: z.enum(OWNER_TYPES).nullable().optional(),
  isBlud: z.boolean().optional(),
  kemenkesCode: optionalText(20),
};

export const createOrgUnitSchema = z.object({
  parentId: z.uuid(),
  ...fields,
  reason: reason.optional(),
});
export type CreateOrgUnit = z.infer<typeof createOrgUnitSchema>;

export const updateOrgUnitSchema = z
  .object({
    code: fields.code.optional(),
    name: fields.name.optional(),
    officeName: fields.officeName,
    type: fields.type.optional(),
    ownerType: fields.ownerType,
    isBlud: fields.isBlud,
    kemenkesCode: fields.kemenkesCode,
    reason: reason.optional(),
  })
  .strict()
  .refine(
    (patch) => Object.keys(patch).some((key) => key !== "reason"),
    "Tidak ada yang diubah: isi salah satu kolom unit / nothing to change",
  );
export type UpdateOrgUnit = z.infer<typeof updateOrgUnitSchema>;

export const moveOrgUnitSchema = z.object({ parentId: z.uuid(), reason });
export const closeOrgUnitSchema = z.object({
  closedOn: z.iso.date().describe("tanggal tutup, YYYY-MM-DD"),
  reason,
});
export const reopenOrgUnitSchema = z.object({ reason });

const issue = z.object({ column: z.string().nullable(), message: z.string(), messageEn: z.string() });

export const orgUnitImportSchema = z.object({
  dryRun: z.boolean(),
  rows: z.array(
    z.object({
      row: z.number().int().describe("baris di lembar kerja, mulai 1"),
      code: z.string(),
      name: z.string(),
      status: z.enum(["new", "changed", "unchanged", "error"]),
      changes: z.array(
        z.object({ field: z.string(), old: z.string().nullable(), new: z.string().nullable() }),
      ),
      errors: z.array(issue),
    }),
  ),
  counts: z.object({
    new: z.number().int(),
    changed: z.number().int(),
    unchanged: z.number().int(),
    error: z.number().int(),
  }),
});
export type OrgUnitImport = z.infer<typeof orgUnitImportSchema>;
export type OrgUnitImportRow = OrgUnitImport["rows"][number];

export const orgUnitListSchema = z.array(orgUnitSchema);

export const orgUnitListQuerySchema = z.object({
  within: z.uuid().optional().describe("only this unit and its descendants"),
  type: z.enum(ORG_UNIT_TYPES).optional(),
  includeClosed: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true")
    .describe("also the closed units"),
});

export const orgUnitTemplateQuerySchema = z.object({
  orgUnitId: z.uuid().describe("the region (usually the kab/kota)"),
});

export const orgUnitImportQuerySchema = z.object({
  orgUnitId: z.uuid().describe("the region the file's units belong to"),
  fileName: fileNameSchema.describe("nama berkas asli, untuk mengenali .csv"),
  dryRun: dryRunSchema,
});
