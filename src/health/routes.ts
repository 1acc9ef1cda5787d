import { sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { appliedMigrations, expectedMigrations } from "../db/migrate.js";
import { APP_VERSION } from "../lib/version.js";
import { healthSchema, readySchema } from "./schemas.js";

const modeOf = (kind: "pglite" | "postgres"): "embedded" | "server" =>
  kind === "pglite" ? "embedded" : "server";

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/health",
    {
      config: { access: "public" },
      schema: {
        tags: ["system"],
        summary: "Status layanan dan basis data / service and database status",
        response: { 200: healthSchema, 503: healthSchema },
      },
    },
    async (_request, reply) => {
      const { db, kind } = app.database;
      try {
        await db.execute(sql`select 1`);
        return { status: "ok" as const, database: kind, mode: modeOf(kind), version: APP_VERSION };
      } catch {
        return reply
          .code(503)
          .send({ status: "degraded" as const, database: kind, mode: modeOf(kind), version: APP_VERSION });
      }
    },
  );

  app.get(
    "/ready",
    {
      config: { access: "public" },
      schema: {
        tags: ["system"],
        summary:
          "Siap melayani: basis data terjangkau dan semua migrasi terpasang / ready: database reachable, migrations applied",
        response: { 200: readySchema, 503: readySchema },
      },
    },
    async (_request, reply) => {
      const expected = expectedMigrations();
      const applied = await appliedMigrations(app.database.db).catch(() => null);
      const ready = applied !== null && applied >= expected;
      const body = { ready, database: applied !== null, migrations: { applied: applied ?? 0, expected } };
      return ready ? body : reply.code(503).send(body);
    },
  );
};
