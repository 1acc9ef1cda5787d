import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { allows, mayChangeNationalFigures } from "../auth/permissions.js";
import { actorOf, authorize, currentUser } from "../auth/plugin.js";
import { AppError, notFound } from "../lib/errors.js";
import { noContentSchema } from "../lib/route-schemas.js";
import {
  findGridUnit,
  type GridUnit,
  gridCellsToWrite,
  populationGrid,
  writePopulationCells,
} from "./population-grid.js";
import {
  commitPopulationImport,
  MAX_IMPORT_BYTES,
  populationTemplate,
  previewPopulationImport,
} from "./population-import.js";
import {
  populationGridInputSchema,
  populationGridSavedSchema,
  populationGridSchema,
  populationImportQuerySchema,
  populationImportSchema,
  populationsInputSchema,
  populationsWithEstimatesSchema,
  prevalenceInputSchema,
} from "./population-schemas.js";
import { populationsWithEstimates } from "./populations.js";
import { setPrevalence } from "./prevalence-commands.js";
import { spmRegionYearSchema } from "./schemas.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const populationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const tags = ["spm"];
  app.addContentTypeParser(
    [XLSX, "text/csv", "application/octet-stream"],
    { parseAs: "buffer", bodyLimit: MAX_IMPORT_BYTES + 1 },
    (_request, body, done) => done(null, body),
  );
  const unitFor = async (
    request: Parameters<typeof authorize>[0],
    id: string,
    permission: "spm.read" | "plan.write",
  ) => {
    const unit = await findGridUnit(db(), id);
    if (!unit) throw notFound("Unit organisasi", "Org unit");
    authorize(request, permission, unit.path);
    return unit;
  };
  const writable = (request: Parameters<typeof authorize>[0]) => (unit: GridUnit) =>
    allows(currentUser(request).roles, "plan.write", unit.path);

  app.get(
    "/spm/populations",
    {
      config: { access: "spm.read" },
      schema: {
        tags,
        summary:
          "Sasaran SPM suatu wilayah dan tahun, dengan estimasi dan sumbernya / SPM target populations",
        querystring: spmRegionYearSchema,
        response: { 200: populationsWithEstimatesSchema },
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
        body: populationsInputSchema,
        response: { 204: noContentSchema },
      },
    },
    async (request, reply) => {
      const unit = await unitFor(request, request.body.orgUnitId, "plan.write");
      const values = request.body.values.map((v) => ({ ...v, orgUnitId: unit.id }));
      const cells = await gridCellsToWrite(db(), unit, values, (u) =>
        authorize(request, "plan.write", u.path),
      );
      await writePopulationCells(db(), request.body.year, cells, actorOf(request));
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
        body: prevalenceInputSchema,
        response: { 204: noContentSchema },
      },
    },
    async (request, reply) => {
      const { orgUnitId, code, percent, source, sourceYear } = request.body;
      if (orgUnitId) await unitFor(request, orgUnitId, "plan.write");
      else if (!mayChangeNationalFigures(currentUser(request).roles)) {
        throw new AppError(
          403,
          "FORBIDDEN",
          "Hanya pengelola tingkat nasional yang dapat mengubah prevalensi nasional.",
          "Only national managers may change the national prevalence.",
        );
      }
      await setPrevalence(
        db(),
        { code, orgUnitId, year: request.body.year, percent, source, sourceYear },
        actorOf(request),
      );
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/spm/populations/grid",
    {
      config: { access: "spm.read" },
      schema: {
        tags,
        summary:
          "Sasaran SPM per kecamatan, kelurahan dan puskesmas suatu wilayah / a region's populations unit by unit",
        querystring: spmRegionYearSchema,
        response: { 200: populationGridSchema },
      },
    },
    async (request) => {
      const unit = await unitFor(request, request.query.orgUnitId, "spm.read");
      return populationGrid(db(), unit, request.query.year);
    },
  );

  app.put(
    "/spm/populations/grid",
    {
      config: { access: "plan.write" },
      schema: {
        tags,
        summary:
          "Simpan sasaran banyak unit sekaligus, semua atau tidak sama sekali / save many units' populations, all or nothing",
        body: populationGridInputSchema,
        response: { 200: populationGridSavedSchema },
      },
    },
    async (request) => {
      const root = await unitFor(request, request.body.orgUnitId, "spm.read");
      const cells = await gridCellsToWrite(db(), root, request.body.cells, (unit) =>
        authorize(request, "plan.write", unit.path),
      );
      return { written: await writePopulationCells(db(), request.body.year, cells, actorOf(request)) };
    },
  );

  app.get(
    "/spm/populations/template.xlsx",
    {
      config: { access: "spm.read" },
      schema: {
        tags,
        summary: "Templat xlsx sasaran SPM berisi angka saat ini / xlsx template of populations, pre-filled",
        querystring: spmRegionYearSchema,
        produces: [XLSX],
      },
    },
    async (request, reply) => {
      const unit = await unitFor(request, request.query.orgUnitId, "spm.read");
      const bytes = await populationTemplate(db(), unit, request.query.year);
      return reply
        .header("content-type", XLSX)
        .header(
          "content-disposition",
          `attachment; filename="sasaran-spm-${unit.code}-${request.query.year}.xlsx"`,
        )
        .send(bytes);
    },
  );

  app.post(
    "/spm/populations/import",
    {
      config: { access: "plan.write" },
      schema: {
        tags,
        summary:
          "Impor sasaran dari xlsx/csv: pratinjau (dryRun) lalu simpan semua atau tidak sama sekali / import populations",
        querystring: populationImportQuerySchema,
        response: { 200: populationImportSchema },
      },
    },
    async (request) => {
      const { orgUnitId, year, dryRun } = request.query;
      const root = await unitFor(request, orgUnitId, "spm.read");
      if (!(request.body instanceof Buffer) || request.body.length === 0)
        throw new AppError(400, "FILE_MISSING", "Berkas belum dikirim.", "No file was sent.");
      // The body carries no name; the content type tells a CSV from a workbook (whose bytes are checked).
      const fileName = /csv/.test(request.headers["content-type"] ?? "") ? "sasaran.csv" : "sasaran.xlsx";
      const rows = await previewPopulationImport(
        db(),
        root,
        year,
        new Uint8Array(request.body),
        fileName,
        writable(request),
      );
      const written =
        dryRun === "true" ? 0 : await commitPopulationImport(db(), root, year, rows, actorOf(request));
      return {
        dryRun: dryRun === "true",
        rows,
        changes: rows.reduce((n, r) => n + r.changes.length, 0),
        errors: rows.filter((r) => r.errors.length).length,
        written,
      };
    },
  );
};
