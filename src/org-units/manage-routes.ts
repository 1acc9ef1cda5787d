import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { z } from "zod";
import type { Actor } from "../audit/record.js";
import { actorOf, authorize } from "../auth/plugin.js";
import type { Database } from "../db/client.js";
import { idParams } from "../lib/route-schemas.js";
import {
  type AuthorizePath,
  closeOrgUnit,
  createOrgUnit,
  moveOrgUnit,
  reopenOrgUnit,
  updateOrgUnit,
} from "./commands.js";
import type { UnitRow } from "./queries.js";
import {
  closeOrgUnitSchema,
  createOrgUnitSchema,
  moveOrgUnitSchema,
  orgUnitSchema,
  reopenOrgUnitSchema,
  updateOrgUnitSchema,
} from "./schemas.js";

const tags = ["org-units"];

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
        params: idParams,
        body: updateOrgUnitSchema,
        response: { 200: orgUnitSchema },
      },
    },
    async (request) => updateOrgUnit(db(), request.params.id, request.body, can(request), actorOf(request)),
  );

  /** Move, close and reopen share one shape: a body with a reason, the unit back as it is now. */
  const unitAction = <Body extends z.ZodType>(
    action: string,
    summary: string,
    body: Body,
    command: (
      db: Database,
      id: string,
      input: z.infer<Body>,
      can: AuthorizePath,
      actor: Actor,
    ) => Promise<UnitRow>,
  ) =>
    app.post(
      `/org-units/:id/${action}`,
      {
        config: { access: "orgunit.manage" },
        schema: { tags, summary, params: idParams, body, response: { 200: orgUnitSchema } },
      },
      async (request) =>
        command(db(), request.params.id, request.body as z.infer<Body>, can(request), actorOf(request)),
    );

  unitAction(
    "move",
    "Pindahkan unit beserta unit di bawahnya ke induk baru / move a unit and its subtree",
    moveOrgUnitSchema,
    moveOrgUnit,
  );
  unitAction(
    "close",
    "Tutup unit dengan tanggal dan alasan; riwayat dan datanya tetap / close a unit",
    closeOrgUnitSchema,
    closeOrgUnit,
  );
  unitAction(
    "reopen",
    "Buka kembali unit yang ditutup / reopen a closed unit",
    reopenOrgUnitSchema,
    reopenOrgUnit,
  );
};
