import { writeFile } from "node:fs/promises";
import { and, eq, lte } from "drizzle-orm";
import type { Database } from "../db/client.js";
import { plans } from "../db/schema/index.js";
import { pickActive } from "../domain/plan-versions.js";
import { lkjipInput } from "../lkjip/queries.js";
import { buildLkjip, lkjipDocx, lkjipPdf } from "../reports/lkjip/index.js";
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

/** Writes the LKjIP of a year, against the Renstra in force over it, as docx, pdf or json; returns its summary. */
export async function exportLkjipReport(
  db: Database,
  o: { org: string; year: number; format: "docx" | "pdf" | "json"; output: string; paper: "A4" | "F4" },
) {
  const unit = await findOrgUnitByName(db, o.org);
  const renstras = await db
    .select({
      id: plans.id,
      version: plans.version,
      status: plans.status,
      year: plans.year,
      endYear: plans.endYear,
    })
    .from(plans)
    .where(and(eq(plans.orgUnitId, unit.id), eq(plans.kind, "renstra"), lte(plans.year, o.year)));
  const renstra = pickActive(renstras.filter((r) => o.year <= (r.endYear ?? r.year + 4)));
  if (!renstra)
    throw new Error(`Tidak ada Renstra ${unit.name} yang mencakup ${o.year} / no Renstra covers ${o.year}`);
  const input = await lkjipInput(db, renstra.id, o.year);
  if (!input) throw new Error("Renstra tidak ditemukan / Renstra not found");
  const lkjip = buildLkjip(input);
  const pk = input.pk?.doc ?? null;
  const file =
    o.format === "json"
      ? JSON.stringify(lkjip, null, 2)
      : o.format === "docx"
        ? await lkjipDocx(lkjip, pk, o)
        : await lkjipPdf(lkjip, pk, o);
  await writeFile(o.output, file);
  return { sasaran: lkjip.sasaran.length, indicators: lkjip.sasaran.flatMap((s) => s.indicators).length };
}
