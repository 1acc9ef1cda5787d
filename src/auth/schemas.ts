import { z } from "zod";
import { ROLES } from "../db/schema/index.js";
import { PERMISSIONS } from "./permissions.js";

export const roleSchema = z.object({
  role: z.enum(ROLES),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  orgUnitPath: z.string(),
  indicatorIds: z.array(z.uuid()).nullable(),
});

export const currentUserSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  mustChangePassword: z.boolean(),
  isDemo: z.boolean(),
  roles: z.array(roleSchema),
  permissions: z.array(z.enum(PERMISSIONS)),
});

export const sessionResponseSchema = z.object({ user: currentUserSchema, csrfToken: z.string() });

export const loginBodySchema = z.object({
  username: z.string().trim().min(1).max(200).describe("nama pengguna atau email"),
  password: z.string().min(1).max(200),
});

export const passwordChangeSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});

export const csrfTokenSchema = z.object({ csrfToken: z.string() });

/** The demo accounts shown on a demo installation's login page (none elsewhere). */
export const demoAccountsSchema = z.object({
  password: z.string().nullable(),
  accounts: z.array(z.object({ username: z.string(), fullName: z.string(), role: z.string() })),
});

export type CurrentUser = z.infer<typeof currentUserSchema>;
export type SessionResponse = z.infer<typeof sessionResponseSchema>;
