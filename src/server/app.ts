import { existsSync } from "node:fs";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { auditRoutes } from "../audit/routes.js";
import { type AuthOptions, auth } from "../auth/plugin.js";
import { authRoutes } from "../auth/routes.js";
import { dataEntryRoutes, dataImportRoutes } from "../data-entry/routes.js";
import { metadataRoutes } from "../data-sets/routes.js";
import type { DatabaseHandle } from "../db/client.js";
import { evaluationRoutes } from "../evaluation/routes.js";
import { healthRoutes } from "../health/routes.js";
import { homeRoutes } from "../home/routes.js";
import { indicatorDefinitionRoutes } from "../indicators/routes.js";
import { dataValueSetRoutes } from "../interop/dhis2/routes.js";
import { jobRoutes } from "../jobs/routes.js";
import { errorBody, withRequestId } from "../lib/errors.js";
import { packagePath } from "../lib/package-root.js";
import { APP_VERSION } from "../lib/version.js";
import { lkjipRoutes } from "../lkjip/routes.js";
import { orgUnitRoutes } from "../org-units/routes.js";
import { yearRoutes } from "../periods/years-routes.js";
import { planEditRoutes } from "../plans/edit-routes.js";
import { renstraRoutes } from "../plans/renstra-routes.js";
import { planRoutes } from "../plans/routes.js";
import { planStartRoutes } from "../plans/start-routes.js";
import { planTransferRoutes } from "../plans/transfer-routes.js";
import { type ReminderRouteOptions, reminderRoutes } from "../reminders/routes.js";
import { scorecardRoutes } from "../scorecard/routes.js";
import { searchRoutes } from "../search/routes.js";
import { setupRoutes } from "../setup/routes.js";
import { skmRoutes } from "../skm/routes.js";
import { spmAdoptionRoutes } from "../spm/adoption-routes.js";
import { spmBudgetLinkRoutes } from "../spm/budget-link-routes.js";
import { populationRoutes } from "../spm/population-routes.js";
import { spmQuarterRoutes } from "../spm/quarter-routes.js";
import { spmReportRoutes } from "../spm/report-routes.js";
import { spmRoutes } from "../spm/routes.js";
import { userRoutes } from "../users/routes.js";
import { handleError } from "./error-handler.js";
import { registerResponseHeaders } from "./headers.js";
import { registerInputGuard } from "./input-guard.js";
import { type MetricsOptions, registerMetrics } from "./metrics.js";

export interface AppOptions {
  database: DatabaseHandle;
  logger?: FastifyServerOptions["logger"];
  /** Folder of the built web app; served with an SPA fallback when it exists. */
  webRoot?: string;
  auth: AuthOptions;
  /**
   * Requests a minute one logged-in user, or one address before logging in, may make (600 by default);
   * tests that walk every route raise it.
   */
  requestsPerMinute?: number;
  /** Serve Prometheus metrics at /metrics (off unless given; METRICS=true in the environment). */
  metrics?: MetricsOptions;
  /** Fastify's trustProxy: behind a reverse proxy, request.ip and request.protocol come from it. */
  trustProxy?: boolean | number | string;
  /** The SMTP sender and the test clock of POST /api/reminders/run. */
  reminders?: ReminderRouteOptions;
  /** The largest dataValueSets upload (256 MB unless given). */
  importMaxBytes?: number;
  /** A dataValueSets upload above this many bytes runs as a job (JOB_THRESHOLD_BYTES, 5 MB unless given). */
  importJobThresholdBytes?: number;
}

export type App = FastifyInstance;

/** A hop count trusts that many proxies nearest the server (Fastify's typings want it as a function). */
const proxyTrust = (setting: AppOptions["trustProxy"]) =>
  typeof setting === "number" ? (_address: string, hop: number) => hop < setting : (setting ?? false);

export async function buildApp(options: AppOptions): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    genReqId: () => crypto.randomUUID(),
    bodyLimit: 1024 * 1024,
    trustProxy: proxyTrust(options.trustProxy),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  registerInputGuard(app);
  registerResponseHeaders(app);
  app.decorate("database", options.database);
  if (options.metrics) registerMetrics(app, options.metrics);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine injects its CSS variables in <style> tags at runtime.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        // The service worker (offline app shell) and the web app manifest come from the app itself.
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        fontSrc: ["'self'", "data:"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
  });
  await app.register(auth, options.auth);
  // After auth has resolved the session: a whole office behind one proxy address is many users.
  await app.register(rateLimit, {
    max: options.requestsPerMinute ?? 600,
    timeWindow: "1 minute",
    hook: "preHandler",
    keyGenerator: (request) => (request.user ? `user:${request.user.id}` : `ip:${request.ip}`),
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: "capaian API",
        description:
          "Perencanaan dan pemantauan kinerja Dinas Kesehatan / health office performance planning",
        version: APP_VERSION,
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });
  app.get("/api/openapi.json", { schema: { hide: true }, config: { access: "public" } }, async () =>
    app.swagger(),
  );

  await app.register(healthRoutes, { prefix: "/api" });
  await app.register(authRoutes, { prefix: "/api", ...options.auth });
  await app.register(orgUnitRoutes, { prefix: "/api" });
  await app.register(planRoutes, { prefix: "/api" });
  await app.register(planEditRoutes, { prefix: "/api" });
  await app.register(planTransferRoutes, { prefix: "/api" });
  await app.register(planStartRoutes, { prefix: "/api" });
  await app.register(renstraRoutes, { prefix: "/api" });
  await app.register(lkjipRoutes, { prefix: "/api" });
  await app.register(spmRoutes, { prefix: "/api" });
  await app.register(spmAdoptionRoutes, { prefix: "/api" });
  await app.register(populationRoutes, { prefix: "/api" });
  await app.register(spmReportRoutes, { prefix: "/api" });
  await app.register(spmQuarterRoutes, { prefix: "/api" });
  await app.register(spmBudgetLinkRoutes, { prefix: "/api" });
  await app.register(skmRoutes, { prefix: "/api" });
  await app.register(yearRoutes, { prefix: "/api" });
  await app.register(dataEntryRoutes, { prefix: "/api" });
  await app.register(dataImportRoutes, { prefix: "/api" });
  await app.register(evaluationRoutes, { prefix: "/api" });
  await app.register(userRoutes, { prefix: "/api" });
  await app.register(auditRoutes, { prefix: "/api" });
  await app.register(metadataRoutes, { prefix: "/api" });
  await app.register(setupRoutes, { prefix: "/api" });
  await app.register(homeRoutes, { prefix: "/api" });
  await app.register(indicatorDefinitionRoutes, { prefix: "/api" });
  await app.register(searchRoutes, { prefix: "/api" });
  await app.register(reminderRoutes, { prefix: "/api", ...options.reminders });
  await app.register(dataValueSetRoutes, {
    prefix: "/api",
    maxBytes: options.importMaxBytes,
    jobThresholdBytes: options.importJobThresholdBytes,
  });
  await app.register(jobRoutes, { prefix: "/api" });
  await app.register(scorecardRoutes, { prefix: "/api" });

  const webRoot = options.webRoot ?? packagePath("dist", "web");
  const serveWeb = existsSync(webRoot);
  // preCompressed: the build writes .br and .gz beside each file (scripts/compress-web.mjs). Files under
  // assets/ carry a content hash in their name, so a browser may keep them for good.
  if (serveWeb)
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      preCompressed: true,
      setHeaders: (res, path) => {
        if (/[\\/]assets[\\/]/.test(path)) res.header("cache-control", "public, max-age=31536000, immutable");
      },
    });

  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === "GET" && !request.url.startsWith("/api");
    if (serveWeb && isPage) return reply.type("text/html").sendFile("index.html");
    return reply
      .code(404)
      .send(
        withRequestId(
          errorBody(
            "NOT_FOUND",
            `Alamat ${request.method} ${request.url} tidak ada.`,
            `No route ${request.method} ${request.url}.`,
          ),
          request.id,
        ),
      );
  });
  return app;
}

declare module "fastify" {
  interface FastifyInstance {
    database: DatabaseHandle;
  }
}
