import { arch, cpus, totalmem } from "node:os";
import { benchRakTransfer } from "./rak-transfer.js";

/** `npm run bench`: speed and memory figures with a raw baseline measured in the same run. */
const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${arch()}, Node ${process.version}`;
console.log(`capaian benchmarks — ${new Date().toISOString()} — ${machine}\n`);
for (const line of await benchRakTransfer()) console.log(`${line}\n`);
