import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { numberCell, numberToDecimal, shownFractionDigits } from "../spreadsheet/cells.js";
import { parseRakFile } from "./index.js";
import { TEMPLATE_COLUMNS } from "./template.js";

describe("numbers typed into Excel cells", () => {
  it.each([
    [0.013, "0.013"],
    [72.18, "72.18"],
    [0.1 + 0.2, "0.3"],
    [343221061270, "343221061270"],
    [1e-7, "0.0000001"],
    [-2.5, "-2.5"],
    [1e21, "1000000000000000000000"],
  ])("%s becomes the exact decimal %s the planner typed", (value, expected) => {
    expect(numberToDecimal(value)).toBe(expected);
  });

  it("reads a cell shown as 95% as the target 95", () => {
    expect(numberCell(0.95, "0%")).toMatchObject({ value: "95" });
  });

  it.each([
    ["General", null],
    ["0.00", 2],
    ["#,##0", 0],
    ['"Rp"#,##0.0;[Red]-#,##0.0', 1],
  ])("knows how many decimals the format %s shows", (numFmt, digits) => {
    expect(shownFractionDigits(numFmt)).toBe(digits);
  });
});

async function sheetWith(target: number, numFmt: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("RAK");
  sheet.addRow([...TEMPLATE_COLUMNS]);
  sheet.addRow([
    "S",
    null,
    "P",
    null,
    null,
    null,
    null,
    "Prevalensi stunting",
    "%",
    "turun",
    target,
    2.13,
    2.13,
    2.13,
    2.13,
  ]);
  sheet.getCell("K2").numFmt = numFmt;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe("a target cell whose number format hides digits", () => {
  it("imports the full value 8.523 and warns that Excel shows 8,52", async () => {
    const result = await parseRakFile(await sheetWith(8.523, "0.00"), "rak.xlsx");
    expect(result.document.sasaran[0]?.programs[0]?.indicators[0]?.target).toBe("8.523");
    const hidden = result.warnings.find((w) => w.code === "NUMBER_FORMAT_HIDES_DIGITS");
    expect(hidden).toMatchObject({ row: 2 });
    expect(hidden?.message).toContain("8,523");
  });
});
