import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { scopeOf } from "../auth/plugin.js";
import { idParams } from "../lib/route-schemas.js";
import { getSpmServices, listSpmVersions } from "./queries.js";
import { spmServiceListSchema, spmVersionListSchema } from "./schemas.js";

export const spmRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/spm/versions",
    {
      config: { access: "spm.read" },
      schema: {
        tags: ["spm"],
        summary: "Versi SPM (peraturan) dan adopsinya / SPM versions and who adopted them",
        response: { 200: spmVersionListSchema },
      },
    },
    async (request) => listSpmVersions(app.database.db, scopeOf(request, "spm.read")),
  );

  app.get(
    "/spm/versions/:id/services",
    {
      config: { access: "spm.read" },
      schema: {
        tags: ["spm"],
        summary: "Jenis pelayanan SPM dengan indikator dan target / SPM services with indicator and targets",
        params: idParams,
        response: { 200: spmServiceListSchema },
      },
    },
    async (request) => getSpmServices(app.database.db, request.params.id),
  );
};
