import { eq, inArray } from "drizzle-orm";
import { recordAudit } from "../audit/record.js";
import type { Database } from "../db/client.js";
import { dataElements, dataSetOrgUnits, dataSets, orgUnits } from "../db/schema/index.js";
import { isElementCode } from "../domain/index.js";
import { readSpreadsheet } from "../interop/spreadsheet/index.js";
import { AppError } from "../lib/errors.js";
import { dataSetDetail } from "./queries.js";
import type { DataSetDetail, DataSetInput, ImportPreview } from "./schemas.js";
import { applyDataSet, type Editor } from "./set-commands.js";
import { type DataSetSheet, readDataSetSheets } from "./workbook.js";

const MAX_BYTES = 5 * 1024 * 1024;
type Line = { id: string; en: string };

/** Thrown inside a preview's transaction so that everything it tried is rolled back. */
class DryRun extends Error {}

/**
 * Reads a data set workbook and applies it: new elements are created, the data set is created or
 * changed like the edit form does, assignments stay. With `dryRun` the same work runs in a transaction
 * that is rolled back, so the preview refuses exactly what the real import would.
 */
export async function importDataSet(
  db: Database,
  bytes: Uint8Array,
  fileName: string,
  editor: Editor,
  dryRun: boolean,
): Promise<ImportPreview> {
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
  const { sheet, errors } = readDataSetSheets(grids);
  if (!sheet) {
    const [first] = errors;
    throw new AppError(400, "IMPORT_INVALID", first?.id ?? "", first?.en ?? "");
  }
  const [found] = await db
    .select({ id: dataSets.id, ownerPath: orgUnits.path })
    .from(dataSets)
    .leftJoin(orgUnits, eq(orgUnits.id, dataSets.ownerOrgUnitId))
    .where(eq(dataSets.code, sheet.code));
  if (found && !editor.manageRoots.some((root) => found.ownerPath?.startsWith(root))) {
    throw new AppError(
      403,
      "ORG_UNIT_OUT_OF_SCOPE",
      `Formulir ${sheet.code} milik Dinas lain.`,
      `Data set ${sheet.code} belongs to another Dinas.`,
    );
  }
  const before = found ? await dataSetDetail(db, found.id, editor.manageRoots, editor.manageRoots) : null;
  const codes = sheet.elements.map((e) => e.code);
  const catalog = await db
    .select()
    .from(dataElements)
    .where(inArray(dataElements.code, [...codes, "-"]));
  const known = new Map(catalog.map((e) => [e.code, e]));
  errors.push(...elementErrors(sheet, codes));
  const newElements = sheet.elements.filter((e) => !known.has(e.code));
  const preview: ImportPreview = {
    code: sheet.code,
    name: sheet.name,
    exists: before !== null,
    changes: describeChanges(before, sheet, known),
    newElements: newElements.map(({ code, name, valueType }) => ({ code, name, valueType })),
    errors,
  };
  if (errors.length) {
    if (dryRun) return preview;
    throw refused(errors);
  }
  try {
    await db.transaction(async (tx) => {
      const created = newElements.length
        ? await tx
            .insert(dataElements)
            .values(
              newElements.map(({ section: _, ...e }) => ({ ...e, ownerOrgUnitId: editor.ownerOrgUnitId })),
            )
            .returning()
        : [];
      if (created.length) {
        await recordAudit(
          tx,
          editor.actor,
          ...created.map((e) => ({
            action: "metadata.element_create",
            entityType: "data_element",
            entityId: e.id,
            orgUnitId: editor.ownerOrgUnitId,
            newValue: { code: e.code, name: e.name, valueType: e.valueType },
          })),
        );
      }
      const idOf = new Map([...catalog, ...created].map((e) => [e.code, e.id]));
      const assigned = found
        ? await tx
            .select({ id: dataSetOrgUnits.orgUnitId, path: orgUnits.path })
            .from(dataSetOrgUnits)
            .innerJoin(orgUnits, eq(orgUnits.id, dataSetOrgUnits.orgUnitId))
            .where(eq(dataSetOrgUnits.dataSetId, found.id))
        : [];
      const input: DataSetInput = {
        ...sheet,
        elements: sheet.elements.map((e) => ({
          dataElementId: idOf.get(e.code) as string,
          section: e.section,
        })),
        orgUnitIds: assigned
          .filter((u) => editor.manageRoots.some((r) => u.path.startsWith(r)))
          .map((u) => u.id),
      };
      await applyDataSet(tx, found?.id ?? null, input, editor);
      if (dryRun) throw new DryRun();
    });
  } catch (error) {
    if (error instanceof DryRun) return preview;
    if (dryRun && error instanceof AppError)
      return { ...preview, errors: [{ id: error.messageId, en: error.messageEn }] };
    throw error;
  }
  return preview;
}

const refused = (errors: Line[]) =>
  new AppError(
    422,
    "IMPORT_HAS_ERRORS",
    `Berkas bermasalah; tidak ada yang disimpan: ${errors.map((e) => e.id).join(" ")}`,
    `The workbook has errors; nothing was saved: ${errors.map((e) => e.en).join(" ")}`,
    { errors },
  );

function elementErrors(sheet: DataSetSheet, codes: string[]): Line[] {
  const errors: Line[] = [];
  if (!sheet.code || !/^[A-Za-z0-9_.-]{1,50}$/.test(sheet.code)) {
    errors.push({
      id: `Kode formulir "${sheet.code}" tidak sah.`,
      en: `Invalid data set code "${sheet.code}".`,
    });
  }
  if (!sheet.name) errors.push({ id: "Nama formulir wajib diisi.", en: "The data set name is required." });
  for (const code of codes.filter((c) => !isElementCode(c))) {
    errors.push({
      id: `Kode data "${code}" tidak sah (huruf, angka, _).`,
      en: `Invalid element code "${code}" (letters, digits, _).`,
    });
  }
  for (const code of new Set(codes.filter((c, i) => codes.indexOf(c) !== i))) {
    errors.push({ id: `Kode data ${code} tercantum dua kali.`, en: `Element code ${code} is listed twice.` });
  }
  for (const e of sheet.elements.filter((e) => !e.name)) {
    errors.push({ id: `Data ${e.code}: nama wajib diisi.`, en: `Element ${e.code}: the name is required.` });
  }
  return errors;
}

function describeChanges(
  before: DataSetDetail | null,
  sheet: DataSetSheet,
  known: Map<string, { name: string }>,
): Line[] {
  const lines: Line[] = [];
  if (!before) {
    lines.push({
      id: `Formulir baru ${sheet.code} dengan ${sheet.elements.length} data dan ${sheet.rules.length} aturan.`,
      en: `New data set ${sheet.code} with ${sheet.elements.length} elements and ${sheet.rules.length} rules.`,
    });
  } else {
    const fields: Array<[keyof DataSetSheet, string, string]> = [
      ["name", "Nama", "Name"],
      ["periodType", "Jenis periode", "Period type"],
      ["deadlineDays", "Batas hari", "Deadline days"],
      ["jumpPercent", "Lonjakan %", "Jump %"],
      ["openFrom", "Dibuka mulai", "Open from"],
      ["openFuturePeriods", "Periode ke depan", "Future periods"],
    ];
    for (const [key, id, en] of fields) {
      const [a, b] = [String(before[key] ?? "—"), String(sheet[key] ?? "—")];
      if (a !== b) lines.push({ id: `${id}: ${a} → ${b}`, en: `${en}: ${a} → ${b}` });
    }
    const old = before.elements.map((e) => e.code);
    const now = sheet.elements.map((e) => e.code);
    const added = now.filter((c) => !old.includes(c));
    const removed = old.filter((c) => !now.includes(c));
    if (added.length)
      lines.push({
        id: `Data ditambahkan: ${added.join(", ")}.`,
        en: `Elements added: ${added.join(", ")}.`,
      });
    if (removed.length) {
      lines.push({
        id: `Data dikeluarkan: ${removed.join(", ")} (formulir periode lalu tetap memuatnya).`,
        en: `Elements removed: ${removed.join(", ")} (earlier periods' forms keep them).`,
      });
    }
    const layout = (list: Array<{ code: string; section: string | null }>) =>
      list
        .filter((e) => old.includes(e.code) && now.includes(e.code))
        .map((e) => `${e.code}|${e.section ?? ""}`)
        .join(",");
    if (layout(before.elements) !== layout(sheet.elements)) {
      lines.push({ id: "Urutan atau bagian data berubah.", en: "The order or sections of elements change." });
    }
    const rulesOf = (rules: DataSetSheet["rules"]) => new Map(rules.map((r) => [r.code, JSON.stringify(r)]));
    const [r0, r1] = [rulesOf(before.rules), rulesOf(sheet.rules)];
    const ruleLine = (codes: string[], id: string, en: string) => {
      if (codes.length) lines.push({ id: `${id}: ${codes.join(", ")}.`, en: `${en}: ${codes.join(", ")}.` });
    };
    ruleLine(
      [...r1.keys()].filter((c) => !r0.has(c)),
      "Aturan baru",
      "New rules",
    );
    ruleLine(
      [...r0.keys()].filter((c) => !r1.has(c)),
      "Aturan dihapus",
      "Rules removed",
    );
    ruleLine(
      [...r1.keys()].filter((c) => r0.has(c) && r0.get(c) !== r1.get(c)),
      "Aturan diubah",
      "Rules changed",
    );
  }
  for (const e of sheet.elements) {
    const existing = known.get(e.code);
    if (!existing)
      lines.push({
        id: `Data baru dibuat: ${e.code} — ${e.name}.`,
        en: `New element created: ${e.code} — ${e.name}.`,
      });
    else if (existing.name !== e.name) {
      lines.push({
        id: `${e.code}: nama di katalog ("${existing.name}") tetap dipakai.`,
        en: `${e.code}: the catalogue name ("${existing.name}") is kept.`,
      });
    }
  }
  if (lines.length === 0) lines.push({ id: "Tidak ada perubahan.", en: "No changes." });
  return lines;
}
