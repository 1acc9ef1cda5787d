import { createReadStream, createWriteStream } from "node:fs";
import { stat } from "node:fs/promises";
import { extname } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Database, DatabaseKind } from "../db/client.js";
import { parseDhis2Period } from "../domain/index.js";
import { measured } from "../interop/dhis2/body.js";
import { writeValues } from "../interop/dhis2/export.js";
import { exportRows } from "../interop/dhis2/export-rows.js";
import { type ImportProgress, readAndImport } from "../interop/dhis2/import-file.js";
import { findDataSet, unitsBy } from "../interop/dhis2/queries.js";
import type { Format } from "../interop/dhis2/read-values.js";
import type { IdScheme, ImportSummary } from "../interop/dhis2/schemas.js";
import { AppError } from "../lib/errors.js";

const cliActor = { userId: null, username: "cli", requestId: null };
/** The command line runs as the server's owner: every unit is in its scope, the checks stay the same. */
const everywhere = [{ role: "operator_fasyankes" as const, orgUnitId: "", orgUnitPath: "/" }];

const formatOf = (file: string, given?: string): Format => {
  const f = given ?? { ".csv": "csv", ".xml": "adx", ".adx": "adx" }[extname(file).toLowerCase()] ?? "json";
  if (f !== "json" && f !== "csv" && f !== "adx") throw new Error("--format json | csv | adx");
  return f;
};

export async function importValuesFile(
  db: Database,
  file: string,
  o: {
    format?: string;
    dryRun: boolean;
    atomic?: string;
    dataSet?: string;
    idScheme: IdScheme;
    strategy: "CREATE" | "UPDATE" | "CREATE_AND_UPDATE" | "DELETE";
    kind: DatabaseKind;
    /** Values read so far, then the phase: what a background import job reports too. */
    onProgress?: (progress: ImportProgress) => void;
  },
): Promise<ImportSummary> {
  const format = formatOf(file, o.format);
  // A missing file fails here with its name, not later as a file that cannot be read.
  await stat(file);
  const input = measured(createReadStream(file), Number.MAX_SAFE_INTEGER);
  return readAndImport(
    db,
    { stream: input.stream, format, file: input.done },
    {
      dryRun: o.dryRun,
      strategy: o.strategy,
      atomic: o.atomic?.toUpperCase() !== "NONE",
      elementScheme: o.idScheme,
      unitScheme: o.idScheme,
      dataSetScheme: o.idScheme,
      dataSet: o.dataSet,
      databaseKind: o.kind,
    },
    everywhere,
    cliActor,
    o.onProgress,
  );
}

export async function exportValuesFile(
  db: Database,
  o: {
    dataSet: string;
    orgUnit: string;
    children: boolean;
    period?: string;
    startDate?: string;
    endDate?: string;
    format?: string;
    idScheme: IdScheme;
    output: string;
  },
) {
  const dataSet = await findDataSet(db, o.idScheme, o.dataSet);
  const unit = (await unitsBy(db, o.idScheme, [o.orgUnit])).get(o.orgUnit);
  if (!dataSet || !unit)
    throw new AppError(
      404,
      "NOT_FOUND",
      `${dataSet ? "Unit" : "Formulir"} tidak ditemukan.`,
      `${dataSet ? "Org unit" : "Data set"} not found.`,
    );
  if (!o.period && !(o.startDate && o.endDate)) throw new Error("--period, or --start-date and --end-date");
  const format = formatOf(o.output, o.format);
  const rows = exportRows(
    db,
    {
      dataSetId: dataSet.id,
      unitPath: unit.path,
      children: o.children,
      scheme: o.idScheme,
      periodCodes: o.period ? [parseDhis2Period(o.period).code] : undefined,
      startDate: o.startDate,
      endDate: o.endDate,
    },
    format === "adx",
  );
  const name = o.idScheme === "UID" ? dataSet.id : o.idScheme === "CODE" ? dataSet.code : dataSet.name;
  await pipeline(Readable.from(writeValues(format, rows, name)), createWriteStream(o.output));
}
