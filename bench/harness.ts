import { recordAudit, systemActor } from "../src/audit/record.js";

/** A tiny benchmark harness: median and p99 of repeated runs, and the ratio to a baseline run alongside. */
export interface Measured {
  name: string;
  runs: number;
  medianMs: number;
  p99Ms: number;
  heapMb: number;
}

export async function measure(name: string, runs: number, fn: () => Promise<unknown>): Promise<Measured> {
  await fn();
  const times: number[] = [];
  let heap = 0;
  for (let i = 0; i < runs; i++) {
    const before = process.memoryUsage().heapUsed;
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
    heap = Math.max(heap, process.memoryUsage().heapUsed - before);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return { name, runs, medianMs: at(0.5), p99Ms: at(0.99), heapMb: heap / 1e6 };
}

export function report(title: string, subject: Measured, baseline: Measured): string {
  const ratio = subject.medianMs / baseline.medianMs;
  const fmt = (m: Measured) =>
    `${m.name}: median ${m.medianMs.toFixed(1)} ms, p99 ${m.p99Ms.toFixed(1)} ms, heap +${m.heapMb.toFixed(1)} MB (${m.runs} runs)`;
  return `${title}\n  ${fmt(subject)}\n  ${fmt(baseline)}\n  ratio ${ratio.toFixed(2)}× the baseline`;
}

export interface Timing {
  p50: number;
  p95: number;
  runs: number;
}

/** p50 and p95 of `runs` calls after a warm-up; `before` runs untimed ahead of each call. */
export async function timed(
  runs: number,
  fn: () => Promise<unknown>,
  before?: () => Promise<unknown>,
): Promise<Timing> {
  await before?.();
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await before?.();
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] ?? 0;
  return { p50: at(0.5), p95: at(0.95), runs: times.length };
}

export const ms = (t: Timing) => `p50 ${t.p50.toFixed(1)} ms / p95 ${t.p95.toFixed(1)} ms (${t.runs} runs)`;

/** An audited change elsewhere: the dashboards' figures must be computed afresh after it. */
export const touchAudit = (db: Parameters<typeof recordAudit>[0]) =>
  recordAudit(db, systemActor, { action: "bench.touch", entityType: "bench" });
