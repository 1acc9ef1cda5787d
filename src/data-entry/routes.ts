import { asc, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, authorize, scopeOf } from "../auth/plugin.js";
import { withinScope } from "../auth/scope-sql.js";
import { dataSetOrgUnits, dataSets, orgUnits } from "../db/schema/index.js";
import { actionStep } from "../domain/index.js";
import { groupBy } from "../lib/group-by.js";
import { completeness } from "./completeness.js";
import { formContext, loadForm } from "./form.js";
import { saveValues } from "./save.js";
import { formQuerySchema, formSchema, saveValuesSchema, transitionSchema } from "./schemas.js";
import { transitionReport } from "./transition.js";

const dataSetSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  periodType: z.enum(["month", "quarter", "year"]),
  deadlineDays: z.number().int(),
  orgUnits: z.array(z.object({ id: z.uuid(), name: z.string() })),
});

const completenessSchema = z.object({
  expected: z.number().int(),
  received: z.number().int(),
  onTime: z.number().int(),
  completenessPercent: z.number().nullable(),
  timelinessPercent: z.number().nullable(),
  units: z.array(
    z.object({
      orgUnitId: z.uuid(),
      name: z.string(),
      status: z.string(),
      submittedAt: z.string().nullable(),
      onTime: z.boolean().nullable(),
    }),
  ),
});

export const dataEntryRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const tags = ["data-entry"];

  app.get(
    "/data-sets",
    {
      config: { access: "data.read" },
      schema: {
        tags,
        summary: "Formulir data dan unit pelapornya di wilayah Anda / data sets and their reporting units",
        response: { 200: z.array(dataSetSchema) },
      },
    },
    async (request) => {
      const rows = await db()
        .select({ dataSet: dataSets, orgUnitId: orgUnits.id, orgUnitName: orgUnits.name })
        .from(dataSets)
        .innerJoin(dataSetOrgUnits, eq(dataSetOrgUnits.dataSetId, dataSets.id))
        .innerJoin(orgUnits, eq(orgUnits.id, dataSetOrgUnits.orgUnitId))
        .where(withinScope(orgUnits.path, scopeOf(request, "data.read")))
        .orderBy(asc(dataSets.name), asc(orgUnits.path));
      return [...groupBy(rows, (r) => r.dataSet.id).values()].map((group) => {
        const d = (group[0] as (typeof group)[number]).dataSet;
        return {
          id: d.id,
          code: d.code,
          name: d.name,
          periodType: d.periodType,
          deadlineDays: d.deadlineDays,
          orgUnits: group.map((g) => ({ id: g.orgUnitId, name: g.orgUnitName })),
        };
      });
    },
  );

  app.get(
    "/data-entry/form",
    {
      config: { access: "data.read" },
      schema: {
        tags,
        summary: "Formulir isian satu unit dan periode / one unit's form for one period",
        querystring: formQuerySchema,
        response: { 200: formSchema },
      },
    },
    async (request) => {
      const context = await formContext(db(), request.query);
      authorize(request, "data.read", context.unit.path);
      return loadForm(db(), request.query, context);
    },
  );

  app.put(
    "/data-entry/values",
    {
      config: { access: "data.enter" },
      schema: {
        tags,
        summary: "Simpan nilai (semua atau tidak sama sekali) / save values, all or nothing",
        body: saveValuesSchema,
        response: { 200: formSchema },
      },
    },
    async (request) => {
      const context = await formContext(db(), request.body);
      authorize(request, "data.enter", context.unit.path);
      await saveValues(db(), context, request.body, actorOf(request));
      return loadForm(db(), request.body, context);
    },
  );

  app.post(
    "/data-entry/transition",
    {
      config: { access: "data.read" },
      schema: {
        tags,
        summary:
          "Kirim, verifikasi, setujui, kembalikan atau buka kembali laporan / move a report through the workflow",
        body: transitionSchema,
        response: { 200: formSchema },
      },
    },
    async (request) => {
      const context = await formContext(db(), request.body);
      authorize(request, actionStep(request.body.action).permission, context.unit.path);
      await transitionReport(db(), context, request.body.action, request.body.reason, actorOf(request));
      return loadForm(db(), request.body, context);
    },
  );

  app.get(
    "/data-entry/completeness",
    {
      config: { access: "data.read" },
      schema: {
        tags,
        summary: "Kelengkapan dan ketepatan waktu laporan / completeness and timeliness of reports",
        querystring: z.object({ dataSetId: z.uuid(), period: formQuerySchema.shape.period }),
        response: { 200: completenessSchema },
      },
    },
    async (request) =>
      completeness(db(), request.query.dataSetId, request.query.period, scopeOf(request, "data.read")),
  );
};
