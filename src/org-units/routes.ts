import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { forbidden, scopeOf } from "../auth/plugin.js";
import { ORG_UNIT_TYPES } from "../db/schema/index.js";
import { orgUnitImportRoutes } from "./import-routes.js";
import { orgUnitManageRoutes } from "./manage-routes.js";
import { authorizedUnit, listOrgUnits, orgUnitNotFound } from "./queries.js";
import { orgUnitSchema } from "./schemas.js";

export const orgUnitRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(orgUnitManageRoutes);
  await app.register(orgUnitImportRoutes);
  app.get(
    "/org-units",
    {
      config: { access: "orgunit.read" },
      schema: {
        tags: ["org-units"],
        summary: "Daftar unit organisasi dalam urutan pohon / org units in tree order",
        querystring: z.object({
          within: z.uuid().optional().describe("only this unit and its descendants"),
          type: z.enum(ORG_UNIT_TYPES).optional(),
          includeClosed: z
            .enum(["true", "false"])
            .default("false")
            .transform((v) => v === "true")
            .describe("also the closed units"),
        }),
        response: { 200: z.array(orgUnitSchema) },
      },
    },
    async (request) => {
      const scope = scopeOf(request, "orgunit.read");
      const rows = await listOrgUnits(app.database.db, { ...request.query, scope });
      if (!rows) throw orgUnitNotFound();
      if (rows === "forbidden") throw forbidden();
      return rows;
    },
  );

  app.get(
    "/org-units/:id",
    {
      config: { access: "orgunit.read" },
      schema: {
        tags: ["org-units"],
        summary: "Satu unit organisasi / one org unit",
        params: z.object({ id: z.uuid() }),
        response: { 200: orgUnitSchema },
      },
    },
    async (request) => {
      return authorizedUnit(app.database.db, request, "orgunit.read", request.params.id);
    },
  );
};
