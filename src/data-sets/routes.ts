import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ROLE_PERMISSIONS } from "../auth/permissions.js";
import { actorOf, currentUser, forbidden, scopeOf } from "../auth/plugin.js";
import { AppError } from "../lib/errors.js";
import { todayInJakarta } from "../lib/jakarta-date.js";
import { createdSchema, idParams, noContentSchema, savedSchema } from "../lib/route-schemas.js";
import { createElement, deleteElement, updateElement } from "./element-commands.js";
import { importDataSet } from "./import.js";
import { dataSetDetail, findDataSet, findElement, listDataSets, listElements } from "./queries.js";
import {
  dataSetDetailSchema,
  dataSetImportQuerySchema,
  dataSetInputSchema,
  dataSetSummaryListSchema,
  dataSetUpdateSchema,
  elementInputSchema,
  elementListSchema,
  elementUpdateSchema,
  importPreviewSchema,
} from "./schemas.js";
import { type Editor, saveDataSet } from "./set-commands.js";
import { dataSetWorkbook } from "./workbook.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const within = (path: string | null | undefined, roots: readonly string[]) =>
  !!path && roots.some((root) => path.startsWith(root));

/** Who edits: the Dinas of the caller's first role that manages metadata, and where that reaches. */
function editorOf(request: FastifyRequest): Editor {
  const role = currentUser(request).roles.find((r) => ROLE_PERMISSIONS[r.role].includes("metadata.manage"));
  if (!role) throw forbidden();
  return {
    ownerOrgUnitId: role.orgUnitId,
    manageRoots: scopeOf(request, "metadata.manage"),
    actor: actorOf(request),
    today: todayInJakarta(),
  };
}

/** Data elements and data sets (forms): the catalogue an admin Dinas maintains, with xlsx exchange. */
export const metadataRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const tags = ["metadata"];
  app.addContentTypeParser(
    [XLSX, "application/octet-stream"],
    { parseAs: "buffer", bodyLimit: 5 * 1024 * 1024 + 1 },
    (_r, body, done) => done(null, body),
  );
  const elementFor = async (request: FastifyRequest, id: string) => {
    const row = await findElement(db(), id);
    if (!within(row.ownerPath, scopeOf(request, "metadata.manage"))) throw forbidden();
    return row;
  };
  const dataSetFor = async (
    request: FastifyRequest,
    id: string,
    permission: "metadata.read" | "metadata.manage",
  ) => {
    const row = await findDataSet(db(), id);
    if (!within(row.ownerPath, scopeOf(request, permission))) throw forbidden();
    return row;
  };

  app.get(
    "/metadata/data-elements",
    {
      config: { access: "metadata.read" },
      schema: {
        tags,
        summary: "Katalog data element / the data element catalogue",
        response: { 200: elementListSchema },
      },
    },
    async (request) => listElements(db(), scopeOf(request, "metadata.manage")),
  );

  app.post(
    "/metadata/data-elements",
    {
      config: { access: "metadata.manage" },
      schema: {
        tags,
        summary: "Buat data element / create a data element",
        body: elementInputSchema,
        response: { 200: createdSchema },
      },
    },
    async (request) => {
      const editor = editorOf(request);
      const created = await createElement(db(), request.body, editor.ownerOrgUnitId, editor.actor);
      return { id: created.id };
    },
  );

  app.put(
    "/metadata/data-elements/:id",
    {
      config: { access: "metadata.manage" },
      schema: {
        tags,
        summary: "Ubah atau arsipkan data element / change or archive a data element",
        params: idParams,
        body: elementUpdateSchema,
        response: { 200: savedSchema },
      },
    },
    async (request) => {
      await elementFor(request, request.params.id);
      const after = await updateElement(db(), request.params.id, request.body, actorOf(request));
      return { id: after.id, revision: after.revision };
    },
  );

  app.delete(
    "/metadata/data-elements/:id",
    {
      config: { access: "metadata.manage" },
      schema: {
        tags,
        summary: "Hapus data element yang belum dipakai / delete an unused data element",
        params: idParams,
        response: { 204: noContentSchema },
      },
    },
    async (request, reply) => {
      await elementFor(request, request.params.id);
      await deleteElement(db(), request.params.id, actorOf(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/metadata/data-sets",
    {
      config: { access: "metadata.read" },
      schema: {
        tags,
        summary: "Formulir data milik Dinas di wilayah Anda / data sets of your Dinas",
        response: { 200: dataSetSummaryListSchema },
      },
    },
    async (request) =>
      listDataSets(db(), scopeOf(request, "metadata.read"), scopeOf(request, "metadata.manage")),
  );

  app.post(
    "/metadata/data-sets",
    {
      config: { access: "metadata.manage" },
      schema: {
        tags,
        summary: "Buat formulir data / create a data set",
        body: dataSetInputSchema,
        response: { 200: createdSchema },
      },
    },
    async (request) => {
      const saved = await saveDataSet(db(), null, request.body, editorOf(request));
      return { id: saved.id };
    },
  );

  app.get(
    "/metadata/data-sets/:id",
    {
      config: { access: "metadata.read" },
      schema: {
        tags,
        summary: "Satu formulir data lengkap / one data set in full",
        params: idParams,
        response: { 200: dataSetDetailSchema },
      },
    },
    async (request) => {
      await dataSetFor(request, request.params.id, "metadata.read");
      return dataSetDetail(
        db(),
        request.params.id,
        scopeOf(request, "metadata.read"),
        scopeOf(request, "metadata.manage"),
      );
    },
  );

  app.put(
    "/metadata/data-sets/:id",
    {
      config: { access: "metadata.manage" },
      schema: {
        tags,
        summary:
          "Ubah formulir data; perubahan data berlaku mulai satu periode / change a data set from a period on",
        params: idParams,
        body: dataSetUpdateSchema,
        response: { 200: createdSchema },
      },
    },
    async (request) => {
      await dataSetFor(request, request.params.id, "metadata.manage");
      const { revision, ...input } = request.body;
      const saved = await saveDataSet(db(), request.params.id, input, editorOf(request), revision);
      return { id: saved.id };
    },
  );

  app.get(
    "/metadata/data-sets/:id/workbook.xlsx",
    {
      config: { access: "metadata.read" },
      schema: {
        tags,
        summary: "Formulir data sebagai xlsx / a data set as xlsx",
        params: idParams,
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      await dataSetFor(request, request.params.id, "metadata.read");
      const detail = await dataSetDetail(db(), request.params.id, [], []);
      const elements = await listElements(db(), []);
      const workbook = await dataSetWorkbook(detail, new Map(elements.map((e) => [e.id, e.description])));
      return reply
        .header("content-type", XLSX)
        .header(
          "content-disposition",
          `attachment; filename="formulir-${detail.code.replace(/[^A-Za-z0-9_.-]/g, "_")}.xlsx"`,
        )
        .send(workbook);
    },
  );

  app.post(
    "/metadata/data-sets/import",
    {
      config: { access: "metadata.manage" },
      schema: {
        tags,
        summary:
          "Impor formulir data dari xlsx: pratinjau (dryRun) lalu satu transaksi / import a data set workbook",
        querystring: dataSetImportQuerySchema,
        response: { 200: importPreviewSchema },
      },
    },
    async (request) => {
      if (!(request.body instanceof Buffer) || request.body.length === 0) {
        throw new AppError(400, "FILE_MISSING", "Berkas belum dikirim.", "No file was sent.");
      }
      return importDataSet(
        db(),
        new Uint8Array(request.body),
        request.query.fileName,
        editorOf(request),
        request.query.dryRun === "true",
      );
    },
  );
};
