import { z } from "zod";
import { ROLES } from "../db/schema/index.js";
import { reasonSchema } from "../lib/write-schemas.js";

export const roleInputSchema = z.object({
  role: z.enum(ROLES),
  orgUnitId: z.uuid(),
  indicatorIds: z.array(z.uuid()).max(1000).nullable().optional(),
});

export const managedUserSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  /** The language of the e-mails and notices the app sends; null: Indonesian. */
  language: z.enum(["id", "en"]).nullable(),
  nip: z.string().nullable(),
  isActive: z.boolean(),
  isDemo: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  roles: z.array(
    z.object({
      role: z.enum(ROLES),
      orgUnitId: z.uuid(),
      orgUnitName: z.string(),
      indicatorIds: z.array(z.uuid()).nullable(),
    }),
  ),
});

const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,50}$/, "3–50 huruf kecil, angka, titik, garis bawah atau tanda hubung");

export const managedUserListSchema = z.array(managedUserSchema);

export const createUserSchema = z.object({
  username,
  fullName: z.string().trim().min(1).max(200),
  email: z.email().toLowerCase().nullable().optional(),
  language: z.enum(["id", "en"]).nullable().optional(),
  nip: z.string().trim().max(30).nullable().optional(),
  roles: z.array(roleInputSchema).min(1).max(50),
});

export const updateUserSchema = z
  .object({
    fullName: z.string().trim().min(1).max(200).optional(),
    email: z.email().toLowerCase().nullable().optional(),
    language: z.enum(["id", "en"]).nullable().optional(),
    nip: z.string().trim().max(30).nullable().optional(),
    isActive: z.boolean().optional(),
    reason: reasonSchema,
  })
  .refine(
    (patch) => ["fullName", "email", "language", "nip", "isActive"].some((key) => key in patch),
    "Tidak ada yang diubah: isi salah satu dari fullName, email, language, nip, isActive / nothing to change",
  );

export const replaceRolesSchema = z.object({
  roles: z.array(roleInputSchema).max(50),
  reason: reasonSchema,
});

export const temporaryPasswordSchema = z.object({ user: managedUserSchema, temporaryPassword: z.string() });

export type ManagedUser = z.infer<typeof managedUserSchema>;
export type RoleInput = z.infer<typeof roleInputSchema>;
export type CreateUser = z.infer<typeof createUserSchema>;
