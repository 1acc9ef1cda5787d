import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actorOf, authorize, scopeOf } from "../auth/plugin.js";
import { checkDefinition } from "../domain/index.js";
import { notFound } from "../lib/errors.js";
import { idParams } from "../lib/route-schemas.js";
import { createDefinition, editDefinition } from "./commands.js";
import { previewDefinition } from "./preview.js";
import { checkContext, definitionWithOwner, listDefinitions, orgUnit, unitsUnder } from "./queries.js";
import {
  checkResultSchema,
  checkSchema,
  definitionCreateSchema,
  definitionEditSchema,
  definitionListSchema,
  listQuerySchema,
  savedDefinitionSchema,
} from "./schemas.js";

export const indicatorDefinitionRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const tags = ["indicators"];
  const unitOrThrow = async (id: string) => {
    const unit = await orgUnit(db(), id);
    if (!unit) throw notFound("Unit organisasi", "Org unit");
    return unit;
  };

  app.get(
    "/indicator-definitions",
    {
      config: { access: "plan.read" },
      schema: {
        tags,
        summary: "Definisi indikator dan data element / indicator definitions and data elements",
        querystring: listQuerySchema,
        response: { 200: definitionListSchema },
      },
    },
    async (request) => listDefinitions(db(), scopeOf(request, "plan.read"), request.query.fed === "true"),
  );

  app.post(
    "/indicator-definitions/check",
    {
      config: { access: "plan.read" },
      schema: {
        tags,
        summary:
          "Periksa definisi dan pratinjau nilainya dari data yang disetujui / check a definition and preview its value",
        body: checkSchema,
        response: { 200: checkResultSchema },
      },
    },
    async (request) => {
      const { orgUnitId, puskesmasId, id, ...draft } = request.body;
      const kota = await unitOrThrow(orgUnitId);
      authorize(request, "plan.read", kota.path);
      const issues = checkDefinition(draft, await checkContext(db(), id));
      const units = await unitsUnder(db(), kota.path);
      if (puskesmasId && !units.has(puskesmasId)) throw notFound("Puskesmas", "Facility");
      const expressionOk = !issues.some((i) => i.field !== "unit");
      return {
        issues,
        preview: expressionOk ? await previewDefinition(db(), draft, kota, units, puskesmasId) : null,
      };
    },
  );

  app.post(
    "/indicator-definitions",
    {
      config: { access: "indicator.define" },
      schema: {
        tags,
        summary: "Buat definisi indikator / create an indicator definition",
        body: definitionCreateSchema,
        response: { 201: savedDefinitionSchema },
      },
    },
    async (request, reply) => {
      const owner = await unitOrThrow(request.body.orgUnitId);
      authorize(request, "indicator.define", owner.path);
      return reply.code(201).send(await createDefinition(db(), request.body, actorOf(request)));
    },
  );

  app.put(
    "/indicator-definitions/:id",
    {
      config: { access: "indicator.define" },
      schema: {
        tags,
        summary: "Ubah definisi indikator (diaudit) / edit an indicator definition (audited)",
        params: idParams,
        body: definitionEditSchema,
        response: { 200: savedDefinitionSchema },
      },
    },
    async (request) => {
      const found = await definitionWithOwner(db(), request.params.id);
      if (!found) throw notFound("Indikator", "Indicator");
      // A national definition (no owner) is outside every Dinas's scope.
      authorize(request, "indicator.define", found.ownerPath ?? "");
      return editDefinition(db(), request.params.id, request.body, actorOf(request));
    },
  );
};
