import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { recordAudit } from "../audit/record.js";
import { actorOf, authorize, scopeOf } from "../auth/plugin.js";
import { prevalences } from "../db/schema/index.js";
import { findOrgUnit } from "../org-units/queries.js";
import { AppError, notFound } from "../server/errors.js";
import {
  ESTIMATED,
  POPULATION_CATEGORIES,
  type PopulationCategory,
  populationsWithEstimates,
  savePopulations,
} from "./populations.js";

const year = z.coerce.number().int().min(2000).max(2100);
const categories = Object.keys(POPULATION_CATEGORIES) as [PopulationCategory, ...PopulationCategory[]];

export const populationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const tags = ["spm"];
  const unitFor = async (
    request: Parameters<typeof authorize>[0],
    id: string,
    permission: "spm.read" | "plan.write",
  ) => {
    const unit = await findOrgUnit(db(), id);
    if (!unit) throw notFound("Unit organisasi", "Org unit");
    authorize(request, permission, unit.path);
    return unit;
  };

  app.get(
    "/spm/populations",
    {
      config: { access: "spm.read" },
      schema: {
        tags,
        summary:
          "Sasaran SPM suatu wilayah dan tahun, dengan estimasi dan sumbernya / SPM target populations",
        querystring: z.object({ orgUnitId: z.uuid(), year }),
        response: {
          200: z.object({
            populations: z.array(
              z.object({ category: z.string(), label: z.string(), value: z.string().nullable() }),
            ),
            estimates: z.array(
              z.object({
                code: z.string(),
                label: z.string(),
                value: z.string().nullable(),
                explanation: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const unit = await unitFor(request, request.query.orgUnitId, "spm.read");
      return populationsWithEstimates(db(), unit.path, request.query.year);
    },
  );

  app.put(
    "/spm/populations",
    {
      config: { access: "plan.write" },
      schema: {
        tags,
        summary: "Simpan sasaran SPM satu unit dan tahun / save one unit's target populations for a year",
        body: z.object({
          orgUnitId: z.uuid(),
          year,
          values: z
            .array(
              z.object({
                category: z.enum(categories),
                value: z.string().max(20).nullable(),
                source: z.string().max(200).nullable().optional(),
              }),
            )
            .min(1)
            .max(50),
        }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const unit = await unitFor(request, request.body.orgUnitId, "plan.write");
      const district = unit.type === "kabupaten_kota" ? unit.id : null;
      await savePopulations(
        db(),
        { id: unit.id, districtId: district },
        request.body.year,
        request.body.values,
        actorOf(request),
      );
      return reply.code(204).send(null);
    },
  );

  app.put(
    "/spm/prevalences",
    {
      config: { access: "plan.write" },
      schema: {
        tags,
        summary: "Simpan prevalensi untuk estimasi sasaran, dengan sumber / save a sourced prevalence",
        body: z.object({
          code: z.enum(Object.keys(ESTIMATED) as ["HIPERTENSI", "DM"]),
          orgUnitId: z.uuid().nullable().describe("null: the national figure"),
          year,
          percent: z.string().regex(/^\d{1,3}([.,]\d{1,4})?$/),
          source: z.string().trim().min(1).max(200),
          sourceYear: year,
        }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const { orgUnitId, code, percent, source, sourceYear } = request.body;
      if (orgUnitId) await unitFor(request, orgUnitId, "plan.write");
      else if (!scopeOf(request, "plan.write").some((root) => root.split("/").filter(Boolean).length === 1)) {
        throw new AppError(
          403,
          "FORBIDDEN",
          "Hanya pengelola tingkat nasional yang dapat mengubah prevalensi nasional.",
          "Only national managers may change the national prevalence.",
        );
      }
      const value = percent.replace(",", ".");
      await db().transaction(async (tx) => {
        await tx
          .insert(prevalences)
          .values({ code, orgUnitId, year: request.body.year, percent: value, source, sourceYear })
          .onConflictDoUpdate({
            target: [prevalences.code, prevalences.orgUnitId, prevalences.year],
            set: { percent: value, source, sourceYear },
          });
        await recordAudit(tx, actorOf(request), {
          action: "spm.prevalence_set",
          entityType: "prevalence",
          entityId: `${code}/${orgUnitId ?? "nasional"}/${request.body.year}`,
          orgUnitId,
          newValue: { percent: value, source, sourceYear },
        });
      });
      return reply.code(204).send(null);
    },
  );
};
