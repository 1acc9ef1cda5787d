import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { scopeOf } from "../auth/plugin.js";
import { search } from "./queries.js";
import { searchQuerySchema, searchResultSchema } from "./schemas.js";

export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/search",
    {
      // Open to every signed-in user: each kind is filtered by the permission and scope that lists it.
      config: { access: "authenticated" },
      schema: {
        tags: ["search"],
        summary: "Cari rencana, indikator, formulir, unit, pengguna / search across the app",
        querystring: searchQuerySchema,
        response: { 200: searchResultSchema },
      },
    },
    async (request) => {
      const scopes = {
        orgUnits: scopeOf(request, "orgunit.read"),
        plans: scopeOf(request, "plan.read"),
        metadata: scopeOf(request, "metadata.read"),
        users: scopeOf(request, "user.manage"),
      };
      return { hits: await search(app.database.db, request.query.q, scopes, request.query.limit) };
    },
  );
};
