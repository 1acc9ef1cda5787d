import { z } from "zod";

const path = z.array(z.string()).describe("node names from the sasaran down to the node changed");
const level = z.enum(["sasaran", "program", "kegiatan", "sub_kegiatan"]);
const rupiah = z.number().int().nullable();

/** One change between two versions of a RAK (see plan-diff.ts for the matching rule). */
export const planChangeSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("documentChanged"),
    field: z.enum(["title", "signatoryPosition", "signatoryName", "signatoryNip"]),
    from: z.string(),
    to: z.string(),
  }),
  z.object({ kind: z.literal("nodeAdded"), path, level, code: z.string().nullable(), budget: rupiah }),
  z.object({ kind: z.literal("nodeRemoved"), path, level, code: z.string().nullable(), budget: rupiah }),
  z.object({
    kind: z.literal("nodeRenamed"),
    path,
    level,
    code: z.string().nullable(),
    from: z.string(),
    to: z.string(),
  }),
  z.object({ kind: z.literal("budgetChanged"), path, from: rupiah, to: rupiah }),
  z.object({
    kind: z.literal("indicatorAdded"),
    path,
    name: z.string(),
    unit: z.string(),
    target: z.string(),
  }),
  z.object({
    kind: z.literal("indicatorRemoved"),
    path,
    name: z.string(),
    unit: z.string(),
    target: z.string(),
  }),
  z.object({ kind: z.literal("indicatorRenamed"), path, from: z.string(), to: z.string() }),
  z.object({
    kind: z.literal("targetChanged"),
    path,
    name: z.string(),
    field: z.enum(["unit", "polarity", "target", "q1", "q2", "q3", "q4"]),
    from: z.string(),
    to: z.string(),
  }),
]);

/** The version an import would be compared with and what it would change. */
export const importVersionSchema = z.object({
  active: z
    .object({ planId: z.uuid(), version: z.number().int(), status: z.enum(["draft", "signed"]) })
    .nullable()
    .describe("the version in force for the org unit and year; null when the import starts the plan"),
  nextVersion: z.number().int(),
  sameAs: z
    .number()
    .int()
    .nullable()
    .describe(
      "the stored version this file is identical to: saving it would be refused (409 PLAN_UNCHANGED)",
    ),
  changes: z.array(planChangeSchema).describe("changes from the version in force"),
});

export type ImportVersion = z.infer<typeof importVersionSchema>;
