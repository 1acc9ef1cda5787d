import { count, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actorOf, authorize, currentUser } from "../auth/plugin.js";
import { skmResponses, spmServices } from "../db/schema/index.js";
import { AppError, notFound } from "../lib/errors.js";
import { idParams, noContentSchema } from "../lib/route-schemas.js";
import { authorizedUnit } from "../org-units/queries.js";
import { checkServiceInForce, createSurvey, deleteSurvey, replaceResponses } from "./commands.js";
import { FACILITY_TYPES } from "./facility-types.js";
import { readQuestionnaireFile } from "./import.js";
import { listSurveys, surveyContext, surveyDetail, surveyPeriod } from "./queries.js";
import { resultOf } from "./results.js";
import { questionnaireProblems, type RowProblem, scoresOf } from "./rows.js";
import {
  createSurveySchema,
  importQuerySchema,
  importResultSchema,
  setResponsesSchema,
  surveyDetailSchema,
  surveyListQuerySchema,
  surveyListSchema,
} from "./schemas.js";
import { skmTemplateWorkbook } from "./template.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const uploadTypes = [XLSX, "text/csv", "application/octet-stream"];

/** All or nothing: one bad questionnaire refuses the whole save, naming the first row to fix. */
function refuseRows(problems: RowProblem[]) {
  const [first] = problems;
  const more = problems.length - 1;
  return new AppError(
    422,
    "SKM_ROWS_INVALID",
    `Baris ${first?.row}: ${first?.message}${more ? ` (dan ${more} masalah lain)` : ""} Tidak ada yang disimpan.`,
    `Row ${first?.row}: ${first?.messageEn}${more ? ` (and ${more} more problems)` : ""} Nothing was saved.`,
    { problems },
  );
}

/** Survei Kepuasan Masyarakat of SPM services (Perwal Depok 57/2017 Pasal 6e; Permenpan RB 14/2017). */
export const skmRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const tags = ["skm"];
  app.addContentTypeParser(
    uploadTypes,
    { parseAs: "buffer", bodyLimit: 5 * 1024 * 1024 + 1 },
    (_r, body, done) => done(null, body),
  );
  const unitFor = (
    request: Parameters<typeof authorize>[0],
    id: string,
    permission: "spm.read" | "skm.enter",
  ) => authorizedUnit(db(), request, permission, id);
  const surveyFor = async (
    request: Parameters<typeof authorize>[0],
    id: string,
    permission: "spm.read" | "skm.enter",
  ) => {
    const context = await surveyContext(db(), id);
    authorize(request, permission, context.orgUnitPath);
    return context;
  };

  app.get(
    "/skm/surveys",
    {
      config: { access: "spm.read" },
      schema: {
        tags,
        summary:
          "Survei kepuasan suatu wilayah dan tahun, dengan IKM / satisfaction surveys of a region's year with their IKM",
        querystring: surveyListQuerySchema,
        response: { 200: surveyListSchema },
      },
    },
    async (request) => {
      const unit = await unitFor(request, request.query.orgUnitId, "spm.read");
      return listSurveys(db(), unit, request.query.year, currentUser(request).roles);
    },
  );

  app.post(
    "/skm/surveys",
    {
      config: { access: "skm.enter" },
      schema: {
        tags,
        summary: "Buat survei satu jenis pelayanan di satu fasyankes dan periode / open a survey",
        body: createSurveySchema,
        response: { 201: surveyDetailSchema },
      },
    },
    async (request, reply) => {
      const facility = await unitFor(request, request.body.orgUnitId, "skm.enter");
      if (!FACILITY_TYPES.includes(facility.type)) {
        throw new AppError(
          422,
          "SKM_NOT_A_FACILITY",
          `${facility.name} bukan fasyankes; survei kepuasan diadakan di puskesmas, rumah sakit atau fasyankes lain.`,
          `${facility.name} is not a facility; satisfaction surveys are held at puskesmas, hospitals or other facilities.`,
        );
      }
      const period = surveyPeriod(request.body.period);
      const [service] = await db()
        .select({ id: spmServices.id })
        .from(spmServices)
        .where(eq(spmServices.id, request.body.serviceId));
      if (!service) throw notFound("Jenis pelayanan SPM", "SPM service");
      await checkServiceInForce(db(), facility.path, service.id, period.year);
      const id = await createSurvey(
        db(),
        facility,
        { ...request.body, period: period.code },
        actorOf(request),
      );
      const detail = await surveyDetail(db(), await surveyContext(db(), id), currentUser(request).roles);
      return reply.code(201).send(detail);
    },
  );

  app.get(
    "/skm/surveys/:id",
    {
      config: { access: "spm.read" },
      schema: {
        tags,
        summary: "Satu survei dengan kuesioner dan IKM-nya / one survey with its questionnaires and IKM",
        params: idParams,
        response: { 200: surveyDetailSchema },
      },
    },
    async (request) =>
      surveyDetail(db(), await surveyFor(request, request.params.id, "spm.read"), currentUser(request).roles),
  );

  app.put(
    "/skm/surveys/:id/responses",
    {
      config: { access: "skm.enter" },
      schema: {
        tags,
        summary:
          "Ganti semua kuesioner survei, semua atau tidak sama sekali / replace the questionnaires, all or nothing",
        params: idParams,
        body: setResponsesSchema,
        response: { 200: surveyDetailSchema },
      },
    },
    async (request) => {
      const context = await surveyFor(request, request.params.id, "skm.enter");
      const rows = request.body.responses;
      const problems = questionnaireProblems(rows, { period: surveyPeriod(context.period) });
      if (problems.length) throw refuseRows(problems);
      await replaceResponses(db(), context, { revision: request.body.revision, rows }, actorOf(request), {
        action: "skm.responses_set",
      });
      return surveyDetail(db(), await surveyContext(db(), context.id), currentUser(request).roles);
    },
  );

  app.delete(
    "/skm/surveys/:id",
    {
      config: { access: "skm.enter" },
      schema: {
        tags,
        summary: "Hapus survei beserta kuesionernya / delete a survey and its questionnaires",
        params: idParams,
        response: { 204: noContentSchema },
      },
    },
    async (request, reply) => {
      await deleteSurvey(db(), await surveyFor(request, request.params.id, "skm.enter"), actorOf(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/skm/template.xlsx",
    {
      config: { access: "spm.read" },
      schema: {
        tags,
        summary: "Templat tabulasi kuesioner SKM / SKM questionnaire template",
        produces: [XLSX],
      },
    },
    async (_request, reply) =>
      reply
        .header("content-type", XLSX)
        .header("content-disposition", 'attachment; filename="templat-kuesioner-skm.xlsx"')
        .send(await skmTemplateWorkbook()),
  );

  app.post(
    "/skm/surveys/:id/import",
    {
      config: { access: "skm.enter" },
      schema: {
        tags,
        summary:
          "Unggah kuesioner dari xlsx/csv: pratinjau (dryRun) lalu simpan, semua atau tidak sama sekali / upload questionnaires",
        params: idParams,
        querystring: importQuerySchema,
        consumes: uploadTypes,
        response: { 200: importResultSchema },
      },
    },
    async (request) => {
      const context = await surveyFor(request, request.params.id, "skm.enter");
      if (!(request.body instanceof Buffer) || request.body.length === 0) {
        throw new AppError(400, "FILE_MISSING", "Berkas belum dikirim.", "No file was sent.");
      }
      const { dryRun, fileName, revision } = request.query;
      const { questionnaires, problems } = await readQuestionnaireFile(
        new Uint8Array(request.body),
        fileName,
        surveyPeriod(context.period),
      );
      const [current] = await db()
        .select({ n: count() })
        .from(skmResponses)
        .where(eq(skmResponses.surveyId, context.id));
      const preview = {
        dryRun,
        rowsRead: questionnaires.length,
        problems,
        result: problems.length ? null : resultOf(scoresOf(questionnaires)),
        replaces: current?.n ?? 0,
        revision: context.revision,
      };
      if (dryRun) return preview;
      if (problems.length) throw refuseRows(problems);
      const saved = await replaceResponses(
        db(),
        context,
        { revision, rows: questionnaires },
        actorOf(request),
        {
          action: "skm.responses_import",
          fileName,
        },
      );
      return { ...preview, revision: saved };
    },
  );
};
