import { sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { APP_VERSION } from "../server/version.js";

const healthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  database: z.enum(["pglite", "postgres"]),
  version: z.string(),
});

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
        return { status: "ok" as const, database: kind, version: APP_VERSION };
      } catch {
        return reply.code(503).send({ status: "degraded" as const, database: kind, version: APP_VERSION });
      }
    },
  );
};
