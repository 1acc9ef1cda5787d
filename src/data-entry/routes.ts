import { asc, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { mayAskForAction, mayTakeAction } from "../auth/permissions.js";
import { actorOf, authorize, currentUser, forbidden, scopeOf } from "../auth/plugin.js";
import { withinScope } from "../auth/scope-sql.js";
import { dataSetOrgUnits, dataSets, orgUnits } from "../db/schema/index.js";
import { AppError } from "../lib/errors.js";
import { groupBy } from "../lib/group-by.js";
import { completeness } from "./completeness.js";
import { assertEntryOpen, formContext, loadForm } from "./form.js";
import { valuesTemplate } from "./import.js";
import { checkUpload } from "./import-check.js";
import { commitImport, previewPage } from "./import-commit.js";
import {
  valuesImportedSchema,
  valuesImportPreviewSchema,
  valuesImportQuerySchema,
  valuesTemplateQuerySchema,
} from "./import-schemas.js";
import { saveValues } from "./save.js";
import {
  completenessQuerySchema,
  completenessSchema,
  entryDataSetListSchema,
  formQuerySchema,
  formSchema,
  saveValuesSchema,
  transitionSchema,
} from "./schemas.js";
import { transitionReport } from "./transition.js";

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
        response: { 200: entryDataSetListSchema },
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
      assertEntryOpen(context);
      const known = await saveValues(db(), context, request.body, actorOf(request));
      return loadForm(db(), request.body, context, known);
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
      const { action, reason, nihilReason } = request.body;
      const context = await formContext(db(), request.body);
      const roles = currentUser(request).roles;
      if (!mayAskForAction(roles, action, context.unit.path)) throw forbidden();
      // The window limits entering data; a report entered while it was open can still be checked.
      if (action === "submit") assertEntryOpen(context);
      await transitionReport(
        db(),
        context,
        {
          action,
          reason,
          nihilReason,
          mayTakeFrom: (status) => mayTakeAction(roles, action, status, context.unit.path),
        },
        actorOf(request),
      );
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
        querystring: completenessQuerySchema,
        response: { 200: completenessSchema },
      },
    },
    async (request) =>
      completeness(db(), request.query.dataSetId, request.query.period, scopeOf(request, "data.read")),
  );
};

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** Upload of monthly values from xlsx/csv: a template, a preview listing each row's changes, then one commit. */
export const dataImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const tags = ["data-entry"];
  app.addContentTypeParser(
    [XLSX, "text/csv", "application/octet-stream"],
    { parseAs: "buffer", bodyLimit: 20 * 1024 * 1024 + 1 },
    (_r, body, done) => done(null, body),
  );
  const bytes = (body: unknown) => {
    if (!(body instanceof Buffer) || body.length === 0) {
      throw new AppError(400, "FILE_MISSING", "Berkas belum dikirim.", "No file was sent.");
    }
    return new Uint8Array(body);
  };

  app.get(
    "/data-entry/import/template.xlsx",
    {
      config: { access: "data.enter" },
      schema: {
        tags,
        summary: "Templat unggah nilai bulanan / template for uploading monthly values",
        querystring: valuesTemplateQuerySchema,
        produces: [XLSX],
      },
    },
    async (request, reply) =>
      reply
        .header("content-type", XLSX)
        .header("content-disposition", 'attachment; filename="templat-isian-capaian.xlsx"')
        .send(
          await valuesTemplate(
            db(),
            request.query.dataSetId,
            request.query.period,
            currentUser(request).roles,
          ),
        ),
  );

  app.post(
    "/data-entry/import/preview",
    {
      config: { access: "data.enter" },
      schema: {
        tags,
        summary:
          "Pratinjau unggahan nilai: baris bermasalah dulu, lalu perubahan, paling banyak 200 baris; sisanya dihitung / preview an upload: rows with errors first, then changes, at most 200 rows; the rest counted",
        querystring: valuesImportQuerySchema,
        response: {
          200: valuesImportPreviewSchema,
        },
      },
    },
    async (request) =>
      previewPage(
        (
          await checkUpload(
            db(),
            request.query.dataSetId,
            bytes(request.body),
            request.query.fileName,
            currentUser(request).roles,
          )
        ).rows,
      ),
  );

  app.post(
    "/data-entry/import",
    {
      config: { access: "data.enter" },
      schema: {
        tags,
        summary: "Simpan unggahan nilai, semua atau tidak sama sekali / save an upload, all or nothing",
        querystring: valuesImportQuerySchema,
        response: { 200: valuesImportedSchema },
      },
    },
    async (request) => {
      const roles = currentUser(request).roles;
      const checked = await checkUpload(
        db(),
        request.query.dataSetId,
        bytes(request.body),
        request.query.fileName,
        roles,
      );
      return commitImport(db(), request.query.dataSetId, checked, actorOf(request));
    },
  );
};
