import { readFile, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { and, desc, eq, or } from "drizzle-orm";
import type { Database } from "../db/client.js";
import { orgUnits, plans } from "../db/schema/index.js";
import { parseRakFile } from "../interop/rak-import/index.js";
import { AppError } from "../lib/errors.js";
import { importRak } from "../plans/import-version.js";
import { readRak } from "../plans/rak-queries.js";
import { rakPdf, rakXlsx } from "../reports/rak/index.js";

const cliActor = { userId: null, username: "cli", requestId: null };

/** The org unit named on the command line by code, name or office name ("Dinas Kesehatan Kota Metro"). */
export async function findOrgUnitByName(db: Database, nameOrCode: string) {
  const rows = await db
    .select()
    .from(orgUnits)
    .where(
      or(eq(orgUnits.code, nameOrCode), eq(orgUnits.name, nameOrCode), eq(orgUnits.officeName, nameOrCode)),
    );
  if (rows.length !== 1) {
    throw new AppError(
      400,
      "ORG_UNIT_UNKNOWN",
      rows.length
        ? `"${nameOrCode}" cocok dengan beberapa unit; pakai kodenya.`
        : `Unit organisasi "${nameOrCode}" tidak ada.`,
      rows.length ? `"${nameOrCode}" matches several units; use its code.` : `No org unit "${nameOrCode}".`,
    );
  }
  return rows[0] as (typeof rows)[number];
}

export interface ImportSummary {
  sasaran: number;
  program: number;
  kegiatan: number;
  subKegiatan: number;
  indicators: number;
  budgetTotal: number;
  warnings: Array<{ code: string; message: string; row: number | null }>;
  planId?: string;
  version?: number;
}

export async function importRakFile(
  db: Database,
  file: string,
  o: { org: string; year: number; dryRun: boolean },
): Promise<ImportSummary> {
  const unit = await findOrgUnitByName(db, o.org);
  const parsed = await parseRakFile(new Uint8Array(await readFile(file)), basename(file));
  const doc = parsed.document;
  if (doc.year && doc.year !== o.year) {
    throw new AppError(
      400,
      "YEAR_MISMATCH",
      `Berkas ini untuk tahun ${doc.year}, bukan ${o.year}.`,
      "Year mismatch.",
    );
  }
  doc.year = o.year;
  doc.orgUnitName ||= unit.officeName ?? unit.name;
  doc.title ||= `Rencana Aksi Kinerja ${doc.orgUnitName} Tahun ${o.year}`;
  const summary: ImportSummary = {
    ...parsed.summary,
    warnings: parsed.warnings.map((w) => ({ code: w.code, message: w.message, row: w.row })),
  };
  if (o.dryRun) return summary;
  const { planId, version } = await importRak(db, { orgUnitId: unit.id, doc }, cliActor);
  return { ...summary, planId, version };
}

/** Writes the latest version of the org unit's RAK for the year as xlsx or pdf. */
export async function exportRakFile(
  db: Database,
  o: { org: string; year: number; format: "xlsx" | "pdf"; output: string; paper: "A4" | "F4" },
) {
  const unit = await findOrgUnitByName(db, o.org);
  const [plan] = await db
    .select({ id: plans.id, version: plans.version })
    .from(plans)
    .where(and(eq(plans.orgUnitId, unit.id), eq(plans.year, o.year), eq(plans.kind, "rak")))
    .orderBy(desc(plans.version))
    .limit(1);
  const doc = plan ? await readRak(db, plan.id) : undefined;
  if (!plan || !doc) {
    throw new AppError(
      404,
      "NOT_FOUND",
      `Belum ada RAK ${o.year} untuk ${o.org}.`,
      `No RAK ${o.year} for ${o.org}.`,
    );
  }
  await writeFile(o.output, o.format === "xlsx" ? await rakXlsx(doc, o) : await rakPdf(doc, o));
  return { version: plan.version };
}
