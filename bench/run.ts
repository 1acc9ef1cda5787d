import { arch, cpus, totalmem } from "node:os";
import { loadDemo } from "../src/demo/load-demo.js";
import { testDatabases } from "../src/test-support/databases.js";
import { benchDataEntry } from "./data-entry.js";
import { benchRakTransfer } from "./rak-transfer.js";
import { benchSpmReport } from "./spm-report.js";
import { benchUpload } from "./upload.js";

/** `npm run bench`: speed and memory figures with a raw baseline measured in the same run. */
const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${arch()}, Node ${process.version}`;
console.log(`capaian benchmarks — ${new Date().toISOString()} — ${machine}\n`);
for (const line of await benchRakTransfer()) console.log(`${line}\n`);

// The data-entry figures on the embedded database, and on a throwaway PostgreSQL database (dropped
// afterwards) when BENCH_DATABASE_URL points at a server.
if (process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
for (const target of testDatabases()) {
  const handle = await target.open();
  await loadDemo(handle.db);
  for (const line of await benchDataEntry(handle)) console.log(`${line}\n`);
  await handle.close();
  // The SPM report on a database of its own, so the data-entry bench's kota is not in its tables.
  const fresh = await target.open();
  await loadDemo(fresh.db);
  for (const line of await benchSpmReport(fresh)) console.log(`${line}\n`);
  await fresh.close();
  const uploads = await target.open();
  await loadDemo(uploads.db);
  for (const line of await benchUpload(uploads)) console.log(`${line}\n`);
  await uploads.close();
}
