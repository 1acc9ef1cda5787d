// `npm start`: builds only when the sources changed since the last build (normally done once at
// install, see build.mjs), then runs the server, so a start takes the seconds the server needs.
// The Node flags of `npm start` (package.json) keep the embedded server's memory small: a small young
// generation (--optimize-for-size --max-semi-space-size=2); PGlite's WebAssembly compiled by the
// baseline compiler only (--liftoff-only), as the optimising compiler's work memory (~40 MB) stayed in
// the process's malloc arenas for good; V8's work on the main thread (--single-threaded), so no helper
// thread keeps an arena of its own. A round of the e2e flows took no more CPU time with them (`npm run
// bench -- server-memory`), but a heavy aggregate inside PGlite takes ~1.4–1.6× the CPU time: dropping
// --liftoff-only trades ~40–50 MB for that.
import { pathToFileURL } from "node:url";
import { ensureBuilt, serverEntry } from "./build.mjs";

const status = ensureBuilt();
if (status !== 0) process.exit(status);
await import(pathToFileURL(serverEntry).href);
