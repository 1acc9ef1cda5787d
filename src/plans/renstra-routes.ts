import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { mayAnalyseIndicator } from "../auth/permissions.js";
import { actorOf, authorize, currentUser, forbidden } from "../auth/plugin.js";
import { renstraVersionLabel } from "../domain/index.js";
import { kabKotaOf } from "../domain/org-unit-tree.js";
import { parseRenstraFile } from "../interop/renstra-import/index.js";
import { ImportError } from "../interop/spreadsheet/index.js";
import { AppError, notFound } from "../lib/errors.js";
import { idParams } from "../lib/route-schemas.js";
import { authorizedUnit } from "../org-units/queries.js";
import { renstraPdf, renstraTemplateXlsx, renstraXlsx } from "../reports/renstra/index.js";
import { planContext } from "./queries.js";
import { importRenstra, linkToRenstra, saveYearRealisasi } from "./renstra-commands.js";
import { planKindYear, renstraOptions } from "./renstra-link-queries.js";
import {
  readRenstra,
  renstraCascade,
  renstraIndicatorContext,
  renstraPeriod,
  yearlyIndicator,
} from "./renstra-queries.js";
import {
  renstraCascadeSchema,
  renstraExportQuerySchema,
  renstraImportedSchema,
  renstraImportPreviewSchema,
  renstraImportQuerySchema,
  renstraLinkedSchema,
  renstraLinkInputSchema,
  renstraLinkParamsSchema,
  renstraOptionsSchema,
  renstraTemplateQuerySchema,
  yearRealisasiInputSchema,
  yearRealisasiSavedSchema,
} from "./renstra-schemas.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const uploadTypes = ["application/octet-stream", XLSX, "text/csv"];
const MAX_BYTES = 20 * 1024 * 1024;

async function readUpload(body: unknown, fileName: string, orgUnitName: string) {
  if (!(body instanceof Buffer) || body.length === 0) {
    throw new AppError(400, "FILE_MISSING", "Berkas belum dikirim.", "No file was sent.");
  }
  const parsed = await parseRenstraFile(new Uint8Array(body), fileName).catch((error) => {
    throw error instanceof ImportError
      ? new AppError(error.statusCode, error.code, error.messageId, error.messageEn, error.details)
      : error;
  });
  parsed.document.orgUnitName ||= orgUnitName;
  parsed.document.title ||= `Rencana Strategis ${orgUnitName} Tahun ${parsed.document.startYear}–${parsed.document.endYear}`;
  return parsed;
}

const notYearly = () =>
  new AppError(
    400,
    "NOT_A_YEARLY_PLAN",
    "Hanya indikator PK/RAK yang dapat dikaitkan ke Renstra.",
    "Only PK/RAK indicators can be linked to the Renstra.",
  );

export const renstraRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const tags = ["renstra"];
  app.addContentTypeParser(uploadTypes, { parseAs: "buffer", bodyLimit: MAX_BYTES + 1 }, (_req, body, done) =>
    done(null, body),
  );
  const renstraOf = async (request: Parameters<typeof authorize>[0], id: string) => {
    const context = await planContext(db(), id);
    authorize(request, "plan.read", context.orgUnitPath);
    return context;
  };

  app.get(
    "/renstra/:id",
    {
      config: { access: "plan.read" },
      schema: {
        tags,
        summary:
          "Renstra dengan kaskade ke PK/RAK tahunan dan realisasi per tahun / the Renstra with its cascade and yearly realisasi",
        params: idParams,
        response: { 200: renstraCascadeSchema },
      },
    },
    async (request) => {
      await renstraOf(request, request.params.id);
      const cascade = await renstraCascade(db(), request.params.id);
      if (!cascade) throw notFound("Renstra", "Renstra");
      return cascade;
    },
  );

  app.get(
    "/renstra/template.xlsx",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary:
          "Templat Renstra kosong dalam tata letak impor, dengan petunjuk dan contoh / a blank Renstra template in the import's layout",
        querystring: renstraTemplateQuerySchema,
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const { startYear, years } = request.query;
      const endYear = startYear + years - 1;
      return reply
        .header("content-type", XLSX)
        .header("content-disposition", `attachment; filename="templat-renstra-${startYear}-${endYear}.xlsx"`)
        .send(await renstraTemplateXlsx(startYear, years));
    },
  );

  app.post(
    "/renstra/import/preview",
    {
      config: { access: "plan.write" },
      schema: {
        tags,
        summary:
          "Pratinjau impor Renstra dari xlsx/csv tanpa menyimpan / preview a Renstra import, nothing saved",
        querystring: renstraImportQuerySchema,
        consumes: uploadTypes,
        response: { 200: renstraImportPreviewSchema },
      },
    },
    async (request) => {
      const unit = await authorizedUnit(db(), request, "plan.write", request.query.orgUnitId);
      const parsed = await readUpload(request.body, request.query.fileName, unit.officeName ?? unit.name);
      return { ...parsed, startYear: parsed.document.startYear, endYear: parsed.document.endYear };
    },
  );

  app.post(
    "/renstra/import",
    {
      config: { access: "plan.write" },
      schema: {
        tags,
        summary:
          "Impor Renstra sebagai versi berikutnya (murni, perubahan I, II), satu transaksi / import a Renstra as its next version, one transaction",
        querystring: renstraImportQuerySchema,
        consumes: uploadTypes,
        response: { 201: renstraImportedSchema },
      },
    },
    async (request, reply) => {
      const unit = await authorizedUnit(db(), request, "plan.write", request.query.orgUnitId);
      const { document, summary, warnings } = await readUpload(
        request.body,
        request.query.fileName,
        unit.officeName ?? unit.name,
      );
      const districtId = kabKotaOf(unit);
      const saved = await importRenstra(
        db(),
        { orgUnitId: unit.id, districtId, doc: document, warnings: warnings.length },
        actorOf(request),
      );
      return reply.code(201).send({
        planId: saved.id,
        version: saved.version,
        versionLabel: renstraVersionLabel(saved.version).id,
        summary,
        warnings,
      });
    },
  );

  for (const format of ["xlsx", "pdf"] as const) {
    app.get(
      `/renstra/:id/export.${format}`,
      {
        config: { access: "plan.read" },
        schema: {
          tags,
          summary: `Unduh Renstra sebagai ${format} / download the Renstra as ${format}`,
          params: idParams,
          querystring: renstraExportQuerySchema,
          produces: [format === "xlsx" ? XLSX : "application/pdf"],
        },
      },
      async (request, reply) => {
        await renstraOf(request, request.params.id);
        const doc = await readRenstra(db(), request.params.id);
        if (!doc) throw notFound("Renstra", "Renstra");
        const period = await renstraPeriod(db(), request.params.id);
        const options = { paper: request.query.paper, version: period?.version ?? 1 };
        const file = format === "xlsx" ? await renstraXlsx(doc, options) : await renstraPdf(doc, options);
        const slug = doc.orgUnitName.toLowerCase().replace(/[^a-z0-9]+/g, "-");
        return reply
          .header("content-type", format === "xlsx" ? XLSX : "application/pdf")
          .header(
            "content-disposition",
            `attachment; filename="renstra-${slug}-${doc.startYear}-${doc.endYear}.${format}"`,
          )
          .send(file);
      },
    );
  }

  app.get(
    "/plans/:id/renstra-options",
    {
      config: { access: "plan.read" },
      schema: {
        tags,
        summary:
          "Indikator Renstra yang dapat dilayani indikator PK/RAK ini, dengan target Renstra tahun itu / the Renstra indicators a yearly plan may serve",
        params: idParams,
        response: { 200: renstraOptionsSchema },
      },
    },
    async (request) => {
      const plan = await renstraOf(request, request.params.id);
      const yearly = await planKindYear(db(), plan.id);
      if (!yearly) throw notFound("Dokumen rencana", "Plan");
      if (yearly.kind !== "pk" && yearly.kind !== "rak") throw notYearly();
      return renstraOptions(db(), { orgUnitId: plan.orgUnitId, year: yearly.year });
    },
  );

  app.put(
    "/plans/:id/indicators/:indicatorId/renstra-link",
    {
      config: { access: "plan.write" },
      schema: {
        tags,
        summary:
          "Kaitkan indikator PK/RAK ke indikator Renstra yang dilayaninya / link a yearly indicator to the Renstra indicator it serves",
        params: renstraLinkParamsSchema,
        body: renstraLinkInputSchema,
        response: { 200: renstraLinkedSchema },
      },
    },
    async (request) => {
      const plan = await planContext(db(), request.params.id);
      authorize(request, "plan.write", plan.orgUnitPath);
      const yearly = await getYearlyIndicator(request.params.id, request.params.indicatorId);
      const { renstraIndicatorId, reason } = request.body;
      if (renstraIndicatorId !== null) {
        const renstra = await renstraIndicatorContext(db(), renstraIndicatorId);
        const fits =
          renstra?.kind === "renstra" &&
          renstra.orgUnitId === plan.orgUnitId &&
          yearly.year >= renstra.year &&
          yearly.year <= (renstra.endYear ?? renstra.year + 4);
        if (!fits) {
          throw new AppError(
            400,
            "RENSTRA_INDICATOR_INVALID",
            "Indikator Renstra itu bukan milik unit ini atau tidak mencakup tahun rencana ini.",
            "That Renstra indicator is not this unit's or does not cover this plan's year.",
          );
        }
      }
      return linkToRenstra(
        db(),
        {
          planIndicatorId: request.params.indicatorId,
          orgUnitId: plan.orgUnitId,
          renstraIndicatorId,
          reason,
        },
        actorOf(request),
      );
    },
  );

  app.put(
    "/renstra/:id/realisasi",
    {
      config: { access: "evaluation.write" },
      schema: {
        tags,
        summary:
          "Isi realisasi akhir tahun sebuah indikator Renstra / enter an indicator's year-end realisasi",
        params: idParams,
        body: yearRealisasiInputSchema,
        response: { 200: yearRealisasiSavedSchema },
      },
    },
    async (request) => {
      const plan = await planContext(db(), request.params.id);
      authorize(request, "evaluation.write", plan.orgUnitPath);
      const period = await renstraPeriod(db(), request.params.id);
      if (!period) throw notFound("Renstra", "Renstra");
      const { indicatorId, year } = request.body;
      if (!period.indicatorIds.has(indicatorId)) throw notFound("Indikator Renstra", "Renstra indicator");
      if (year < period.startYear - 1 || year > period.endYear) {
        throw new AppError(
          400,
          "YEAR_OUTSIDE_RENSTRA",
          `Tahun ${year} di luar Renstra ${period.startYear}–${period.endYear} (dan kondisi awalnya).`,
          `Year ${year} is outside Renstra ${period.startYear}–${period.endYear} (and its baseline).`,
        );
      }
      if (!mayAnalyseIndicator(currentUser(request).roles, indicatorId)) throw forbidden();
      return saveYearRealisasi(
        db(),
        { ...request.body, orgUnitId: plan.orgUnitId, districtId: plan.districtId },
        actorOf(request),
      );
    },
  );

  async function getYearlyIndicator(planId: string, planIndicatorId: string) {
    const found = await yearlyIndicator(db(), planId, planIndicatorId);
    if (!found) throw notFound("Indikator rencana", "Plan indicator");
    if (found.kind !== "pk" && found.kind !== "rak") throw notYearly();
    return found;
  }
};
