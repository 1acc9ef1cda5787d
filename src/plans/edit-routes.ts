import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Permission } from "../auth/permissions.js";
import { actorOf, authorize } from "../auth/plugin.js";
import { idParams, noContentSchema } from "../lib/route-schemas.js";
import {
  createIndicator,
  createNode,
  deleteIndicator,
  deleteNode,
  editIndicator,
  editNode,
  moveNode,
} from "./edit-commands.js";
import {
  deleteQuerySchema,
  indicatorCreateSchema,
  indicatorEditSchema,
  indicatorParamsSchema,
  nodeCreateSchema,
  nodeEditSchema,
  nodeMoveSchema,
  nodeParamsSchema,
  planItemSavedSchema,
  revisedSchema,
  reviseSchema,
  signSchema,
} from "./edit-schemas.js";
import { planContext } from "./queries.js";
import { revisePlan, signPlan } from "./versions.js";

export const planEditRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const write = { access: "plan.write" } as const;
  /** The plan of the request, after checking the caller may do this in the plan's org unit. */
  const plan = async (
    request: Parameters<typeof authorize>[0],
    id: string,
    permission: Permission = "plan.write",
  ) => {
    const context = await planContext(db(), id);
    authorize(request, permission, context.orgUnitPath);
    return context;
  };
  const tags = ["plans"];

  app.patch(
    "/plans/:id/indicators/:indicatorId",
    {
      config: write,
      schema: {
        tags,
        summary: "Ubah target atau satuan indikator rencana / edit a plan indicator's targets or unit",
        params: indicatorParamsSchema,
        body: indicatorEditSchema,
        response: { 200: planItemSavedSchema },
      },
    },
    async (request) => {
      const p = await plan(request, request.params.id);
      return editIndicator(db(), p, request.params.indicatorId, request.body, actorOf(request));
    },
  );

  app.delete(
    "/plans/:id/indicators/:indicatorId",
    {
      config: write,
      schema: {
        tags,
        summary: "Hapus indikator rencana / delete a plan indicator",
        params: indicatorParamsSchema,
        querystring: deleteQuerySchema,
        response: { 204: noContentSchema },
      },
    },
    async (request, reply) => {
      const p = await plan(request, request.params.id);
      await deleteIndicator(
        db(),
        p,
        request.params.indicatorId,
        request.query.revision,
        request.query.reason,
        actorOf(request),
      );
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/plans/:id/nodes",
    {
      config: write,
      schema: {
        tags,
        summary: "Tambah sasaran/program/kegiatan / add a node",
        params: idParams,
        body: nodeCreateSchema,
        response: { 201: planItemSavedSchema },
      },
    },
    async (request, reply) => {
      const p = await plan(request, request.params.id);
      return reply.code(201).send(await createNode(db(), p, request.body, actorOf(request)));
    },
  );

  app.patch(
    "/plans/:id/nodes/:nodeId",
    {
      config: write,
      schema: {
        tags,
        summary: "Ubah nama, kode atau anggaran / edit a node",
        params: nodeParamsSchema,
        body: nodeEditSchema,
        response: { 200: planItemSavedSchema },
      },
    },
    async (request) => {
      const p = await plan(request, request.params.id);
      return editNode(db(), p, request.params.nodeId, request.body, actorOf(request));
    },
  );

  app.post(
    "/plans/:id/nodes/:nodeId/move",
    {
      config: write,
      schema: {
        tags,
        summary: "Pindahkan bagian rencana / move a node",
        params: nodeParamsSchema,
        body: nodeMoveSchema,
        response: { 200: planItemSavedSchema },
      },
    },
    async (request) => {
      const p = await plan(request, request.params.id);
      return moveNode(db(), p, request.params.nodeId, request.body, actorOf(request));
    },
  );

  app.delete(
    "/plans/:id/nodes/:nodeId",
    {
      config: write,
      schema: {
        tags,
        summary: "Hapus bagian rencana beserta isinya / delete a node and what it holds",
        params: nodeParamsSchema,
        querystring: deleteQuerySchema,
        response: { 204: noContentSchema },
      },
    },
    async (request, reply) => {
      const p = await plan(request, request.params.id);
      await deleteNode(
        db(),
        p,
        request.params.nodeId,
        request.query.revision,
        request.query.reason,
        actorOf(request),
      );
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/plans/:id/nodes/:nodeId/indicators",
    {
      config: write,
      schema: {
        tags,
        summary: "Tambah indikator / add an indicator",
        params: nodeParamsSchema,
        body: indicatorCreateSchema,
        response: { 201: planItemSavedSchema },
      },
    },
    async (request, reply) => {
      const p = await plan(request, request.params.id);
      return reply
        .code(201)
        .send(await createIndicator(db(), p, request.params.nodeId, request.body, actorOf(request)));
    },
  );

  app.post(
    "/plans/:id/sign",
    {
      config: { access: "plan.sign" },
      schema: {
        tags,
        summary: "Tandatangani dan bekukan / sign and freeze",
        params: idParams,
        body: signSchema,
        response: { 200: planItemSavedSchema },
      },
    },
    async (request) => {
      const p = await plan(request, request.params.id, "plan.sign");
      const signed = await signPlan(db(), p, request.body, actorOf(request));
      return { id: p.id, revision: 1, ...signed };
    },
  );

  app.post(
    "/plans/:id/revise",
    {
      config: write,
      schema: {
        tags,
        summary: "Buat perubahan (versi baru) dari rencana yang sudah ditandatangani / start a revision",
        params: idParams,
        body: reviseSchema,
        response: { 201: revisedSchema },
      },
    },
    async (request, reply) => {
      const p = await plan(request, request.params.id);
      return reply.code(201).send(await revisePlan(db(), p, request.body.reason, actorOf(request)));
    },
  );
};
