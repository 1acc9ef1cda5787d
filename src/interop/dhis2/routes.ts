import { Readable } from "node:stream";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { hasPermission } from "../../auth/permissions.js";
import { actorOf, authorize, currentUser } from "../../auth/plugin.js";
import { parseDhis2Period } from "../../domain/index.js";
import { jobStartedSchema } from "../../jobs/schemas.js";
import { AppError, notFound } from "../../lib/errors.js";
import { BODY_TYPES, measured, RawBody, tooLarge } from "./body.js";
import { CONTENT_TYPES, writeValues } from "./export.js";
import { exportRows } from "./export-rows.js";
import type { ImportOptions } from "./import.js";
import { readAndImport } from "./import-file.js";
import { startImportJob } from "./import-job.js";
import { findDataSet, unitsBy } from "./queries.js";
import type { Format } from "./read-values.js";
import { exportQuerySchema, type ImportQuery, importQuerySchema, importSummarySchema } from "./schemas.js";

export interface DataValueSetOptions {
  /** The largest body accepted (256 MB unless given). */
  maxBytes?: number;
  /** A body larger than this (by its Content-Length) is imported as a background job (5 MB unless given). */
  jobThresholdBytes?: number;
}

const strategyOf = (s: ImportQuery["importStrategy"]): ImportOptions["strategy"] =>
  s === "NEW"
    ? "CREATE"
    : s === "UPDATES"
      ? "UPDATE"
      : s === "NEW_AND_UPDATES" || !s
        ? "CREATE_AND_UPDATE"
        : s;

export const dataValueSetRoutes: FastifyPluginAsyncZod<DataValueSetOptions> = async (app, options) => {
  const db = () => app.database.db;
  const tags = ["dhis2"];
  const maxBytes = options.maxBytes ?? 256 * 1024 * 1024;
  const jobThreshold = options.jobThresholdBytes ?? 5 * 1024 * 1024;

  // In this plugin only, the body is handed over as a stream: never whole in memory.
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser(Object.keys(BODY_TYPES), (request, payload, done) => {
    if (Number(request.headers["content-length"] ?? 0) > maxBytes) return done(tooLarge(maxBytes));
    done(null, new RawBody(payload as unknown as Readable));
  });

  app.post(
    "/dataValueSets",
    {
      config: { access: "data.enter" },
      schema: {
        tags,
        summary:
          "Impor nilai DHIS2 dataValueSets (JSON, CSV) atau ADX; 409 bila ada konflik dan tidak ada yang disimpan; berkas besar (atau async=true) menjadi pekerjaan: 202 dan GET /api/jobs/{id} / import DHIS2 dataValueSets or ADX; a large file (or async=true) answers 202 with a job to follow",
        querystring: importQuerySchema,
        consumes: Object.keys(BODY_TYPES),
        response: { 200: importSummarySchema, 202: jobStartedSchema },
      },
    },
    async (request, reply) => {
      const body = request.body as unknown;
      if (!(body instanceof RawBody))
        throw new AppError(400, "BODY_REQUIRED", "Kirim berkas nilai.", "Send a file of values.");
      const type = (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
      const q = request.query;
      const format: Format = q.format ?? BODY_TYPES[type] ?? "json";
      const scheme = q.idScheme ?? "UID";
      const importOptions = {
        dryRun: q.dryRun ?? false,
        strategy: strategyOf(q.importStrategy),
        atomic: q.atomicMode !== "NONE",
        elementScheme: q.dataElementIdScheme ?? scheme,
        unitScheme: q.orgUnitIdScheme ?? scheme,
        dataSetScheme: q.dataSetIdScheme ?? scheme,
        dataSet: q.dataSet,
        databaseKind: app.database.kind,
      };
      const user = currentUser(request);
      if (q.async || Number(request.headers["content-length"] ?? 0) > jobThreshold) {
        const started = await startImportJob(db(), {
          body: body.stream,
          format,
          maxBytes,
          options: importOptions,
          roles: user.roles,
          actor: actorOf(request),
          userId: user.id,
          // The route asks for data.enter, so one role holds it.
          orgUnitId: user.roles.find((r) => hasPermission([r], "data.enter"))?.orgUnitId as string,
          log: request.log,
        });
        return reply.code(202).send(started);
      }
      const input = measured(body.stream, maxBytes);
      const summary = await readAndImport(
        db(),
        { stream: input.stream, format, file: input.done },
        importOptions,
        user.roles,
        actorOf(request),
      );
      // A refused file answers 409 like DHIS2; without a 409 schema so errors keep their own shape.
      if (summary.status === "ERROR") return (reply as unknown as FastifyReply).code(409).send(summary);
      return summary;
    },
  );

  app.get(
    "/dataValueSets",
    {
      config: { access: "data.read" },
      schema: {
        tags,
        summary:
          "Ekspor nilai satu formulir sebagai DHIS2 dataValueSets (JSON, CSV) atau ADX, dialirkan / export values, streamed",
        querystring: exportQuerySchema,
        produces: Object.values(CONTENT_TYPES),
      },
    },
    async (request, reply) => {
      const q = request.query;
      const scheme = q.idScheme ?? "UID";
      const dataSet = await findDataSet(db(), scheme, q.dataSet);
      if (!dataSet) throw notFound("Formulir data", "Data set");
      const unit = (await unitsBy(db(), scheme, [q.orgUnit])).get(q.orgUnit);
      if (!unit) throw notFound("Unit organisasi", "Org unit");
      authorize(request, "data.read", unit.path);
      const accept = request.headers.accept ?? "";
      const format: Format =
        q.format ?? (/csv/.test(accept) ? "csv" : /adx|xml/.test(accept) ? "adx" : "json");
      const rows = exportRows(
        db(),
        {
          dataSetId: dataSet.id,
          unitPath: unit.path,
          children: q.children ?? false,
          scheme,
          periodCodes: q.period ? [parseDhis2Period(q.period).code] : undefined,
          startDate: q.startDate,
          endDate: q.endDate,
        },
        format === "adx",
      );
      const name = scheme === "UID" ? dataSet.id : scheme === "CODE" ? dataSet.code : dataSet.name;
      return reply
        .header("content-type", CONTENT_TYPES[format])
        .send(Readable.from(writeValues(format, rows, name)));
    },
  );
};
