import { arch, cpus, totalmem } from "node:os";
import { loadDemo } from "../src/demo/load-demo.js";
import { testDatabases } from "../src/test-support/databases.js";
import { benchDataEntry } from "./data-entry.js";
import { benchDhis2 } from "./dhis2.js";
import { benchEvaluation } from "./evaluation.js";
import { benchHome } from "./home.js";
import { benchLoad } from "./load.js";
import { benchOfflineBytes } from "./offline-bytes.js";
import { benchProvince } from "./province.js";
import { benchRakTransfer } from "./rak-transfer.js";
import { benchScorecard } from "./scorecard.js";
import { benchServerMemory } from "./server-memory.js";
import { benchSpmReport } from "./spm-report.js";
import { benchUpload } from "./upload.js";

/**
 * `npm run bench`: speed and memory figures with a raw baseline measured in the same run.
 * `npm run bench -- evaluation spm` runs only the named cases (rak, data-entry, evaluation, home, spm, upload,
 * dhis2, scorecard, offline, server-memory; `--small` scales dhis2 down twentyfold); `--db=postgres` or `--db=pglite` runs one database.
 */
const only = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const wanted = (name: string) => only.length === 0 || only.includes(name);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${arch()}, Node ${process.version}`;
console.log(`capaian benchmarks — ${new Date().toISOString()} — ${machine}\n`);
if (process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;

// `npm run bench -- --scale province`: the province figures on PostgreSQL (bench/province.ts).
if (process.argv.includes("--scale")) {
  await benchProvince();
  process.exit(0);
}
// `npm run bench -- --load`: only the HTTP load figures (autocannon on loopback).
if (process.argv.includes("--load")) {
  for (const line of await benchLoad()) console.log(`${line}\n`);
  process.exit(0);
}
if (wanted("rak")) for (const line of await benchRakTransfer()) console.log(`${line}\n`);

// The database cases on the embedded database, and on a throwaway PostgreSQL database (dropped
// afterwards) when BENCH_DATABASE_URL points at a server; each case on a database of its own so no
// other case's kota is in its tables.
const cases = [
  ["data-entry", benchDataEntry],
  ["evaluation", benchEvaluation],
  ["home", benchHome],
  ["spm", benchSpmReport],
  ["upload", benchUpload],
  ["dhis2", benchDhis2],
  ["scorecard", benchScorecard],
  ["offline", benchOfflineBytes],
] as const;
const onlyDb = process.argv.find((arg) => arg.startsWith("--db="))?.slice(5);
for (const target of testDatabases().filter((t) => !onlyDb || t.name === onlyDb)) {
  for (const [name, bench] of cases) {
    if (!wanted(name)) continue;
    const handle = await target.open();
    await loadDemo(handle.db);
    for (const line of await bench(handle)) console.log(`${line}\n`);
    await handle.close();
  }
}

// The built server in a process of its own (`npm start`), its memory and start times on each database.
if (wanted("server-memory"))
  for (const target of testDatabases().filter((t) => !onlyDb || t.name === onlyDb))
    for (const line of await benchServerMemory(target.name)) console.log(`${line}\n`);
