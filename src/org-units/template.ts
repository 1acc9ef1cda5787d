import { and, asc, isNull, ne, sql } from "drizzle-orm";
import type { Database } from "../db/client.js";
import { orgUnits } from "../db/schema/index.js";
import {
  ALLOWED_PARENTS,
  UNIT_OWNER_LABEL,
  UNIT_OWNERS,
  UNIT_TYPE_LABEL,
  UNIT_TYPES,
} from "../domain/org-unit-tree.js";
import { newWorkbook } from "../lib/exceljs.js";
import { IMPORT_COLUMNS } from "./import-read.js";
import type { UnitRow } from "./queries.js";

/** The region's open units in the import layout, so the Dinas edits its list and uploads it back. */
export async function orgUnitTemplate(db: Database, root: UnitRow) {
  const units = await db
    .select()
    .from(orgUnits)
    .where(
      and(
        sql`left(${orgUnits.path}, ${root.path.length}::int) = ${root.path}::text`,
        ne(orgUnits.id, root.id),
        isNull(orgUnits.closedOn),
      ),
    )
    .orderBy(asc(orgUnits.path));
  const book = await newWorkbook();
  const sheet = book.addWorksheet("Unit organisasi");
  sheet.addRow(IMPORT_COLUMNS.map((c) => c.label)).font = { bold: true };
  for (const u of units) {
    const row = sheet.addRow([
      u.code,
      u.name,
      UNIT_TYPE_LABEL[u.type],
      u.ownerType ? UNIT_OWNER_LABEL[u.ownerType] : null,
      u.path.split("/").at(-3) ?? "",
      u.isBlud ? "Ya" : "Tidak",
      u.kemenkesCode,
    ]);
    row.getCell(2).alignment = { indent: Math.max(0, u.level - root.level - 1) };
  }
  [16, 40, 20, 18, 16, 8, 16].forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  for (const c of [1, 5, 7]) sheet.getColumn(c).numFmt = "@";
  sheet.views = [{ state: "frozen", ySplit: 1 }];

  const help = book.addWorksheet("Petunjuk");
  help.getColumn(1).width = 26;
  help.getColumn(2).width = 80;
  for (const line of [
    [`Daftar unit organisasi ${root.name} (kode ${root.code})`],
    [],
    ["Kode", "Kode unit, unik; huruf, angka, titik dan tanda hubung. Kode menjadi kunci: jangan diubah."],
    ["Induk", `Kode unit induk: unit di berkas ini, unit yang sudah ada, atau ${root.code} sendiri.`],
    [
      "Kepemilikan",
      "Kosong: tetap (unit baru: sesuai jenisnya). Pemerintah, Swasta, BUMD, Organisasi Mitra.",
    ],
    ["BLUD", "Ya atau Tidak; kosong: tetap."],
    ["Kode Kemenkes", "Kode fasyankes dari Kemenkes bila ada; kosong: tetap."],
    ["Baris yang dihapus", "Tidak menutup unit; tutup unit di layar Unit Organisasi."],
    [],
    ["Jenis", "Boleh berada di bawah"],
    ...UNIT_TYPES.filter((t) => ALLOWED_PARENTS[t].length).map((t) => [
      UNIT_TYPE_LABEL[t],
      ALLOWED_PARENTS[t].map((p) => UNIT_TYPE_LABEL[p]).join(", "),
    ]),
    [],
    ["Kepemilikan", UNIT_OWNERS.map((o) => UNIT_OWNER_LABEL[o]).join(", ")],
  ])
    help.addRow(line);
  help.getRow(1).font = { bold: true, size: 13 };
  return Buffer.from(await book.xlsx.writeBuffer());
}
