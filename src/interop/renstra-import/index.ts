/** Import of a Renstra from .xlsx or .csv: parse with warnings; the plans feature saves it. */

export { parseRenstraFile, type RenstraImport } from "./parse.js";
