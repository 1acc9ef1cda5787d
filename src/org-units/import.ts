import { asc, inArray, or, sql } from "drizzle-orm";
import type { Actor } from "../audit/record.js";
import { recordAudit } from "../audit/record.js";
import type { Database } from "../db/client.js";
import { orgUnits } from "../db/schema/index.js";
import {
  codeProblem,
  defaultOwner,
  kabKotaOf,
  kemenkesCodeProblem,
  ownershipProblem,
  parentProblem,
  readUnitOwner,
  readUnitType,
  readYesNo,
  UNIT_OWNER_LABEL,
  UNIT_TYPE_LABEL,
  type UnitOwner,
  type UnitType,
} from "../domain/org-unit-tree.js";
import { ImportError, readSpreadsheet } from "../interop/spreadsheet/index.js";
import { AppError } from "../lib/errors.js";
import { auditChange, lockUnit, moveWithin } from "./commands.js";
import { type ImportColumn, readUnitRows, type SheetRow } from "./import-read.js";
import type { UnitRow } from "./queries.js";
import type { OrgUnitImport, OrgUnitImportRow } from "./schemas.js";

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** One row as it would be written: the unit's final fields, or null when the row cannot be read. */
interface Planned {
  code: string;
  name: string;
  type: UnitType;
  parentCode: string;
  ownerType: UnitOwner | null;
  isBlud: boolean;
  kemenkesCode: string | null;
  existing: UnitRow | undefined;
}

export interface ImportPlan {
  rows: OrgUnitImportRow[];
  /** The rows to write, parents before children. */
  writes: Planned[];
}

const parentCodeOf = (unit: Pick<UnitRow, "path">) => unit.path.split("/").at(-3) ?? "";

/** The region's units and any unit elsewhere holding a code or Kemenkes code the file uses. */
async function knownUnits(db: Database, root: UnitRow, codes: string[], kemenkes: string[]) {
  const inRegion = sql`left(${orgUnits.path}, ${root.path.length}::int) = ${root.path}::text`;
  const rows = await db
    .select()
    .from(orgUnits)
    .where(
      or(
        inRegion,
        codes.length ? inArray(orgUnits.code, codes) : undefined,
        kemenkes.length ? inArray(orgUnits.kemenkesCode, kemenkes) : undefined,
      ),
    )
    .orderBy(asc(orgUnits.path));
  return rows as UnitRow[];
}

/**
 * Reads the file against the region and the database without writing: each row new, changed (old →
 * new), unchanged or in error with its column. The caller authorized `root`; units outside it are refused.
 */
export async function planOrgUnitImport(
  db: Database,
  root: UnitRow,
  bytes: Uint8Array,
  fileName: string,
): Promise<ImportPlan> {
  const { grids } = await readSpreadsheet(bytes, fileName, MAX_IMPORT_BYTES).catch((error) => {
    throw error instanceof ImportError
      ? new AppError(error.statusCode, error.code, error.messageId, error.messageEn, error.details)
      : error;
  });
  const sheet = readUnitRows(grids[0] ?? { rows: [] });
  const codes = sheet.map((r) => r.cells.code.text).filter(Boolean);
  const kemenkesCodes = sheet.map((r) => r.cells.kemenkes.text).filter(Boolean);
  const known = await knownUnits(
    db,
    root,
    [...new Set([...codes, ...sheet.map((r) => r.cells.parent.text)])],
    kemenkesCodes,
  );
  const byCode = new Map(known.map((u) => [u.code, u]));
  const inRegion = (u: UnitRow | undefined) => !!u && u.path.startsWith(root.path);

  const out: OrgUnitImportRow[] = [];
  const planned = new Map<string, Planned>();
  const fileCodes = new Map<string, number>();
  const fileKemenkes = new Map<string, number>();
  const allCodes = new Set(codes);
  for (const line of sheet) {
    const result = readRow(line, root, byCode, inRegion, fileCodes, fileKemenkes, allCodes);
    out.push(result.row);
    // A code written twice is an error on the later row; the first one stands for it.
    if (result.plan && !planned.has(result.plan.code)) planned.set(result.plan.code, result.plan);
  }

  // The tree after the import: the file's rows over the region's units.
  const finalParent = (code: string) =>
    planned.get(code)?.parentCode ??
    (inRegion(byCode.get(code)) ? parentCodeOf(byCode.get(code) as UnitRow) : undefined);
  const finalType = (code: string) => planned.get(code)?.type ?? byCode.get(code)?.type;
  for (const result of out) {
    const plan = planned.get(result.code);
    if (!plan || result.errors.length) continue;
    const problem = (column: ImportColumn | null, id: string, en: string) =>
      result.errors.push({
        column: column && columnOf(sheet, result.row, column),
        message: id,
        messageEn: en,
      });
    const parentType = finalType(plan.parentCode);
    const typed = parentType ? parentProblem(plan.type, parentType) : null;
    if (typed) problem("parent", typed.id, typed.en);
    const seen = new Set<string>([plan.code]);
    // Walk up the tree as it will be; meeting a unit twice (this one or another) is a cycle.
    for (let up = plan.parentCode; up && up !== root.code; up = finalParent(up) ?? "") {
      if (seen.has(up)) {
        problem(
          "parent",
          `Induk ${plan.parentCode} membuat lingkaran: unit berada di bawah dirinya sendiri.`,
          `Parent ${plan.parentCode} makes a cycle: the unit would sit under itself.`,
        );
        break;
      }
      seen.add(up);
    }
    if (plan.existing && plan.existing.type !== plan.type) {
      for (const child of known.filter((u) => u.parentId === plan.existing?.id && !planned.has(u.code))) {
        const p = parentProblem(child.type, plan.type);
        if (p) problem("type", `${child.name}: ${p.id}`, `${child.name}: ${p.en}`);
      }
    }
  }

  for (const result of out) {
    const plan = planned.get(result.code);
    if (result.errors.length) result.status = "error";
    else if (plan) Object.assign(result, describeChanges(plan));
  }
  const failing = new Set(out.filter((r) => r.status === "error").map((r) => r.code));
  const valid = [...planned.values()].filter((p) => !failing.has(p.code));
  const depth = (code: string) => {
    let n = 0;
    for (
      let c = planned.get(code)?.parentCode;
      c && planned.has(c) && n < 5000;
      c = planned.get(c)?.parentCode
    )
      n++;
    return n;
  };
  return { rows: out, writes: valid.sort((a, b) => depth(a.code) - depth(b.code)) };
}

function columnOf(sheet: SheetRow[], row: number, column: ImportColumn) {
  return sheet.find((s) => s.row === row)?.cells[column].column ?? null;
}

function readRow(
  line: SheetRow,
  root: UnitRow,
  byCode: Map<string, UnitRow>,
  inRegion: (u: UnitRow | undefined) => boolean,
  fileCodes: Map<string, number>,
  fileKemenkes: Map<string, number>,
  allCodes: ReadonlySet<string>,
): { row: OrgUnitImportRow; plan?: Planned } {
  const c = line.cells;
  const row: OrgUnitImportRow = {
    row: line.row,
    code: c.code.text,
    name: c.name.text,
    status: "error",
    changes: [],
    errors: [],
  };
  const problem = (column: ImportColumn | null, id: string, en: string) =>
    row.errors.push({ column: column && c[column].column, message: id, messageEn: en });
  const code = c.code.text;
  const codeIssue = codeProblem(code);
  if (codeIssue) problem("code", codeIssue.id, codeIssue.en);
  const firstRow = fileCodes.get(code);
  if (code && firstRow !== undefined)
    problem(
      "code",
      `Kode ${code} sudah ada di baris ${firstRow}.`,
      `Code ${code} already appears on row ${firstRow}.`,
    );
  else if (code) fileCodes.set(code, line.row);
  const existing = byCode.get(code);
  if (existing && !inRegion(existing))
    problem(
      "code",
      `Kode ${code} sudah dipakai ${existing.name} di luar wilayah ini.`,
      `Code ${code} is already used by ${existing.name} outside this region.`,
    );
  if (code && code === root.code)
    problem(
      "code",
      `${root.name} adalah wilayah impor ini dan tidak diubah lewat berkas.`,
      `${root.name} is the region of this import and is not changed by the file.`,
    );
  if (c.name.text.length < 2 || c.name.text.length > 200)
    problem("name", "Nama wajib diisi (2–200 huruf).", "The name is required (2–200 characters).");
  const type = readUnitType(c.type.text);
  if (!type)
    problem(
      "type",
      `Jenis "${c.type.text}" tidak dikenal (mis. Kecamatan, Puskesmas, Klinik, RSUD).`,
      `Type "${c.type.text}" is not known (e.g. Kecamatan, Puskesmas, Klinik, RSUD).`,
    );
  const ownerGiven = c.owner.text ? readUnitOwner(c.owner.text) : undefined;
  if (ownerGiven === null)
    problem(
      "owner",
      `Kepemilikan "${c.owner.text}" tidak dikenal (Pemerintah, Swasta, BUMD, Organisasi Mitra).`,
      `Owner type "${c.owner.text}" is not known (pemerintah, swasta, bumd, organisasi_mitra).`,
    );
  const blud = c.blud.text ? readYesNo(c.blud.text) : undefined;
  if (c.blud.text && blud === undefined)
    problem("blud", `BLUD "${c.blud.text}": isi Ya atau Tidak.`, `BLUD "${c.blud.text}": write Ya or Tidak.`);
  const kemenkes = c.kemenkes.text || null;
  if (kemenkes) {
    const p = kemenkesCodeProblem(kemenkes);
    if (p) problem("kemenkes", p.id, p.en);
    const holder = [...byCode.values()].find((u) => u.kemenkesCode === kemenkes && u.code !== code);
    const firstKemenkes = fileKemenkes.get(kemenkes);
    if (holder)
      problem(
        "kemenkes",
        `Kode Kemenkes ${kemenkes} sudah dipakai ${holder.name} (${holder.code}).`,
        `Kemenkes code ${kemenkes} is already used by ${holder.name} (${holder.code}).`,
      );
    else if (firstKemenkes !== undefined)
      problem(
        "kemenkes",
        `Kode Kemenkes ${kemenkes} sudah ada di baris ${firstKemenkes}.`,
        `Kemenkes code ${kemenkes} already appears on row ${firstKemenkes}.`,
      );
    else fileKemenkes.set(kemenkes, line.row);
  }
  const parentCode = c.parent.text;
  const parent = byCode.get(parentCode);
  if (!parentCode) problem("parent", "Kode induk wajib diisi.", "The parent code is required.");
  else if (parent && !inRegion(parent))
    problem(
      "parent",
      `Induk ${parentCode} (${parent.name}) di luar wilayah Anda.`,
      `Parent ${parentCode} (${parent.name}) is outside your region.`,
    );
  else if (parent?.closedOn)
    problem(
      "parent",
      `Induk ${parentCode} (${parent.name}) sudah ditutup.`,
      `Parent ${parentCode} (${parent.name}) is closed.`,
    );
  else if (!parent && !allCodes.has(parentCode))
    problem(
      "parent",
      `Kode induk ${parentCode} tidak dikenal, di berkas maupun di basis data.`,
      `Parent code ${parentCode} is known neither in the file nor in the database.`,
    );
  if (!type) return { row };
  const ownerType = ownerGiven ?? (existing ? existing.ownerType : defaultOwner(type));
  const isBlud = blud ?? existing?.isBlud ?? false;
  const owned = ownershipProblem(type, ownerType, isBlud);
  if (owned) problem(ownerGiven ? "owner" : "type", owned.id, owned.en);
  return {
    row,
    plan: {
      code,
      name: c.name.text,
      type,
      parentCode,
      ownerType,
      isBlud,
      kemenkesCode: kemenkes ?? existing?.kemenkesCode ?? null,
      existing,
    },
  };
}

const typeLabel = (t: UnitType | null | undefined) => (t ? UNIT_TYPE_LABEL[t] : null);
const ownerLabel = (o: UnitOwner | null | undefined) => (o ? UNIT_OWNER_LABEL[o] : null);
const yesNo = (b: boolean) => (b ? "Ya" : "Tidak");

/** New, or the fields that change with their old and new value as the Dinas reads them. */
function describeChanges(plan: Planned): Pick<OrgUnitImportRow, "status" | "changes"> {
  const u = plan.existing;
  const pairs: Array<[string, string | null, string | null]> = [
    ["Nama", u ? u.name : plan.name, plan.name],
    ["Jenis", u ? typeLabel(u.type) : null, typeLabel(plan.type)],
    ["Induk", u ? parentCodeOf(u) : null, plan.parentCode],
    ["Kepemilikan", u ? ownerLabel(u.ownerType) : null, ownerLabel(plan.ownerType)],
    ["BLUD", u ? yesNo(u.isBlud) : null, u || plan.isBlud ? yesNo(plan.isBlud) : null],
    ["Kode Kemenkes", u ? u.kemenkesCode : null, plan.kemenkesCode],
  ];
  // A new unit lists what it will be; an existing one only what changes.
  const changes = pairs
    .filter(([, o, n]) => o !== n)
    .map(([field, old, next]) => ({ field, old, new: next }));
  if (!u) return { status: "new", changes };
  return { status: changes.length ? "changed" : "unchanged", changes };
}

export function importSummary(plan: ImportPlan, dryRun: boolean): OrgUnitImport {
  const count = (s: OrgUnitImportRow["status"]) => plan.rows.filter((r) => r.status === s).length;
  return {
    dryRun,
    rows: plan.rows,
    counts: {
      new: count("new"),
      changed: count("changed"),
      unchanged: count("unchanged"),
      error: count("error"),
    },
  };
}

/** Writes a previewed file in one transaction, parents first; any row in error refuses the whole file. */
export async function commitOrgUnitImport(db: Database, plan: ImportPlan, fileName: string, actor: Actor) {
  const failing = plan.rows.filter((r) => r.status === "error");
  if (failing.length)
    throw new AppError(
      422,
      "IMPORT_HAS_ERRORS",
      `${failing.length} baris bermasalah; tidak ada yang disimpan. Perbaiki lalu unggah lagi.`,
      `${failing.length} rows have problems; nothing was saved. Fix them and upload again.`,
      { rows: failing.map((r) => ({ row: r.row, errors: r.errors })) },
    );
  const reason = `Impor berkas ${fileName}`;
  await db.transaction(async (tx) => {
    for (const p of plan.writes) {
      const parent = (await lockUnit(tx, { code: p.parentCode })) as UnitRow;
      const fields = {
        name: p.name,
        type: p.type,
        ownerType: p.ownerType,
        isBlud: p.isBlud,
        kemenkesCode: p.kemenkesCode,
      };
      if (!p.existing) {
        const [row] = await tx
          .insert(orgUnits)
          .values({
            ...fields,
            code: p.code,
            parentId: parent.id,
            districtId: kabKotaOf(parent),
            level: parent.level + 1,
            path: `${parent.path}${p.code}/`,
          })
          .returning();
        await recordAudit(tx, actor, {
          action: "orgunit.create",
          entityType: "org_unit",
          entityId: row?.id,
          orgUnitId: row?.id,
          newValue: row,
          reason,
        });
        continue;
      }
      const before = (await lockUnit(tx, { code: p.code })) as UnitRow;
      if (before.parentId !== parent.id) await moveWithin(tx, before, parent);
      await tx.update(orgUnits).set(fields).where(sql`${orgUnits.id} = ${before.id}`);
      const after = (await lockUnit(tx, { code: p.code })) as UnitRow;
      if (describeChanges({ ...p, existing: before }).status === "changed")
        await auditChange(tx, actor, "orgunit.import", before, after, reason);
    }
  });
}
