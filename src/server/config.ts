import { resolve } from "node:path";
import type { DatabaseOptions } from "../db/client.js";

export interface Config {
  port: number;
  host: string;
  database: DatabaseOptions;
  /** Load the demo data (seeds 000 and 004) into an empty database on start. */
  demo: boolean;
  logLevel: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number.parseInt(env.PORT ?? "3000", 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT is not a port number: ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? "0.0.0.0",
    database: env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: resolve(env.DATA_DIR ?? "data") },
    demo: !["0", "false", "no"].includes((env.DEMO ?? "true").toLowerCase()),
    logLevel: env.LOG_LEVEL ?? "info",
  };
}
