import { z } from "zod";
import { ORG_UNIT_TYPES, OWNER_TYPES } from "../db/schema/index.js";

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
});

export type OrgUnit = z.infer<typeof orgUnitSchema>;
