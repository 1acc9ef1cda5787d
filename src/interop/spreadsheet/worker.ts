import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { errorMessage, readUpload } from "./reader.js";
import type { WorkerInput, WorkerMessage } from "./worker-protocol.js";

/**
 * The reading worker: one upload in, its rows out in chunks, then "done" or the refusal. At most two
 * chunks are on their way at once; the main thread acknowledges each one it has taken.
 */
// On Linux a nice value belongs to the thread: reading a 20 MB file yields the CPU to the server's own
// thread, so other requests keep their latency on a busy machine. Elsewhere it may be refused; no harm.
try {
  setPriority(10);
} catch {}
let unacknowledged = 0;
let resume: (() => void) | null = null;
parentPort?.on("message", () => {
  unacknowledged--;
  resume?.();
  resume = null;
});
const post = (message: WorkerMessage): void | Promise<void> => {
  parentPort?.postMessage(message);
  if (message.type !== "rows") return;
  unacknowledged++;
  if (unacknowledged < 2) return;
  return new Promise<void>((go) => {
    resume = go;
  });
};

readUpload(workerData as WorkerInput, post).then(
  () => post({ type: "done" }),
  (error: unknown) => post(errorMessage(error)),
);
