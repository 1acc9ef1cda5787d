import { resolve } from "node:path";
import type { BackupSchedule } from "../backup/schedule.js";
import type { DatabaseOptions } from "../db/client.js";
import type { SmtpSettings } from "../reminders/mailer.js";

export interface Config {
  port: number;
  host: string;
  database: DatabaseOptions;
  /** Load the demo data (seeds 000 and 004) into an empty database on start. */
  demo: boolean;
  logLevel: string;
  /** HMAC key for CSRF tokens; when unset, one is generated once and kept in the database. */
  secret: string | undefined;
  sessions: { idleMinutes: number; maxHours: number };
  /** COOKIE_SECURE: true/false forces it; unset, cookies are Secure when the request came over HTTPS. */
  secureCookies: boolean | "auto";
  /** TRUST_PROXY: which proxies may name the client (X-Forwarded-For/-Proto); off when unset. */
  trustProxy: boolean | number | string;
  loginAttemptsPerMinute: number;
  /** Scheduled backups by the running server (BACKUP_DIR set), else none. */
  backup: BackupSchedule | undefined;
  /** Prometheus metrics at /metrics (METRICS=true), behind a bearer token when METRICS_TOKEN is set. */
  metrics: { token: string | undefined } | undefined;
  /** JOB_THRESHOLD_BYTES: a DHIS2 import larger than this runs as a background job (5 MB). */
  jobThresholdBytes: number;
  /** How long a SIGTERM/SIGINT waits for running requests before closing anyway. */
  shutdownTimeoutMs: number;
  reminders: {
    /** REMINDER_INTERVAL_MS: how often the server sends the reminders due (an hour); 0 turns it off. */
    intervalMs: number;
    /** SMTP_URL and SMTP_FROM: reminders also go out by e-mail; without them only in the app. */
    smtp: SmtpSettings | undefined;
    /** REMINDER_TEST_CLOCK=true: POST /api/reminders/run accepts a "today" (tests and demos only). */
    testClock: boolean;
  };
}

const positive = (value: string | undefined, fallback: number, name: string) => {
  const n = Number(value ?? fallback);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number: ${value}`);
  return n;
};

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
    secret: env.SESSION_SECRET,
    sessions: {
      idleMinutes: positive(env.SESSION_IDLE_MINUTES, 240, "SESSION_IDLE_MINUTES"),
      maxHours: positive(env.SESSION_MAX_HOURS, 12, "SESSION_MAX_HOURS"),
    },
    loginAttemptsPerMinute: positive(env.LOGIN_ATTEMPTS_PER_MINUTE, 10, "LOGIN_ATTEMPTS_PER_MINUTE"),
    secureCookies: secureCookies(env.COOKIE_SECURE),
    trustProxy: trustProxy(env.TRUST_PROXY),
    backup: env.BACKUP_DIR
      ? {
          dir: resolve(env.BACKUP_DIR),
          everyHours: positive(env.BACKUP_EVERY_HOURS, 24, "BACKUP_EVERY_HOURS"),
          keep: Math.ceil(positive(env.BACKUP_KEEP, 7, "BACKUP_KEEP")),
        }
      : undefined,
    metrics: ["1", "true", "yes"].includes((env.METRICS ?? "false").toLowerCase())
      ? { token: env.METRICS_TOKEN || undefined }
      : undefined,
    jobThresholdBytes: positive(env.JOB_THRESHOLD_BYTES, 5 * 1024 * 1024, "JOB_THRESHOLD_BYTES"),
    shutdownTimeoutMs: positive(env.SHUTDOWN_TIMEOUT_MS, 10_000, "SHUTDOWN_TIMEOUT_MS"),
    reminders: {
      intervalMs:
        env.REMINDER_INTERVAL_MS === "0"
          ? 0
          : positive(env.REMINDER_INTERVAL_MS, 3_600_000, "REMINDER_INTERVAL_MS"),
      smtp: smtp(env),
      testClock: ["1", "true", "yes"].includes((env.REMINDER_TEST_CLOCK ?? "false").toLowerCase()),
    },
  };
}

function secureCookies(value: string | undefined): boolean | "auto" {
  const v = (value ?? "").trim().toLowerCase();
  if (v === "" || v === "auto") return "auto";
  if (["1", "true", "yes"].includes(v)) return true;
  if (["0", "false", "no"].includes(v)) return false;
  throw new Error(`COOKIE_SECURE must be true, false or auto: ${value}`);
}

/**
 * TRUST_PROXY: a hop count ("1": the one reverse proxy in front), or the proxies' addresses and
 * subnets ("127.0.0.1,10.0.0.0/8"), or "true" (trust every hop: only when nothing else can reach the
 * port). Unset or "false": the direct peer is the client.
 */
export function trustProxy(value: string | undefined): boolean | number | string {
  const v = (value ?? "").trim();
  if (v === "" || ["0", "false", "no"].includes(v.toLowerCase())) return false;
  if (["true", "yes"].includes(v.toLowerCase())) return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .join(",");
}

function smtp(env: NodeJS.ProcessEnv): SmtpSettings | undefined {
  if (!env.SMTP_URL) return undefined;
  if (!env.SMTP_FROM) throw new Error("SMTP_FROM must name the sender when SMTP_URL is set");
  return { url: env.SMTP_URL, from: env.SMTP_FROM };
}
