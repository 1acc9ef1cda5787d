import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actorOf, authorize } from "../auth/plugin.js";
import { AppError, notFound } from "../lib/errors.js";
import { commitOrgUnitImport, importSummary, MAX_IMPORT_BYTES, planOrgUnitImport } from "./import.js";
import { readUnit } from "./queries.js";
import { orgUnitImportQuerySchema, orgUnitImportSchema, orgUnitTemplateQuerySchema } from "./schemas.js";
import { orgUnitTemplate } from "./template.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const tags = ["org-units"];

/** The Dinas's list of units from xlsx/csv: a template of the current tree, a preview, one commit. */
export const orgUnitImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  app.addContentTypeParser(
    [XLSX, "text/csv", "application/octet-stream"],
    { parseAs: "buffer", bodyLimit: MAX_IMPORT_BYTES + 1 },
    (_request, body, done) => done(null, body),
  );
  const regionFor = async (request: Parameters<typeof authorize>[0], id: string) => {
    const root = await readUnit(db(), { id });
    if (!root) throw notFound("Unit organisasi", "Org unit");
    authorize(request, "orgunit.manage", root.path);
    return root;
  };

  app.get(
    "/org-units/template.xlsx",
    {
      config: { access: "orgunit.manage" },
      schema: {
        tags,
        summary: "Templat xlsx daftar unit, berisi unit saat ini / xlsx template of the units, pre-filled",
        querystring: orgUnitTemplateQuerySchema,
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const root = await regionFor(request, request.query.orgUnitId);
      return reply
        .header("content-type", XLSX)
        .header("content-disposition", `attachment; filename="unit-organisasi-${root.code}.xlsx"`)
        .send(await orgUnitTemplate(db(), root));
    },
  );

  app.post(
    "/org-units/import",
    {
      config: { access: "orgunit.manage" },
      schema: {
        tags,
        summary:
          "Impor daftar unit dari xlsx/csv: pratinjau (dryRun) lalu simpan semua atau tidak sama sekali / import units",
        querystring: orgUnitImportQuerySchema,
        response: { 200: orgUnitImportSchema },
      },
    },
    async (request) => {
      const { orgUnitId, fileName, dryRun } = request.query;
      const root = await regionFor(request, orgUnitId);
      if (!(request.body instanceof Buffer) || request.body.length === 0)
        throw new AppError(400, "FILE_MISSING", "Berkas belum dikirim.", "No file was sent.");
      const plan = await planOrgUnitImport(db(), root, new Uint8Array(request.body), fileName);
      if (dryRun === "false") await commitOrgUnitImport(db(), plan, fileName, actorOf(request));
      return importSummary(plan, dryRun === "true");
    },
  );
};
