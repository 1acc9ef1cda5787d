import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { scopeOf } from "../auth/plugin.js";
import { yearsWithDataSchema } from "./schemas.js";
import { yearsWithData } from "./years-queries.js";

/** Which years the screens (RAK, evaluation, data entry, SPM, sasaran, SKM) have data in, for the caller. */
export const yearRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/years-with-data",
    {
      config: { access: "orgunit.read" },
      schema: {
        tags: ["periods"],
        summary: "Tahun yang memiliki data per layar / the years each screen has data in",
        response: { 200: yearsWithDataSchema },
      },
    },
    async (request) =>
      yearsWithData(app.database.db, {
        plans: scopeOf(request, "plan.read"),
        data: scopeOf(request, "data.read"),
        spm: scopeOf(request, "spm.read"),
      }),
  );
};
