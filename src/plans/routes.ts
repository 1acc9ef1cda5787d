import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { authorize, scopeOf } from "../auth/plugin.js";
import { notFound } from "../lib/errors.js";
import { sendKept } from "../lib/kept-json.js";
import { idParams } from "../lib/route-schemas.js";
import { listPlans, readPlan } from "./queries.js";
import { planListQuerySchema, planSchema, planSummaryListSchema } from "./schemas.js";

export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/plans",
    {
      config: { access: "plan.read" },
      schema: {
        tags: ["plans"],
        summary: "Daftar dokumen rencana / plan documents",
        querystring: planListQuerySchema,
        response: { 200: planSummaryListSchema },
      },
    },
    async (request) => listPlans(app.database.db, { ...request.query, scope: scopeOf(request, "plan.read") }),
  );

  app.get(
    "/plans/:id",
    {
      config: { access: "plan.read" },
      schema: {
        tags: ["plans"],
        summary: "Satu dokumen rencana dengan pohon dan target / one plan with its tree and targets",
        params: idParams,
        response: { 200: planSchema },
      },
    },
    async (request, reply) => {
      const plan = await readPlan(app.database.db, request.params.id);
      if (!plan) throw notFound("Dokumen rencana", "Plan");
      authorize(request, "plan.read", plan.orgUnitPath);
      return sendKept(reply, planSchema, plan);
    },
  );
};
