import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actorOf } from "../auth/plugin.js";
import { authorizedUnit } from "../org-units/queries.js";
import { spmQuarterPdf, spmQuarterXlsx } from "../reports/spm-quarter/index.js";
import { saveQuarterEntries } from "./quarter-commands.js";
import { buildQuarterReport } from "./quarter-report.js";
import {
  spmQuarterDownloadQuerySchema,
  spmQuarterQuerySchema,
  spmQuarterReportSchema,
  spmQuarterSavedSchema,
  spmQuarterSaveSchema,
} from "./quarter-types.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
type Quarter = 1 | 2 | 3 | 4;

/** The quarterly e-SPM report (Permendagri 59/2021 Pasal 24): computed, written by the Dinas, exported. */
export const spmQuarterRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const tags = ["spm"];

  app.get(
    "/spm/quarter-report",
    {
      config: { access: "spm.read" },
      schema: {
        tags,
        summary: "Laporan triwulan penerapan SPM (e-SPM) / quarterly SPM report",
        querystring: spmQuarterQuerySchema,
        response: { 200: spmQuarterReportSchema },
      },
    },
    async (request) => {
      const { orgUnitId, year, quarter } = request.query;
      const unit = await authorizedUnit(db(), request, "spm.read", orgUnitId);
      return buildQuarterReport(db(), unit, year, quarter as Quarter);
    },
  );

  for (const format of ["xlsx", "pdf"] as const) {
    app.get(
      `/spm/quarter-report.${format}`,
      {
        config: { access: "spm.read" },
        schema: {
          tags,
          summary: `Unduh laporan triwulan SPM sebagai ${format} / download the quarterly SPM report as ${format}`,
          querystring: spmQuarterDownloadQuerySchema,
          produces: [format === "xlsx" ? XLSX : "application/pdf"],
        },
      },
      async (request, reply) => {
        const { orgUnitId, year, quarter, paper } = request.query;
        const unit = await authorizedUnit(db(), request, "spm.read", orgUnitId);
        const report = await buildQuarterReport(db(), unit, year, quarter as Quarter);
        const file =
          format === "xlsx"
            ? await spmQuarterXlsx(report, { paper })
            : await spmQuarterPdf(report, { paper });
        const name = `laporan-spm-${unit.code}-${year}-tw${quarter}.${format}`;
        return reply
          .header("content-type", format === "xlsx" ? XLSX : "application/pdf")
          .header("content-disposition", `attachment; filename="${name}"`)
          .send(file);
      },
    );
  }

  app.put(
    "/spm/quarter-report",
    {
      config: { access: "spm.write" },
      schema: {
        tags,
        summary:
          "Isi tahapan, masalah, solusi, rencana aksi dan mutu per jenis pelayanan untuk satu triwulan / write the quarter's entries",
        body: spmQuarterSaveSchema,
        response: { 200: spmQuarterSavedSchema },
      },
    },
    async (request) => {
      const unit = await authorizedUnit(db(), request, "spm.write", request.body.orgUnitId);
      return saveQuarterEntries(db(), unit, request.body, actorOf(request));
    },
  );
};
