import { and, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { recordAudit } from "../audit/record.js";
import { actorOf, authorize, currentUser, forbidden } from "../auth/plugin.js";
import {
  planIndicatorQuarters,
  planIndicators,
  planNodeBudgetQuarters,
  planNodes,
} from "../db/schema/index.js";
import { storedTarget } from "../domain/index.js";
import { AppError, notFound } from "../lib/errors.js";
import { planContext } from "../plans/queries.js";
import { evaluationPdf, evaluationXlsx } from "../reports/evaluation/index.js";
import { computeEvaluation } from "./compute.js";
import { evaluationSchema } from "./schemas.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const quarter = z.coerce.number().int().min(1).max(4);
const text = z.string().trim().max(4000).nullable().optional();

const conflict = () =>
  new AppError(
    409,
    "EDIT_CONFLICT",
    "Isian ini sudah diubah orang lain sejak Anda membukanya. Muat ulang lalu ulangi.",
    "Someone else changed this since you opened it. Reload and try again.",
  );

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
        params: z.object({ id: z.uuid() }),
        querystring: z.object({ quarter }),
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
          params: z.object({ id: z.uuid() }),
          querystring: z.object({ quarter, paper: z.enum(["A4", "F4"]).default("A4") }),
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
        params: z.object({ id: z.uuid(), indicatorId: z.uuid(), quarter }),
        body: z.object({
          revision: z.number().int().min(1).nullable().describe("null when nothing was entered yet"),
          realisasi: text,
          faktorPendorong: text,
          faktorPenghambat: text,
          tindakLanjut: text,
        }),
        response: { 200: z.object({ revision: z.number().int() }).loose() },
      },
    },
    async (request) => {
      const plan = await planContext(db(), request.params.id);
      authorize(request, "evaluation.write", plan.orgUnitPath);
      const { revision, ...fields } = request.body;
      const { indicatorId } = request.params;
      const q = request.params.quarter;
      return db().transaction(async (tx) => {
        const [owned] = await tx
          .select({ catalogueId: planIndicators.indicatorId })
          .from(planIndicators)
          .innerJoin(planNodes, eq(planNodes.id, planIndicators.planNodeId))
          .where(and(eq(planIndicators.id, indicatorId), eq(planNodes.planId, plan.id)));
        if (!owned) throw notFound("Indikator rencana", "Plan indicator");
        // A pengelola program limited to some indicators may only analyse those.
        const scoped = currentUser(request).roles.filter(
          (r) => r.role === "pengelola_program" && r.indicatorIds,
        );
        const allRoles = currentUser(request).roles.filter(
          (r) => r.role !== "pengelola_program" || !r.indicatorIds,
        );
        if (
          scoped.length &&
          !allRoles.length &&
          !scoped.some((r) => r.indicatorIds?.includes(owned.catalogueId))
        ) {
          throw forbidden();
        }
        const changes = {
          ...fields,
          ...(fields.realisasi ? { realisasi: storedTarget(fields.realisasi) } : {}),
        };
        const key = and(
          eq(planIndicatorQuarters.planIndicatorId, indicatorId),
          eq(planIndicatorQuarters.quarter, q),
        );
        const [before] = await tx.select().from(planIndicatorQuarters).where(key).for("update");
        if ((before?.revision ?? null) !== revision) throw conflict();
        const [after] = before
          ? await tx
              .update(planIndicatorQuarters)
              .set({ ...changes, revision: before.revision + 1 })
              .where(key)
              .returning()
          : await tx
              .insert(planIndicatorQuarters)
              .values({ planIndicatorId: indicatorId, quarter: q, ...changes })
              .returning();
        await recordAudit(tx, actorOf(request), {
          action: "evaluation.indicator_quarter",
          entityType: "plan_indicator_quarter",
          entityId: `${indicatorId}/${q}`,
          orgUnitId: plan.orgUnitId,
          oldValue: before ?? null,
          newValue: after,
        });
        return after as { revision: number };
      });
    },
  );

  app.put(
    "/plans/:id/nodes/:nodeId/budget-realisasi/:quarter",
    {
      config: { access: "evaluation.write" },
      schema: {
        tags,
        summary: "Realisasi anggaran triwulan (Rupiah) / budget spent in a quarter",
        params: z.object({ id: z.uuid(), nodeId: z.uuid(), quarter }),
        body: z.object({
          revision: z.number().int().min(1).nullable(),
          amount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable().describe("null clears it"),
        }),
        response: {
          200: z.object({ revision: z.number().int(), amount: z.number().int().nullable() }).loose(),
        },
      },
    },
    async (request) => {
      const plan = await planContext(db(), request.params.id);
      authorize(request, "evaluation.write", plan.orgUnitPath);
      const { nodeId, quarter: q } = request.params;
      return db().transaction(async (tx) => {
        const [node] = await tx
          .select()
          .from(planNodes)
          .where(and(eq(planNodes.id, nodeId), eq(planNodes.planId, plan.id)));
        if (!node) throw notFound("Bagian rencana", "Plan node");
        const key = and(eq(planNodeBudgetQuarters.planNodeId, nodeId), eq(planNodeBudgetQuarters.quarter, q));
        const [before] = await tx.select().from(planNodeBudgetQuarters).where(key).for("update");
        if ((before?.revision ?? null) !== request.body.revision) throw conflict();
        const amount = request.body.amount;
        let after: typeof before;
        if (amount === null) {
          [after] = await tx.delete(planNodeBudgetQuarters).where(key).returning();
        } else if (before) {
          [after] = await tx
            .update(planNodeBudgetQuarters)
            .set({ amount, revision: before.revision + 1 })
            .where(key)
            .returning();
        } else {
          [after] = await tx
            .insert(planNodeBudgetQuarters)
            .values({ planNodeId: nodeId, quarter: q, amount })
            .returning();
        }
        await recordAudit(tx, actorOf(request), {
          action: "evaluation.budget_realisasi",
          entityType: "plan_node_budget_quarter",
          entityId: `${nodeId}/${q}`,
          orgUnitId: plan.orgUnitId,
          oldValue: before ?? null,
          newValue: amount === null ? null : after,
        });
        return amount === null
          ? { revision: (before?.revision ?? 0) + 1, amount: null }
          : (after as { revision: number; amount: number });
      });
    },
  );
};
