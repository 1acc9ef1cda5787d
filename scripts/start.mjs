// `npm start`: builds only when the sources changed since the last build (normally done once at
// install, see build.mjs), then runs the server, so a start takes the seconds the server needs.
import { pathToFileURL } from "node:url";
import { ensureBuilt, serverEntry } from "./build.mjs";

const status = ensureBuilt();
if (status !== 0) process.exit(status);
await import(pathToFileURL(serverEntry).href);
