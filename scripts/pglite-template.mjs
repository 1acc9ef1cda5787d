// Part of `npm run build`: the migrated empty PGlite cluster a new data folder starts from
// (src/db/initdb-template.ts).
import { pgliteHandle } from "../dist/server/db/client.js";
import { writeInitdbTemplate } from "../dist/server/db/initdb-template.js";
import { migrate } from "../dist/server/db/migrate.js";

await writeInitdbTemplate((client) => migrate(pgliteHandle(client, () => {})));
