import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actorOf, authorize } from "../auth/plugin.js";
import { AppError, notFound } from "../lib/errors.js";
import { regionAdoptions, unitWithRegion } from "./adoption-queries.js";
import { adoptionQuerySchema, adoptSchema, regionAdoptionsSchema } from "./adoption-schemas.js";
import { adoptSpm } from "./adoptions.js";

export const spmAdoptionRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;

  app.get(
    "/spm/adoptions",
    {
      config: { access: "spm.read" },
      schema: {
        tags: ["spm"],
        summary: "Versi SPM yang ditetapkan kab/kota per tahun / the SPM version a kab/kota adopted per year",
        querystring: adoptionQuerySchema,
        response: { 200: regionAdoptionsSchema },
      },
    },
    async (request) => {
      const found = await unitWithRegion(db(), request.query.orgUnitId);
      if (!found) throw notFound("Unit organisasi", "Org unit");
      authorize(request, "spm.read", found.unit.path);
      return regionAdoptions(db(), found.region);
    },
  );

  app.put(
    "/spm/adoptions",
    {
      config: { access: "spm.adopt" },
      schema: {
        tags: ["spm"],
        summary:
          "Tetapkan versi SPM untuk kab/kota dan rentang tahun / adopt an SPM version for a kab/kota and years",
        body: adoptSchema,
        response: { 200: regionAdoptionsSchema },
      },
    },
    async (request) => {
      const found = await unitWithRegion(db(), request.body.orgUnitId);
      if (!found) throw notFound("Unit organisasi", "Org unit");
      authorize(request, "spm.adopt", found.unit.path);
      if (found.unit.type !== "kabupaten_kota") {
        throw new AppError(
          400,
          "SPM_REGION_REQUIRED",
          "Versi SPM ditetapkan oleh kabupaten/kota: pilih unit kabupaten/kota.",
          "An SPM version is adopted by a kabupaten/kota: choose a kabupaten/kota unit.",
        );
      }
      await adoptSpm(db(), { id: found.unit.id, name: found.unit.name }, request.body, actorOf(request));
      return regionAdoptions(db(), { id: found.unit.id, name: found.unit.name });
    },
  );
};
