import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actorOf, scopeOf } from "../auth/plugin.js";
import { idParams } from "../lib/route-schemas.js";
import { createUser, replaceRoles, resetPassword, updateUser } from "./commands.js";
import { listManagedUsers } from "./queries.js";
import {
  createUserSchema,
  managedUserListSchema,
  managedUserSchema,
  replaceRolesSchema,
  temporaryPasswordSchema,
  updateUserSchema,
} from "./schemas.js";

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const config = { access: "user.manage" } as const;
  const db = () => app.database.db;

  app.get(
    "/users",
    {
      config,
      schema: {
        tags: ["users"],
        summary: "Pengguna dengan peran di wilayah Anda / users with roles in your scope",
        response: { 200: managedUserListSchema },
      },
    },
    async (request) => listManagedUsers(db(), scopeOf(request, "user.manage")),
  );

  app.post(
    "/users",
    {
      config,
      schema: {
        tags: ["users"],
        summary: "Buat pengguna dengan kata sandi sementara / create a user with a temporary password",
        body: createUserSchema,
        response: { 201: temporaryPasswordSchema },
      },
    },
    async (request, reply) => {
      const created = await createUser(db(), request.body, scopeOf(request, "user.manage"), actorOf(request));
      return reply.code(201).send(created);
    },
  );

  app.patch(
    "/users/:id",
    {
      config,
      schema: {
        tags: ["users"],
        summary: "Ubah data atau status aktif pengguna / update a user's details or active state",
        params: idParams,
        body: updateUserSchema,
        response: { 200: managedUserSchema },
      },
    },
    async (request) =>
      updateUser(db(), request.params.id, request.body, scopeOf(request, "user.manage"), actorOf(request)),
  );

  app.put(
    "/users/:id/roles",
    {
      config,
      schema: {
        tags: ["users"],
        summary: "Ganti peran pengguna di wilayah Anda / replace a user's roles within your scope",
        params: idParams,
        body: replaceRolesSchema,
        response: { 200: managedUserSchema },
      },
    },
    async (request) =>
      replaceRoles(
        db(),
        request.params.id,
        request.body.roles,
        request.body.reason,
        scopeOf(request, "user.manage"),
        actorOf(request),
      ),
  );

  app.post(
    "/users/:id/reset-password",
    {
      config,
      schema: {
        tags: ["users"],
        summary: "Atur ulang kata sandi menjadi sementara / reset to a temporary password",
        params: idParams,
        response: { 200: temporaryPasswordSchema },
      },
    },
    async (request) =>
      resetPassword(db(), request.params.id, scopeOf(request, "user.manage"), actorOf(request)),
  );
};
