// Part of `npm run build`: the empty PGlite cluster a new data folder starts from (src/db/initdb-template.ts).
import { writeInitdbTemplate } from "../dist/server/db/initdb-template.js";

await writeInitdbTemplate();
