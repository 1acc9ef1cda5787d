import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actorOf, authorize } from "../auth/plugin.js";
import { notFound } from "../lib/errors.js";
import { findOrgUnit } from "../org-units/queries.js";
import { startPlan } from "./start.js";
import { planStartedSchema, planStartSchema } from "./start-schemas.js";

export const planStartRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/plans",
    {
      config: { access: "plan.write" },
      schema: {
        tags: ["plans"],
        summary:
          "Buat RAK baru untuk satu tahun: kosong atau salinan tahun lain / start a year's RAK, empty or copied",
        body: planStartSchema,
        response: { 201: planStartedSchema },
      },
    },
    async (request, reply) => {
      const unit = await findOrgUnit(app.database.db, request.body.orgUnitId);
      if (!unit) throw notFound("Unit organisasi", "Org unit");
      authorize(request, "plan.write", unit.path);
      const started = await startPlan(app.database.db, unit, request.body, actorOf(request));
      return reply.code(201).send(started);
    },
  );
};
