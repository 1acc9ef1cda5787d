import { parentPort, workerData } from "node:worker_threads";
import { errorMessage, readUpload } from "./reader.js";
import type { WorkerInput, WorkerMessage } from "./worker-protocol.js";

/** The reading worker: one upload in, its rows out in chunks, then "done" or the refusal. */
const post = (message: WorkerMessage) => parentPort?.postMessage(message);

readUpload(workerData as WorkerInput, post).then(
  () => post({ type: "done" }),
  (error: unknown) => post(errorMessage(error)),
);
