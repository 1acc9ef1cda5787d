import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actorOf, authorize } from "../auth/plugin.js";
import { DEFAULT_MAX_BYTES, parseRakFile, rakTemplateWorkbook } from "../interop/rak-import/index.js";
import { ImportError } from "../interop/spreadsheet/index.js";
import { AppError, notFound } from "../lib/errors.js";
import { idParams } from "../lib/route-schemas.js";
import { authorizedUnit } from "../org-units/queries.js";
import { pkPdf, pkXlsx } from "../reports/pk/index.js";
import { rakPdf, rakXlsx } from "../reports/rak/index.js";
import { importPreview, importRak } from "./import-version.js";
import { planContext } from "./queries.js";
import { readRak } from "./rak-queries.js";
import {
  planExportQuerySchema,
  type RakImportQuery,
  rakImportedSchema,
  rakImportPreviewSchema,
  rakImportQuerySchema,
} from "./transfer-schemas.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const uploadTypes = ["application/octet-stream", XLSX, "text/csv"];

const toAppError = (error: unknown) =>
  error instanceof ImportError
    ? new AppError(error.statusCode, error.code, error.messageId, error.messageEn, error.details)
    : error;

/** The uploaded file read for an org unit and year; the document's own year must agree when it has one. */
async function readUpload(body: unknown, query: RakImportQuery, orgUnitName: string) {
  if (!(body instanceof Buffer) || body.length === 0) {
    throw new AppError(400, "FILE_MISSING", "Berkas belum dikirim.", "No file was sent.");
  }
  const parsed = await parseRakFile(new Uint8Array(body), query.fileName).catch((error) => {
    throw toAppError(error);
  });
  const { document } = parsed;
  if (document.year && document.year !== query.year) {
    throw new AppError(
      400,
      "YEAR_MISMATCH",
      `Berkas ini untuk tahun ${document.year}, bukan ${query.year}.`,
      `This file is for ${document.year}, not ${query.year}.`,
    );
  }
  document.year = query.year;
  document.orgUnitName ||= orgUnitName;
  document.title ||= `Rencana Aksi Kinerja ${orgUnitName} Tahun ${query.year}`;
  return parsed;
}

export const planTransferRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  app.addContentTypeParser(
    uploadTypes,
    { parseAs: "buffer", bodyLimit: DEFAULT_MAX_BYTES + 1 },
    (_req, body, done) => done(null, body),
  );
  const orgUnit = (request: Parameters<typeof authorize>[0], id: string) =>
    authorizedUnit(db(), request, "plan.write", id);

  app.get(
    "/plans/template.xlsx",
    {
      config: { access: "authenticated" },
      schema: { tags: ["plans"], summary: "Templat impor RAK / RAK import template", produces: [XLSX] },
    },
    async (_request, reply) =>
      reply
        .header("content-type", XLSX)
        .header("content-disposition", 'attachment; filename="templat-rak-capaian.xlsx"')
        .send(await rakTemplateWorkbook()),
  );

  app.post(
    "/plans/import/preview",
    {
      config: { access: "plan.write" },
      schema: {
        tags: ["plans"],
        summary: "Pratinjau impor RAK dari xlsx/csv tanpa menyimpan / preview a RAK import, nothing saved",
        querystring: rakImportQuerySchema,
        consumes: uploadTypes,
        response: {
          200: rakImportPreviewSchema,
        },
      },
    },
    async (request) => {
      const unit = await orgUnit(request, request.query.orgUnitId);
      const parsed = await readUpload(request.body, request.query, unit.officeName ?? unit.name);
      return { ...parsed, version: await importPreview(db(), unit.id, parsed.document) };
    },
  );

  app.post(
    "/plans/import",
    {
      config: { access: "plan.write" },
      schema: {
        tags: ["plans"],
        summary:
          "Impor RAK sebagai versi baru, satu transaksi; 409 PLAN_UNCHANGED bila sama dengan versi aktif / import a RAK as a new version, one transaction; 409 PLAN_UNCHANGED when it equals the version in force",
        querystring: rakImportQuerySchema,
        consumes: uploadTypes,
        response: {
          201: rakImportedSchema,
        },
      },
    },
    async (request, reply) => {
      const unit = await orgUnit(request, request.query.orgUnitId);
      const { document, summary, warnings } = await readUpload(
        request.body,
        request.query,
        unit.officeName ?? unit.name,
      );
      const saved = await importRak(db(), { orgUnitId: unit.id, doc: document }, actorOf(request));
      return reply.code(201).send({ ...saved, summary, warnings });
    },
  );

  for (const format of ["xlsx", "pdf"] as const) {
    app.get(
      `/plans/:id/export.${format}`,
      {
        config: { access: "plan.read" },
        schema: {
          tags: ["plans"],
          summary: `Unduh RAK atau Perjanjian Kinerja sebagai ${format} / download the RAK or PK as ${format}`,
          params: idParams,
          querystring: planExportQuerySchema,
          produces: [format === "xlsx" ? XLSX : "application/pdf"],
        },
      },
      async (request, reply) => {
        const context = await planContext(db(), request.params.id);
        authorize(request, "plan.read", context.orgUnitPath);
        const doc = await readRak(db(), context.id);
        if (!doc) throw notFound("Dokumen rencana", "Plan");
        const { paper, document } = request.query;
        const render = { rak: { xlsx: rakXlsx, pdf: rakPdf }, pk: { xlsx: pkXlsx, pdf: pkPdf } }[document][
          format
        ];
        const file = await render(doc, { paper });
        const name = `${document}-${doc.orgUnitName.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${doc.year}.${format}`;
        return reply
          .header("content-type", format === "xlsx" ? XLSX : "application/pdf")
          .header("content-disposition", `attachment; filename="${name}"`)
          .send(file);
      },
    );
  }
};
