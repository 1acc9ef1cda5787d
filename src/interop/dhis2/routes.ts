import { Readable } from "node:stream";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actorOf, authorize, currentUser } from "../../auth/plugin.js";
import { parseDhis2Period } from "../../domain/index.js";
import { AppError, notFound } from "../../lib/errors.js";
import { BODY_TYPES, measured, RawBody, tooLarge } from "./body.js";
import { CONTENT_TYPES, writeValues } from "./export.js";
import { exportRows } from "./export-rows.js";
import { importValues } from "./import.js";
import { findDataSet, unitsBy } from "./queries.js";
import { type Format, type RawValue, readValues } from "./read-values.js";
import { exportQuerySchema, importQuerySchema, importSummarySchema } from "./schemas.js";

/** Above this many values one request is refused: send the rest in another file. */
const MAX_VALUES = 2_000_000;

export interface DataValueSetOptions {
  /** The largest body accepted (256 MB unless given). */
  maxBytes?: number;
}

export const dataValueSetRoutes: FastifyPluginAsyncZod<DataValueSetOptions> = async (app, options) => {
  const db = () => app.database.db;
  const tags = ["dhis2"];
  const maxBytes = options.maxBytes ?? 256 * 1024 * 1024;

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
          "Impor nilai DHIS2 dataValueSets (JSON, CSV) atau ADX; 409 bila ada konflik dan tidak ada yang disimpan / import DHIS2 dataValueSets or ADX",
        querystring: importQuerySchema,
        consumes: Object.keys(BODY_TYPES),
        response: { 200: importSummarySchema },
      },
    },
    async (request, reply) => {
      const body = request.body as unknown;
      if (!(body instanceof RawBody))
        throw new AppError(400, "BODY_REQUIRED", "Kirim berkas nilai.", "Send a file of values.");
      const type = (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
      const format: Format = request.query.format ?? BODY_TYPES[type] ?? "json";
      const values: RawValue[] = [];
      const input = measured(body.stream, maxBytes);
      await readValues(format, input.stream, (v) => {
        if (values.length >= MAX_VALUES)
          throw new AppError(
            413,
            "TOO_MANY_VALUES",
            `Lebih dari ${MAX_VALUES} nilai dalam satu berkas; bagi menjadi beberapa berkas.`,
            `More than ${MAX_VALUES} values in one file; split it into several files.`,
          );
        values.push(v);
      });
      const q = request.query;
      const scheme = q.idScheme ?? "UID";
      const summary = await importValues(
        db(),
        { values, format, ...input.done() },
        {
          dryRun: q.dryRun ?? false,
          strategy:
            q.importStrategy === "NEW"
              ? "CREATE"
              : q.importStrategy === "UPDATES"
                ? "UPDATE"
                : q.importStrategy === "NEW_AND_UPDATES" || !q.importStrategy
                  ? "CREATE_AND_UPDATE"
                  : q.importStrategy,
          atomic: q.atomicMode !== "NONE",
          elementScheme: q.dataElementIdScheme ?? scheme,
          unitScheme: q.orgUnitIdScheme ?? scheme,
          dataSetScheme: q.dataSetIdScheme ?? scheme,
          dataSet: q.dataSet,
          databaseKind: app.database.kind,
        },
        currentUser(request).roles,
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
