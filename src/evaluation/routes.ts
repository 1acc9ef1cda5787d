import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { mayAnalyseIndicator } from "../auth/permissions.js";
import { actorOf, authorize, currentUser } from "../auth/plugin.js";
import { idParams } from "../lib/route-schemas.js";
import { planContext } from "../plans/queries.js";
import { evaluationPdf, evaluationXlsx } from "../reports/evaluation/index.js";
import { saveBudgetRealisasi, saveIndicatorQuarter } from "./commands.js";
import { computeEvaluation } from "./compute.js";
import {
  budgetQuarterParamsSchema,
  budgetRealisasiInputSchema,
  budgetRealisasiSavedSchema,
  evaluationDownloadQuerySchema,
  evaluationQuerySchema,
  evaluationSchema,
  indicatorQuarterInputSchema,
  indicatorQuarterParamsSchema,
  indicatorQuarterSavedSchema,
} from "./schemas.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const evaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const tags = ["evaluation"];

  app.get(
    "/plans/:id/evaluation",
    {
      config: { access: "plan.read" },
      schema: {
        tags,
        summary: "Evaluasi RAK per triwulan (Permendagri 86/2017) / quarterly RAK evaluation",
        params: idParams,
        querystring: evaluationQuerySchema,
        response: { 200: evaluationSchema },
      },
    },
    async (request) => {
      const plan = await planContext(db(), request.params.id);
      authorize(request, "plan.read", plan.orgUnitPath);
      return computeEvaluation(db(), plan.id, request.query.quarter as 1 | 2 | 3 | 4);
    },
  );

  for (const format of ["xlsx", "pdf"] as const) {
    app.get(
      `/plans/:id/evaluation.${format}`,
      {
        config: { access: "plan.read" },
        schema: {
          tags,
          summary: `Unduh evaluasi triwulan sebagai ${format} / download the quarterly evaluation as ${format}`,
          params: idParams,
          querystring: evaluationDownloadQuerySchema,
          produces: [format === "xlsx" ? XLSX : "application/pdf"],
        },
      },
      async (request, reply) => {
        const plan = await planContext(db(), request.params.id);
        authorize(request, "plan.read", plan.orgUnitPath);
        const evaluation = await computeEvaluation(db(), plan.id, request.query.quarter as 1 | 2 | 3 | 4);
        const options = { paper: request.query.paper };
        const file =
          format === "xlsx"
            ? await evaluationXlsx(evaluation, options)
            : await evaluationPdf(evaluation, options);
        const name = `evaluasi-rak-${evaluation.plan.year}-tw${request.query.quarter}.${format}`;
        return reply
          .header("content-type", format === "xlsx" ? XLSX : "application/pdf")
          .header("content-disposition", `attachment; filename="${name}"`)
          .send(file);
      },
    );
  }

  app.put(
    "/plans/:id/indicators/:indicatorId/quarters/:quarter",
    {
      config: { access: "evaluation.write" },
      schema: {
        tags,
        summary:
          "Isi realisasi langsung dan analisis triwulan / enter direct realisasi and the quarter's analysis",
        params: indicatorQuarterParamsSchema,
        body: indicatorQuarterInputSchema,
        response: { 200: indicatorQuarterSavedSchema },
      },
    },
    async (request) => {
      const plan = await planContext(db(), request.params.id);
      authorize(request, "evaluation.write", plan.orgUnitPath);
      const { revision, ...fields } = request.body;
      const { indicatorId } = request.params;
      const q = request.params.quarter;
      return saveIndicatorQuarter(
        db(),
        plan,
        { indicatorId, quarter: q, revision, fields },
        (catalogueId) => mayAnalyseIndicator(currentUser(request).roles, catalogueId),
        actorOf(request),
      );
    },
  );

  app.put(
    "/plans/:id/nodes/:nodeId/budget-realisasi/:quarter",
    {
      config: { access: "evaluation.write" },
      schema: {
        tags,
        summary: "Realisasi anggaran triwulan (Rupiah) / budget spent in a quarter",
        params: budgetQuarterParamsSchema,
        body: budgetRealisasiInputSchema,
        response: { 200: budgetRealisasiSavedSchema },
      },
    },
    async (request) => {
      const plan = await planContext(db(), request.params.id);
      authorize(request, "evaluation.write", plan.orgUnitPath);
      const { nodeId, quarter: q } = request.params;
      return saveBudgetRealisasi(
        db(),
        plan,
        { nodeId, quarter: q, revision: request.body.revision, amount: request.body.amount },
        actorOf(request),
      );
    },
  );
};
