// Part of `npm run build`: the PGlite clusters a new data folder starts from (src/db/initdb-template.ts):
// migrated and empty, and the same with the demo loaded (remade by every build: the demo's code may differ).
import { pgliteHandle } from "../dist/server/db/client.js";
import { initdbTemplate, writeTemplate } from "../dist/server/db/initdb-template.js";
import { migrate } from "../dist/server/db/migrate.js";
import { completeDatabase } from "../dist/server/server/bootstrap.js";

await writeTemplate("empty", (client) => migrate(pgliteHandle(client, () => {})));
await writeTemplate(
  "demo",
  async (client) => {
    await completeDatabase(
      pgliteHandle(client, () => {}),
      true,
    );
  },
  { from: initdbTemplate("empty"), remake: true },
);
