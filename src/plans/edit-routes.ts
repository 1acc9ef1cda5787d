import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Permission } from "../auth/permissions.js";
import { actorOf, authorize } from "../auth/plugin.js";
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
  nodeCreateSchema,
  nodeEditSchema,
  nodeMoveSchema,
  signSchema,
} from "./edit-schemas.js";
import { planContext } from "./queries.js";
import { revisePlan, signPlan } from "./versions.js";

const planParams = z.object({ id: z.uuid() });
const nodeParams = planParams.extend({ nodeId: z.uuid() });
const indicatorParams = planParams.extend({ indicatorId: z.uuid() });
const changed = z.object({ id: z.uuid(), revision: z.number().int() }).loose();

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
        params: indicatorParams,
        body: indicatorEditSchema,
        response: { 200: changed },
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
        params: indicatorParams,
        querystring: deleteQuerySchema,
        response: { 204: z.null() },
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
        params: planParams,
        body: nodeCreateSchema,
        response: { 201: changed },
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
        params: nodeParams,
        body: nodeEditSchema,
        response: { 200: changed },
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
        params: nodeParams,
        body: nodeMoveSchema,
        response: { 200: changed },
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
        params: nodeParams,
        querystring: deleteQuerySchema,
        response: { 204: z.null() },
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
        params: nodeParams,
        body: indicatorCreateSchema,
        response: { 201: changed },
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
        params: planParams,
        body: signSchema,
        response: { 200: changed },
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
        params: planParams,
        body: z.object({ reason: z.string().trim().max(500).optional() }),
        response: { 201: z.object({ id: z.uuid(), version: z.number().int() }) },
      },
    },
    async (request, reply) => {
      const p = await plan(request, request.params.id);
      return reply.code(201).send(await revisePlan(db(), p, request.body.reason, actorOf(request)));
    },
  );
};
