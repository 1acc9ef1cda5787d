import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Permission } from "../auth/permissions.js";
import { actorOf, type authorize } from "../auth/plugin.js";
import { authorizedUnit } from "../org-units/queries.js";
import { spmReportPdf, spmReportXlsx } from "../reports/spm/index.js";
import { computeSpmAchievement } from "./achievement.js";
import { spmAchievementSchema } from "./achievement-schemas.js";
import { saveReportNote, saveReportSignatory } from "./report-commands.js";
import { buildSpmReport } from "./report-queries.js";
import {
  spmReportDownloadQuerySchema,
  spmReportNoteInputSchema,
  spmReportSavedSchema,
  spmReportSignatoryInputSchema,
} from "./report-schemas.js";
import { spmReportSchema } from "./report-types.js";
import { spmRegionYearSchema } from "./schemas.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** SPM achievement, the annual report (Pasal 9) and what the Dinas writes into it. */
export const spmReportRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const tags = ["spm"];
  const unitFor = (request: Parameters<typeof authorize>[0], id: string, permission: Permission) =>
    authorizedUnit(db(), request, permission, id);

  app.get(
    "/spm/achievement",
    {
      config: { access: "spm.read" },
      schema: {
        tags,
        summary:
          "Capaian SPM per jenis pelayanan, bulanan kumulatif, per kecamatan dan puskesmas / SPM achievement",
        querystring: spmRegionYearSchema,
        response: { 200: spmAchievementSchema },
      },
    },
    async (request) => {
      const unit = await unitFor(request, request.query.orgUnitId, "spm.read");
      return computeSpmAchievement(db(), unit, request.query.year);
    },
  );

  app.get(
    "/spm/report",
    {
      config: { access: "spm.read" },
      schema: {
        tags,
        summary: "Laporan tahunan penerapan SPM (Pasal 9) / annual SPM report",
        querystring: spmRegionYearSchema,
        response: { 200: spmReportSchema },
      },
    },
    async (request) => {
      const unit = await unitFor(request, request.query.orgUnitId, "spm.read");
      return buildSpmReport(db(), unit, request.query.year);
    },
  );

  for (const format of ["xlsx", "pdf"] as const) {
    app.get(
      `/spm/report.${format}`,
      {
        config: { access: "spm.read" },
        schema: {
          tags,
          summary: `Unduh laporan tahunan SPM sebagai ${format} / download the annual SPM report as ${format}`,
          querystring: spmReportDownloadQuerySchema,
          produces: [format === "xlsx" ? XLSX : "application/pdf"],
        },
      },
      async (request, reply) => {
        const unit = await unitFor(request, request.query.orgUnitId, "spm.read");
        const report = await buildSpmReport(db(), unit, request.query.year);
        const options = { paper: request.query.paper };
        const file =
          format === "xlsx" ? await spmReportXlsx(report, options) : await spmReportPdf(report, options);
        const name = `laporan-spm-${unit.code}-${report.year}.${format}`;
        return reply
          .header("content-type", format === "xlsx" ? XLSX : "application/pdf")
          .header("content-disposition", `attachment; filename="${name}"`)
          .send(file);
      },
    );
  }

  app.put(
    "/spm/report/notes",
    {
      config: { access: "spm.write" },
      schema: {
        tags,
        summary: "Isi masalah dan pemecahan masalah suatu jenis pelayanan / explain a service's result",
        body: spmReportNoteInputSchema,
        response: { 200: spmReportSavedSchema },
      },
    },
    async (request) => {
      const { orgUnitId, year: y, ...input } = request.body;
      const unit = await unitFor(request, orgUnitId, "spm.write");
      return saveReportNote(app.database.db, unit.id, y, input, actorOf(request));
    },
  );

  app.put(
    "/spm/report/signatory",
    {
      config: { access: "spm.write" },
      schema: {
        tags,
        summary: "Penandatangan laporan tahunan SPM / who signs the annual SPM report",
        body: spmReportSignatoryInputSchema,
        response: { 200: spmReportSavedSchema },
      },
    },
    async (request) => {
      const { orgUnitId, year: y, ...input } = request.body;
      const unit = await unitFor(request, orgUnitId, "spm.write");
      return saveReportSignatory(app.database.db, unit.id, y, input, actorOf(request));
    },
  );
};
