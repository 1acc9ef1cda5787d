import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { authorize, scopeOf } from "../auth/plugin.js";
import { PLAN_KINDS } from "../db/schema/index.js";
import { notFound } from "../lib/errors.js";
import { getPlan, listPlans } from "./queries.js";
import { planSchema, planSummarySchema } from "./schemas.js";

export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/plans",
    {
      config: { access: "plan.read" },
      schema: {
        tags: ["plans"],
        summary: "Daftar dokumen rencana / plan documents",
        querystring: z.object({
          orgUnitId: z.uuid().optional(),
          year: z.coerce.number().int().min(2000).max(2100).optional(),
          kind: z.enum(PLAN_KINDS).optional(),
        }),
        response: { 200: z.array(planSummarySchema) },
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
        params: z.object({ id: z.uuid() }),
        response: { 200: planSchema },
      },
    },
    async (request) => {
      const plan = await getPlan(app.database.db, request.params.id);
      if (!plan) throw notFound("Dokumen rencana", "Plan");
      authorize(request, "plan.read", plan.orgUnitPath);
      return plan;
    },
  );
};
