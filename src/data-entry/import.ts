import { and, eq, inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { Actor } from "../audit/record.js";
import { allows, type ScopedRole } from "../auth/permissions.js";
import type { Database } from "../db/client.js";
import { dataSetOrgUnits, dataSetReports, orgUnits } from "../db/schema/index.js";
import { canonical, DomainError, isEditable, parseDecimal, parsePeriod } from "../domain/index.js";
import { cellAt, cellText, type Grid, readSpreadsheet } from "../interop/rak-import/index.js";
import { AppError } from "../lib/errors.js";
import { assertEntryOpen, formContext, formElements, formValues } from "./form.js";
import { lockReport } from "./lock-report.js";
import { type ValueToWrite, writeValues } from "./save.js";

const MAX_BYTES = 20 * 1024 * 1024;
const FIXED = ["Kode Unit", "Nama Unit", "Periode"];

export interface ImportRow {
  row: number;
  orgUnitCode: string;
  orgUnitName: string | null;
  period: string;
  errors: string[];
  /** Values that will be written: new ones (old null) and changed ones. */
  changes: Array<{ code: string; old: string | null; new: string }>;
  unchanged: number;
}

/** An xlsx to fill: one row per reporting unit for the period, one column per data element code. */
export async function valuesTemplate(
  db: Database,
  dataSetId: string,
  period: string | undefined,
  scope: readonly ScopedRole[],
) {
  const elements = await formElements(db, dataSetId, period ? parsePeriod(period) : undefined);
  const units = await db
    .select({ code: orgUnits.code, name: orgUnits.name, path: orgUnits.path })
    .from(dataSetOrgUnits)
    .innerJoin(orgUnits, eq(orgUnits.id, dataSetOrgUnits.orgUnitId))
    .where(eq(dataSetOrgUnits.dataSetId, dataSetId));
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Isian");
  sheet.addRow([...FIXED, ...elements.map((e) => e.code)]).font = { bold: true };
  for (const u of units.filter((u) => allows(scope, "data.enter", u.path)))
    sheet.addRow([u.code, u.name, period ?? ""]);
  sheet.columns.forEach((c, i) => {
    c.width = i === 1 ? 28 : 16;
  });
  sheet.views = [{ state: "frozen", ySplit: 1, xSplit: 3 }];
  const help = book.addWorksheet("Kode Data");
  help.addRow(["Kode", "Nama data", "Jenis"]).font = { bold: true };
  for (const e of elements)
    help.addRow([e.code, e.name, e.valueType === "integer" ? "bilangan bulat" : "angka"]);
  help.getColumn(2).width = 60;
  help.addRow([]);
  help.addRow([
    "Periode ditulis YYYYMM (202401 = Januari 2024). Sel kosong dibiarkan; nilai lama tidak dihapus.",
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const refuse = (id: string, en: string) => new AppError(400, "IMPORT_INVALID", id, en);

function readRows(grid: Grid, codes: Set<string>) {
  const header = (grid.rows[0] ?? []).map((c) => cellText(c).trim());
  if (FIXED.some((name, i) => header[i]?.toLowerCase() !== name.toLowerCase())) {
    throw refuse(
      `Baris pertama harus berisi ${FIXED.join(", ")} lalu kode data; unduh templatnya.`,
      `The first row must hold ${FIXED.join(", ")} then data codes; download the template.`,
    );
  }
  const columns = header.slice(3).map((h) => (codes.has(h) ? h : null));
  const unknown = header.slice(3).filter((h, i) => h && columns[i] === null);
  if (unknown.length)
    throw refuse(
      `Kode data tidak dikenal: ${unknown.join(", ")}.`,
      `Unknown data codes: ${unknown.join(", ")}.`,
    );
  return grid.rows.slice(1).flatMap((_, i) => {
    const r = i + 1;
    const orgUnitCode = cellText(cellAt(grid, r, 0)).trim();
    if (!orgUnitCode) return [];
    const values: Record<string, string> = {};
    columns.forEach((code, c) => {
      const text = cellText(cellAt(grid, r, c + 3)).trim();
      if (code && text) values[code] = text;
    });
    return [{ row: r + 1, orgUnitCode, period: cellText(cellAt(grid, r, 2)).trim(), values }];
  });
}

/** Reads the file and checks every row against the database without writing anything. */
export async function previewImport(
  db: Database,
  dataSetId: string,
  bytes: Uint8Array,
  fileName: string,
  roles: readonly ScopedRole[],
): Promise<ImportRow[]> {
  const elements = await formElements(db, dataSetId, "ever");
  const byCode = new Map(elements.map((e) => [e.code, e]));
  const { grids } = await readSpreadsheet(bytes, fileName, MAX_BYTES).catch(
    (e: { messageId?: string; messageEn?: string }) => {
      throw new AppError(
        400,
        "FILE_UNREADABLE",
        e.messageId ?? "Berkas tidak terbaca.",
        e.messageEn ?? "Unreadable file.",
      );
    },
  );
  const rows = readRows(grids[0] ?? { rows: [] }, new Set(byCode.keys()));
  const units = await db
    .select({ id: orgUnits.id, code: orgUnits.code, name: orgUnits.name, path: orgUnits.path })
    .from(orgUnits)
    .where(inArray(orgUnits.code, [...new Set(rows.map((r) => r.orgUnitCode)), "-"]));
  const unitByCode = new Map(units.map((u) => [u.code, u]));
  const seen = new Set<string>();
  const result: ImportRow[] = [];
  for (const r of rows) {
    const unit = unitByCode.get(r.orgUnitCode);
    const out: ImportRow = {
      row: r.row,
      orgUnitCode: r.orgUnitCode,
      orgUnitName: unit?.name ?? null,
      period: r.period,
      errors: [],
      changes: [],
      unchanged: 0,
    };
    result.push(out);
    const key = `${r.orgUnitCode}/${r.period}`;
    if (seen.has(key)) out.errors.push("Baris ganda untuk unit dan periode yang sama.");
    seen.add(key);
    if (!unit) {
      out.errors.push(`Kode unit ${r.orgUnitCode} tidak dikenal.`);
      continue;
    }
    if (!allows(roles, "data.enter", unit.path)) {
      out.orgUnitName = null;
      out.errors.push("Anda tidak berwenang mengisi data unit ini.");
      continue;
    }
    let inForm: Set<string>;
    try {
      const context = await formContext(db, { dataSetId, orgUnitId: unit.id, period: r.period });
      assertEntryOpen(context);
      inForm = new Set((await formElements(db, dataSetId, context.period)).map((e) => e.code));
    } catch (error) {
      out.errors.push(
        error instanceof AppError || error instanceof DomainError ? error.messageId : String(error),
      );
      continue;
    }
    const [report] = await db
      .select({ status: dataSetReports.status })
      .from(dataSetReports)
      .where(
        and(
          eq(dataSetReports.dataSetId, dataSetId),
          eq(dataSetReports.orgUnitId, unit.id),
          eq(dataSetReports.period, r.period),
        ),
      );
    if (report && !isEditable(report.status))
      out.errors.push(`Laporan ${r.period} sudah berstatus ${report.status} dan terkunci.`);
    const current = new Map(
      (
        await formValues(
          db,
          unit.id,
          r.period,
          elements.map((e) => e.id),
        )
      ).map((v) => [v.dataElementId, canonical(v.value)]),
    );
    for (const [code, text] of Object.entries(r.values)) {
      const element = byCode.get(code);
      if (!element) continue;
      if (!inForm.has(code)) {
        out.errors.push(`${code}: bukan bagian formulir pada periode ${r.period}.`);
        continue;
      }
      try {
        const value = parseDecimal(text);
        const old = current.get(element.id) ?? null;
        if (old === value) out.unchanged++;
        else out.changes.push({ code, old, new: value });
      } catch {
        out.errors.push(`${code}: "${text}" bukan angka.`);
      }
    }
  }
  return result;
}

/** Writes a previewed file in one transaction; any row with an error refuses the whole file. */
export async function commitImport(db: Database, dataSetId: string, rows: ImportRow[], actor: Actor) {
  const failing = rows.filter((r) => r.errors.length);
  if (failing.length) {
    throw new AppError(
      422,
      "IMPORT_HAS_ERRORS",
      `${failing.length} baris bermasalah; tidak ada yang disimpan. Perbaiki lalu unggah lagi.`,
      `${failing.length} rows have errors; nothing was saved. Fix them and upload again.`,
      { rows: failing.map((r) => ({ row: r.row, errors: r.errors })) },
    );
  }
  const elements = new Map((await formElements(db, dataSetId, "ever")).map((e) => [e.code, e]));
  const units = await db
    .select({ id: orgUnits.id, code: orgUnits.code })
    .from(orgUnits)
    .where(inArray(orgUnits.code, [...new Set(rows.map((r) => r.orgUnitCode)), "-"]));
  const unitId = new Map(units.map((u) => [u.code, u.id]));
  return db.transaction(async (tx) => {
    let written = 0;
    for (const r of rows.filter((row) => row.changes.length)) {
      const context = await formContext(tx, {
        dataSetId,
        orgUnitId: unitId.get(r.orgUnitCode) as string,
        period: r.period,
      });
      const report = await lockReport(tx, context);
      if (!isEditable(report.status))
        throw refuse(`Laporan ${r.orgUnitCode} ${r.period} sudah terkunci.`, "A report became locked.");
      const current = new Map(
        (
          await formValues(
            tx,
            context.unit.id,
            r.period,
            [...elements.values()].map((e) => e.id),
          )
        ).map((v) => [v.dataElementId, v]),
      );
      const values: ValueToWrite[] = r.changes.map((c) => {
        const element = elements.get(c.code) as { id: string; code: string };
        return { dataElementId: element.id, value: c.new, element };
      });
      await writeValues(tx, context, values, current, actor);
      written += values.length;
    }
    return { forms: rows.filter((r) => r.changes.length).length, values: written };
  });
}
