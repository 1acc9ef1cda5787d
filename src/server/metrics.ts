import { timingSafeEqual } from "node:crypto";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { FastifyInstance } from "fastify";
import type { BackupStatus } from "../backup/schedule.js";
import { AppError } from "../lib/errors.js";

export interface MetricsOptions {
  /** When set, a scrape must send `Authorization: Bearer <token>`. */
  token?: string;
  /** The scheduled backup job of this process, when there is one. */
  backup?: BackupStatus;
}

/** Seconds; from a fast read to the slowest report export. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface RouteSeries {
  labels: string;
  buckets: number[];
  sum: number;
  count: number;
}

const escapeLabel = (value: string) =>
  value.replaceAll("\\", "\\\\").replaceAll('"', '\\"').replaceAll("\n", "\\n");
const labelsOf = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
    .join(",");

/** Lines of the Prometheus text format (version 0.0.4) for one metric family. */
function family(name: string, type: "counter" | "gauge" | "histogram", help: string, samples: string[]) {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...samples];
}

function sameToken(sent: string | undefined, token: string): boolean {
  const given = Buffer.from(sent?.replace(/^Bearer\s+/i, "") ?? "");
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/**
 * GET /metrics in the Prometheus text format: requests and latencies per route pattern (never the raw
 * URL, so ids do not make a series each), the database pool or queue, event-loop lag and the backup job.
 */
export function registerMetrics(app: FastifyInstance, options: MetricsOptions): void {
  const requests = new Map<string, number>();
  const durations = new Map<string, RouteSeries>();
  let inFlight = 0;
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  app.addHook("onClose", async () => lag.disable());

  app.addHook("onRequest", async (_request, reply) => {
    inFlight++;
    // "close" comes once per answer, also when the client gave up before it was sent.
    reply.raw.once("close", () => {
      inFlight--;
    });
  });
  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? "unmatched";
    const method = request.method;
    const statusClass = `${Math.floor(reply.statusCode / 100)}xx`;
    const key = labelsOf({ method, route, status_class: statusClass });
    requests.set(key, (requests.get(key) ?? 0) + 1);
    const routeKey = labelsOf({ method, route });
    let series = durations.get(routeKey);
    if (!series) {
      series = { labels: routeKey, buckets: BUCKETS.map(() => 0), sum: 0, count: 0 };
      durations.set(routeKey, series);
    }
    const seconds = reply.elapsedTime / 1000;
    BUCKETS.forEach((le, i) => {
      if (seconds <= le && series) series.buckets[i] = (series.buckets[i] ?? 0) + 1;
    });
    series.sum += seconds;
    series.count++;
  });

  const render = (): string => {
    const lines: string[] = [];
    lines.push(
      ...family(
        "capaian_http_requests_total",
        "counter",
        "Answered requests by route pattern and status class.",
        [...requests].map(([labels, n]) => `capaian_http_requests_total{${labels}} ${n}`),
      ),
      ...family(
        "capaian_http_request_duration_seconds",
        "histogram",
        "Time to answer, by route pattern.",
        [...durations.values()].flatMap((s) => [
          ...BUCKETS.map(
            (le, i) => `capaian_http_request_duration_seconds_bucket{${s.labels},le="${le}"} ${s.buckets[i]}`,
          ),
          `capaian_http_request_duration_seconds_bucket{${s.labels},le="+Inf"} ${s.count}`,
          `capaian_http_request_duration_seconds_sum{${s.labels}} ${s.sum}`,
          `capaian_http_request_duration_seconds_count{${s.labels}} ${s.count}`,
        ]),
      ),
      ...family("capaian_http_requests_in_flight", "gauge", "Requests being answered now.", [
        `capaian_http_requests_in_flight ${inFlight}`,
      ]),
    );
    // Since the previous scrape, so a stall shows in the next sample instead of hiding in a lifetime.
    const ns = (x: number) => (Number.isFinite(x) ? x / 1e9 : 0);
    lines.push(
      ...family("capaian_event_loop_lag_seconds", "gauge", "Event-loop delay since the previous scrape.", [
        `capaian_event_loop_lag_seconds{quantile="0.5"} ${ns(lag.percentile(50))}`,
        `capaian_event_loop_lag_seconds{quantile="0.99"} ${ns(lag.percentile(99))}`,
        `capaian_event_loop_lag_seconds{quantile="1"} ${ns(lag.max)}`,
      ]),
    );
    lag.reset();
    const database = app.database;
    const stats = database.stats();
    const kind = `database="${database.kind}"`;
    if (stats.pool) {
      lines.push(
        ...family("capaian_db_pool_connections", "gauge", "PostgreSQL pool connections by state.", [
          `capaian_db_pool_connections{${kind},state="total"} ${stats.pool.total}`,
          `capaian_db_pool_connections{${kind},state="idle"} ${stats.pool.idle}`,
        ]),
        ...family("capaian_db_pool_waiting", "gauge", "Queries waiting for a pool connection.", [
          `capaian_db_pool_waiting{${kind}} ${stats.pool.waiting}`,
        ]),
      );
    }
    if (stats.pending !== undefined) {
      lines.push(
        ...family(
          "capaian_db_queue_depth",
          "gauge",
          "PGlite queries and transactions queued or running on its one connection.",
          [`capaian_db_queue_depth{${kind}} ${stats.pending}`],
        ),
      );
    }
    const backup = options.backup;
    if (backup) {
      lines.push(
        ...family("capaian_backup_running", "gauge", "1 while a scheduled backup is being written.", [
          `capaian_backup_running ${backup.running ? 1 : 0}`,
        ]),
        ...family("capaian_backup_runs_total", "counter", "Scheduled backups by outcome.", [
          `capaian_backup_runs_total{outcome="success"} ${backup.successes}`,
          `capaian_backup_runs_total{outcome="failure"} ${backup.failures}`,
        ]),
        ...family(
          "capaian_backup_last_success_timestamp_seconds",
          "gauge",
          "Unix time of the last good scheduled backup (0: none yet).",
          [`capaian_backup_last_success_timestamp_seconds ${backup.lastSuccessAt ?? 0}`],
        ),
        ...family(
          "capaian_backup_last_failure_timestamp_seconds",
          "gauge",
          "Unix time of the last failed scheduled backup (0: none).",
          [`capaian_backup_last_failure_timestamp_seconds ${backup.lastFailureAt ?? 0}`],
        ),
      );
    }
    const memory = process.memoryUsage();
    lines.push(
      ...family("process_resident_memory_bytes", "gauge", "Resident memory.", [
        `process_resident_memory_bytes ${memory.rss}`,
      ]),
      ...family("nodejs_heap_used_bytes", "gauge", "V8 heap in use.", [
        `nodejs_heap_used_bytes ${memory.heapUsed}`,
      ]),
      ...family("process_uptime_seconds", "gauge", "Seconds since the process started.", [
        `process_uptime_seconds ${process.uptime()}`,
      ]),
    );
    return `${lines.join("\n")}\n`;
  };

  app.get("/metrics", { schema: { hide: true }, config: { access: "public" } }, async (request, reply) => {
    if (options.token && !sameToken(request.headers.authorization, options.token)) {
      throw new AppError(
        401,
        "METRICS_TOKEN",
        "Token metrik tidak ada atau salah (Authorization: Bearer …).",
        "The metrics token is missing or wrong (Authorization: Bearer …).",
      );
    }
    return reply.type("text/plain; version=0.0.4; charset=utf-8").send(render());
  });
}
