import { writeFile } from "node:fs/promises";
import type { Database } from "../db/client.js";
import { spmReportPdf, spmReportXlsx } from "../reports/spm/index.js";
import { buildSpmReport } from "../spm/report-queries.js";
import { findOrgUnitByName } from "./rak-commands.js";

/** Writes a region's annual SPM report (Pasal 9) as xlsx, pdf or json; returns its summary. */
export async function exportSpmReport(
  db: Database,
  o: { org: string; year: number; format: "xlsx" | "pdf" | "json"; output: string; paper: "A4" | "F4" },
) {
  const unit = await findOrgUnitByName(db, o.org);
  const report = await buildSpmReport(db, unit, o.year);
  const file =
    o.format === "json"
      ? JSON.stringify(report, null, 2)
      : o.format === "xlsx"
        ? await spmReportXlsx(report, o)
        : await spmReportPdf(report, o);
  await writeFile(o.output, file);
  return {
    services: report.services.length,
    computed: report.services.filter((s) => s.capaian !== null).length,
  };
}
