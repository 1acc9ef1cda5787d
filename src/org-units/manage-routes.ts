import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, authorize } from "../auth/plugin.js";
import { closeOrgUnit, createOrgUnit, moveOrgUnit, reopenOrgUnit, updateOrgUnit } from "./commands.js";
import {
  closeOrgUnitSchema,
  createOrgUnitSchema,
  moveOrgUnitSchema,
  orgUnitSchema,
  reopenOrgUnitSchema,
  updateOrgUnitSchema,
} from "./schemas.js";

const tags = ["org-units"];
const params = z.object({ id: z.uuid() });

/** The Dinas maintains its own tree: add, edit, move, close and reopen units within its scope. */
export const orgUnitManageRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const can = (request: Parameters<typeof authorize>[0]) => (path: string) =>
    authorize(request, "orgunit.manage", path);

  app.post(
    "/org-units",
    {
      config: { access: "orgunit.manage" },
      schema: {
        tags,
        summary: "Tambah unit organisasi di bawah induknya / add an org unit under its parent",
        body: createOrgUnitSchema,
        response: { 201: orgUnitSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createOrgUnit(db(), request.body, can(request), actorOf(request))),
  );

  app.patch(
    "/org-units/:id",
    {
      config: { access: "orgunit.manage" },
      schema: {
        tags,
        summary: "Ubah nama, kode, jenis, kepemilikan, BLUD, kode Kemenkes / edit an org unit",
        params,
        body: updateOrgUnitSchema,
        response: { 200: orgUnitSchema },
      },
    },
    async (request) => updateOrgUnit(db(), request.params.id, request.body, can(request), actorOf(request)),
  );

  app.post(
    "/org-units/:id/move",
    {
      config: { access: "orgunit.manage" },
      schema: {
        tags,
        summary: "Pindahkan unit beserta unit di bawahnya ke induk baru / move a unit and its subtree",
        params,
        body: moveOrgUnitSchema,
        response: { 200: orgUnitSchema },
      },
    },
    async (request) => moveOrgUnit(db(), request.params.id, request.body, can(request), actorOf(request)),
  );

  app.post(
    "/org-units/:id/close",
    {
      config: { access: "orgunit.manage" },
      schema: {
        tags,
        summary: "Tutup unit dengan tanggal dan alasan; riwayat dan datanya tetap / close a unit",
        params,
        body: closeOrgUnitSchema,
        response: { 200: orgUnitSchema },
      },
    },
    async (request) => closeOrgUnit(db(), request.params.id, request.body, can(request), actorOf(request)),
  );

  app.post(
    "/org-units/:id/reopen",
    {
      config: { access: "orgunit.manage" },
      schema: {
        tags,
        summary: "Buka kembali unit yang ditutup / reopen a closed unit",
        params,
        body: reopenOrgUnitSchema,
        response: { 200: orgUnitSchema },
      },
    },
    async (request) => reopenOrgUnit(db(), request.params.id, request.body, can(request), actorOf(request)),
  );
};
