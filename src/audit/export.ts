import { auditActionLabel, auditEntityLabel } from "../domain/index.js";
import { newWorkbook } from "../lib/exceljs.js";
import type { AuditRow } from "./queries.js";

const jakartaTime = new Intl.DateTimeFormat("id-ID", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "Asia/Jakarta",
});

const asText = (value: unknown) => (value === null || value === undefined ? "" : JSON.stringify(value));

/** A bulk record (an import) listed among others holds only its count: one line, not one per value. */
const newText = (r: AuditRow) =>
  r.valueCount !== null && Object.keys(r.newValue ?? {}).join() === "count"
    ? `${r.valueCount} nilai`
    : asText(r.newValue);

/** The audit records as an xlsx sheet, actions and entities in words as on screen, an auditor can filter in Excel, with a title row saying what it holds. */
export async function auditWorkbook(rows: AuditRow[], title: string): Promise<Buffer> {
  const workbook = await newWorkbook();
  workbook.creator = "capaian";
  const sheet = workbook.addWorksheet("Jejak Audit", { views: [{ state: "frozen", ySplit: 2 }] });
  sheet.addRow([title]).font = { bold: true, size: 12 };
  const header = sheet.addRow([
    "No",
    "Waktu (WIB)",
    "Pengguna",
    "Aksi",
    "Entitas",
    "ID Entitas",
    "Unit Organisasi",
    "Nilai Lama",
    "Nilai Baru",
    "Alasan",
    "ID Permintaan",
    "Alamat Klien",
  ]);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE6F4F1" } };
    cell.border = { bottom: { style: "thin" } };
  });
  for (const r of rows) {
    sheet.addRow([
      r.id,
      jakartaTime.format(r.at),
      r.username ?? "",
      auditActionLabel(r.action, "id"),
      auditEntityLabel(r.entityType, "id"),
      r.entityId ?? "",
      r.orgUnitName ?? "",
      asText(r.oldValue),
      newText(r),
      r.reason ?? "",
      r.requestId ?? "",
      r.clientAddress ?? "",
    ]);
  }
  const widths = [8, 22, 20, 30, 20, 38, 30, 50, 50, 30, 38, 18];
  widths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: widths.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
