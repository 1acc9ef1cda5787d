import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actorOf } from "../auth/plugin.js";
import { authorizedUnit } from "../org-units/queries.js";
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
      const unit = await authorizedUnit(app.database.db, request, "plan.write", request.body.orgUnitId);
      const started = await startPlan(app.database.db, unit, request.body, actorOf(request));
      return reply.code(201).send(started);
    },
  );
};
