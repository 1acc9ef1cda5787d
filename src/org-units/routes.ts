import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { forbidden, scopeOf } from "../auth/plugin.js";
import { idParams } from "../lib/route-schemas.js";
import { orgUnitImportRoutes } from "./import-routes.js";
import { orgUnitManageRoutes } from "./manage-routes.js";
import { authorizedUnit, listOrgUnits, orgUnitNotFound } from "./queries.js";
import { orgUnitListQuerySchema, orgUnitListSchema, orgUnitSchema } from "./schemas.js";

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
        querystring: orgUnitListQuerySchema,
        response: { 200: orgUnitListSchema },
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
        params: idParams,
        response: { 200: orgUnitSchema },
      },
    },
    async (request) => {
      return authorizedUnit(app.database.db, request, "orgunit.read", request.params.id);
    },
  );
};
