import { z } from "zod";

export const healthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  database: z.enum(["pglite", "postgres"]),
  /**
   * embedded: PGlite in this process, for one office machine; it does not fsync, so a power cut can
   * lose the last writes. server: PostgreSQL, durable as its own settings make it.
   */
  mode: z.enum(["embedded", "server"]),
  version: z.string(),
});

export const readySchema = z.object({
  ready: z.boolean(),
  database: z.boolean(),
  migrations: z.object({ applied: z.number().int(), expected: z.number().int() }),
});
