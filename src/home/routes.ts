import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { homeScopes } from "../auth/permissions.js";
import { currentUser } from "../auth/plugin.js";
import { todayInJakarta } from "../lib/jakarta-date.js";
import { home } from "./home-queries.js";
import { homeQuerySchema, homeSchema } from "./schemas.js";

export const homeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/home",
    {
      config: { access: "orgunit.read" },
      schema: {
        tags: ["home"],
        summary:
          "Beranda sesuai peran: capaian, tugas menunggu, tenggat / the home page for the caller's roles",
        querystring: homeQuerySchema,
        response: { 200: homeSchema },
      },
    },
    async (request) =>
      home(app.database.db, homeScopes(currentUser(request).roles), request.query.year, todayInJakarta()),
  );
};
