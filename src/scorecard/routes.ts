import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { scopeOf } from "../auth/plugin.js";
import { authorizedUnit } from "../org-units/queries.js";
import { scorecardPdf, scorecardXlsx } from "../reports/scorecard/index.js";
import { buildScorecard, cellTrend } from "./build.js";
import { fedDefinitions, monthlyDataSets } from "./queries.js";
import {
  cellQuerySchema,
  cellTrendSchema,
  scorecardDownloadQuerySchema,
  scorecardOptionsSchema,
  scorecardQuerySchema,
  scorecardSchema,
} from "./schemas.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const scorecardRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const tags = ["scorecard"];

  app.get(
    "/scorecard/options",
    {
      config: { access: "data.read" },
      schema: {
        tags,
        summary: "Indikator dan formulir untuk skor kartu / indicators and forms a scorecard can show",
        response: { 200: scorecardOptionsSchema },
      },
    },
    async (request) => {
      const roots = scopeOf(request, "data.read");
      const [defs, sets] = await Promise.all([fedDefinitions(db(), roots), monthlyDataSets(db(), roots)]);
      return {
        indicators: defs.map((d) => ({ key: `i:${d.id}`, code: d.code, name: d.name, unit: d.unit })),
        dataSets: sets,
      };
    },
  );

  app.get(
    "/scorecard",
    {
      config: { access: "data.read" },
      schema: {
        tags,
        summary: "Skor kartu: unit × indikator × periode / scorecard: org units × indicators × periods",
        querystring: scorecardQuerySchema,
        response: { 200: scorecardSchema },
      },
    },
    async (request) => {
      const parent = await authorizedUnit(db(), request, "data.read", request.query.parentId);
      return buildScorecard(db(), parent, request.query, scopeOf(request, "data.read"));
    },
  );

  app.get(
    "/scorecard/cell",
    {
      config: { access: "data.read" },
      schema: {
        tags,
        summary: "Tren satu sel skor kartu / the series behind one scorecard cell",
        querystring: cellQuerySchema,
        response: { 200: cellTrendSchema },
      },
    },
    async (request) => {
      const { orgUnitId, column, year, periodType } = request.query;
      const unit = await authorizedUnit(db(), request, "data.read", orgUnitId);
      return cellTrend(db(), unit, column, year, periodType, scopeOf(request, "data.read"));
    },
  );

  for (const format of ["xlsx", "pdf"] as const) {
    app.get(
      `/scorecard.${format}`,
      {
        config: { access: "data.read" },
        schema: {
          tags,
          summary: `Unduh skor kartu sebagai ${format} / download the scorecard as ${format}`,
          querystring: scorecardDownloadQuerySchema,
          produces: [format === "xlsx" ? XLSX : "application/pdf"],
        },
      },
      async (request, reply) => {
        const parent = await authorizedUnit(db(), request, "data.read", request.query.parentId);
        const card = await buildScorecard(db(), parent, request.query, scopeOf(request, "data.read"));
        const options = { paper: request.query.paper, lang: request.query.lang };
        const file =
          format === "xlsx" ? await scorecardXlsx(card, options) : await scorecardPdf(card, options);
        const name = `skor-kartu-${request.query.periods.join("_")}.${format}`;
        return reply
          .header("content-type", format === "xlsx" ? XLSX : "application/pdf")
          .header("content-disposition", `attachment; filename="${name}"`)
          .send(file);
      },
    );
  }
};
