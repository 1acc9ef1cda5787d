import { z } from "zod";

/** The path parameter of every route that addresses one record by its id. */
export const idParams = z.object({ id: z.uuid() });

/** The paper a printable document is laid out for (F4 is the folio size offices still print on). */
export const paperSchema = z.enum(["A4", "F4"]).default("A4");

/** An import's "check only" switch: a dry run is the default, writing needs an explicit `false`. */
export const dryRunSchema = z.enum(["true", "false"]).default("true");

/** The name of an uploaded file, used to recognise its format. */
export const fileNameSchema = z.string().trim().min(1).max(255);

/** The answer of a create: the new record's id. */
export const createdSchema = z.object({ id: z.uuid() });

/** The answer of an edit: the record and the revision it now has. */
export const savedSchema = z.object({ id: z.uuid(), revision: z.number().int() });

/** A 204 answer carries no body. */
export const noContentSchema = z.null();
