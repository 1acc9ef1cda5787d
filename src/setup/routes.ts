import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { scopeOf } from "../auth/plugin.js";
import { setupStatus } from "./queries.js";
import { setupStatusListSchema } from "./schemas.js";

export const setupRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/setup/status",
    {
      config: { access: "user.manage" },
      schema: {
        tags: ["setup"],
        summary:
          "Langkah persiapan kantor baru: unit, pengguna, formulir, rencana, SPM / a new office's set-up steps",
        response: { 200: setupStatusListSchema },
      },
    },
    async (request) => setupStatus(app.database.db, scopeOf(request, "user.manage")),
  );
};
